package org.relais.analytics.job;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The analyze job: builds the weighted interaction graph from the lake with Spark, computes the
 * scores on a compact in-memory copy of it, and writes one row per actor to the lake's
 * {@code scores/run_date=<date>/}, with the typed edges beside it in {@code edges/run_date=<date>/}.
 *
 * <p>Spark does the reading, joining and aggregating, where the data is large; the scores are
 * computed on primitive arrays in the driver, where iteration is tens of times faster than on
 * Spark (docs/PERFORMANCE.md).
 */
public final class AnalyzeJob {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);
    private static final String INDEX = "index";
    /** The identity links found for a run, used to merge actors or not: {@code identity_links/run_date=<date>/}. */
    public static final String IDENTITY_LINKS = "identity_links";

    private final SparkSession spark;
    private final Lake lake;
    private final EdgeWeights weights;
    private final PageRankParameters pageRank;
    private final InteractionGraph.Options graphOptions;

    public AnalyzeJob(SparkSession spark, Lake lake, EdgeWeights weights, PageRankParameters pageRank,
            InteractionGraph.Options graphOptions) {
        this.spark = spark;
        this.lake = lake;
        this.weights = weights;
        this.pageRank = pageRank;
        this.graphOptions = graphOptions;
    }

    /** The PageRank parameters in the configuration; {@code threads = 0} means one per core. */
    public static PageRankParameters pageRankParameters(RelaisConfig config) {
        int threads = config.integer("relais.pagerank.threads");
        try {
            return new PageRankParameters(config.number("relais.pagerank.damping"),
                    config.number("relais.pagerank.tolerance"), config.integer("relais.pagerank.max-iterations"),
                    threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException e) {
            throw new org.relais.ingest.config.ConfigException(List.of("relais.pagerank: " + e.getMessage()));
        }
    }

    /**
     * What the analyze job computed.
     *
     * @param actors vertices of the graph
     * @param edges distinct (source, target) pairs
     * @param interactionsByType interactions per edge type
     * @param pageRank how PageRank ran: iterations, convergence, parameters
     * @param graphBytes memory of the in-memory graph
     */
    public record Result(long actors, long edges, Map<String, Long> interactionsByType, PageRankResult pageRank,
            long graphBytes) {

        public ObjectNode toJson(EdgeWeights weights) {
            ObjectNode n = Lake.json().createObjectNode();
            n.put("actors", actors);
            n.put("edges", edges);
            interactionsByType.forEach(n.putObject("interactions_by_type")::put);
            weights.asMap().forEach(n.putObject("edge_weights")::put);
            ObjectNode pr = n.putObject("pagerank");
            pr.put("damping", pageRank.parameters().damping());
            pr.put("tolerance", pageRank.parameters().tolerance());
            pr.put("max_iterations", pageRank.parameters().maxIterations());
            pr.put("iterations", pageRank.iterations());
            pr.put("converged", pageRank.converged());
            pr.put("l1_change", pageRank.finalDelta());
            n.put("graph_bytes", graphBytes);
            return n;
        }
    }

    public Result run(String runDate) {
        LakeState state = lake.state();
        InteractionGraph.Sources sources = new InteractionGraph.Sources(
                lake.read(spark, Tables.Posts.TABLE, state), lake.read(spark, Tables.Accounts.TABLE, state),
                lake.read(spark, Tables.Follows.TABLE, state), lake.read(spark, Tables.BlogLinks.TABLE, state),
                lake.read(spark, Tables.Identities.TABLE, state), lake.read(spark, Tables.Deletions.TABLE, state));

        lake.replacePartition(InteractionGraph.identityLinks(sources, graphOptions)
                .orderBy(InteractionGraph.ACCOUNT_ACTOR), IDENTITY_LINKS, runDate);
        Dataset<Row> interactions = InteractionGraph.graphInteractions(sources, graphOptions);
        Dataset<Row> typed = InteractionGraph.typedEdges(interactions, weights).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            lake.replacePartition(typed.orderBy(col(InteractionGraph.SRC), col(InteractionGraph.DST),
                    col(InteractionGraph.TYPE)), ScoreTable.EDGES, runDate);
            Map<String, Long> byType = new TreeMap<>();
            for (Row r : typed.groupBy(InteractionGraph.TYPE).sum(InteractionGraph.COUNT).collectAsList()) {
                byType.put(r.getString(0), r.getLong(1));
            }

            Actors actors = indexActors(InteractionGraph.actors(sources, graphOptions, interactions));
            LOG.info("analyze: {} actors, {} interactions {}", actors.ids.length,
                    byType.values().stream().mapToLong(Long::longValue).sum(), byType);
            CompactGraph graph = collectGraph(actors, InteractionGraph.edges(typed));
            LOG.info("analyze: in-memory graph {}", graph);

            PageRankResult pr = new PageRank(pageRank)
                    .withProgress((phase, step, delta) -> {
                        if (step % 10 == 0) {
                            LOG.debug("{} iteration {}: L1 change {}", phase, step, delta);
                        }
                    })
                    .run(graph);
            LOG.info("analyze: PageRank {} after {} iterations (L1 change {})",
                    pr.converged() ? "converged" : "did NOT converge", pr.iterations(), pr.finalDelta());

            Map<EdgeType, Map<String, Integer>> received = received(typed,
                    List.of(EdgeType.FOLLOW, EdgeType.REPOST, EdgeType.MENTION));
            lake.replacePartition(scores(actors, graph, pr, received), ScoreTable.NAME, runDate);
            return new Result(actors.ids.length, graph.edgeCount(), byType, pr, graph.memoryBytes());
        } finally {
            typed.unpersist();
        }
    }

    /** Actors in actor-id order; an actor's index in these arrays is its vertex in the graph. */
    private record Actors(String[] ids, String[] platforms, String[] names, Dataset<Row> index) {
    }

    private Actors indexActors(Dataset<Row> actors) {
        Dataset<Row> sorted = actors.orderBy(col(InteractionGraph.ACTOR_ID)).persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> rows = sorted.collectAsList();
        int n = rows.size();
        String[] ids = new String[n];
        String[] platforms = new String[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.getString(0);
            platforms[i] = r.getString(1);
            names[i] = r.getString(2);
        }
        StructType indexSchema = new StructType()
                .add(InteractionGraph.ACTOR_ID, DataTypes.StringType, false)
                .add(INDEX, DataTypes.IntegerType, false);
        Dataset<Row> index = spark.createDataFrame(
                sorted.select(InteractionGraph.ACTOR_ID).javaRDD().zipWithIndex()
                        .map((Tuple2<Row, Long> t) -> RowFactory.create(t._1().getString(0), t._2().intValue())),
                indexSchema);
        sorted.unpersist();
        return new Actors(ids, platforms, names, index);
    }

    /** Brings the edges to the driver as vertex indices and builds the compact graph. */
    private static CompactGraph collectGraph(Actors actors, Dataset<Row> edges) {
        Dataset<Row> indexed = edges
                .join(actors.index.withColumnRenamed(InteractionGraph.ACTOR_ID, "s_id")
                        .withColumnRenamed(INDEX, "s"), col(InteractionGraph.SRC).equalTo(col("s_id")))
                .join(actors.index.withColumnRenamed(InteractionGraph.ACTOR_ID, "d_id")
                        .withColumnRenamed(INDEX, "d"), col(InteractionGraph.DST).equalTo(col("d_id")))
                .select(col("s"), col("d"), col(InteractionGraph.WEIGHT));
        int capacity = 1024;
        int[] src = new int[capacity];
        int[] dst = new int[capacity];
        double[] weight = new double[capacity];
        int m = 0;
        for (Iterator<Row> it = indexed.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            if (m == src.length) {
                int grown = Math.multiplyExact(src.length, 2);
                src = Arrays.copyOf(src, grown);
                dst = Arrays.copyOf(dst, grown);
                weight = Arrays.copyOf(weight, grown);
            }
            src[m] = r.getInt(0);
            dst[m] = r.getInt(1);
            weight[m] = r.getDouble(2);
            m++;
        }
        return CompactGraph.builder(actors.ids.length).build(src, dst, weight, m);
    }

    /** Interactions of each type received by each actor: follows, reposts, mentions. */
    private static Map<EdgeType, Map<String, Integer>> received(Dataset<Row> typed, List<EdgeType> types) {
        Map<EdgeType, Map<String, Integer>> received = new java.util.EnumMap<>(EdgeType.class);
        types.forEach(t -> received.put(t, new java.util.HashMap<>()));
        typed.filter(col(InteractionGraph.TYPE).isin(types.stream().map(EdgeType::code).toArray()))
                .groupBy(InteractionGraph.TYPE, InteractionGraph.DST)
                .agg(org.apache.spark.sql.functions.sum(InteractionGraph.COUNT))
                .toLocalIterator().forEachRemaining(r ->
                        received.get(EdgeType.fromCode(r.getString(0))).put(r.getString(1), (int) r.getLong(2)));
        return received;
    }

    private Dataset<Row> scores(Actors actors, CompactGraph graph, PageRankResult pr,
            Map<EdgeType, Map<String, Integer>> received) {
        int n = actors.ids.length;
        double[] inStrength = inStrengths(graph);
        List<Row> rows = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Object[] values = new Object[ScoreTable.SCHEMA.size()];
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.ACTOR_ID)] = actors.ids[v];
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.PLATFORM)] = actors.platforms[v];
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.LABEL)] = actors.names[v];
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.PAGERANK)] = pr.score(v);
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.IN_DEGREE)] = graph.inDegree(v);
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.OUT_DEGREE)] = graph.outDegree(v);
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.IN_STRENGTH)] = inStrength[v];
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.OUT_STRENGTH)] = graph.outStrength(v);
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.FOLLOWERS)] =
                    received.get(EdgeType.FOLLOW).getOrDefault(actors.ids[v], 0);
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.REPOSTS_RECEIVED)] =
                    received.get(EdgeType.REPOST).getOrDefault(actors.ids[v], 0);
            values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.MENTIONS_RECEIVED)] =
                    received.get(EdgeType.MENTION).getOrDefault(actors.ids[v], 0);
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, ScoreTable.SCHEMA);
    }

    private static double[] inStrengths(CompactGraph graph) {
        int n = graph.vertexCount();
        double[] in = new double[n];
        int[] offsets = graph.inOffsets();
        for (int v = 0; v < n; v++) {
            double sum = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                sum += graph.inWeight(e);
            }
            in[v] = sum;
        }
        return in;
    }
}
