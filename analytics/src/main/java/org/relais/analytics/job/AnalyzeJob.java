package org.relais.analytics.job;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.relais.analytics.CommunityTable;
import org.relais.analytics.ExplanationTable;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.community.Partition;
import org.relais.analytics.algo.explain.Explanation;
import org.relais.analytics.distributed.DistributedPageRank;
import org.relais.analytics.distributed.DistributedPageRankParameters;
import org.relais.analytics.distributed.DistributedPageRankResult;
import org.relais.analytics.distributed.MemoryBudget;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.measures.MeasureSettings;
import org.relais.analytics.measures.MeasureSuite;
import org.relais.analytics.measures.SeedsFile;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The analyze job: builds the weighted interaction graph from the lake with Spark, computes every
 * measure on a compact in-memory copy of it, and writes one row per actor to the lake's
 * {@code scores/run_date=<date>/}, with the typed edges ({@code edges}), the communities, the
 * explanations of the top actors and the identity links beside it.
 *
 * <p>Spark does the reading, joining and aggregating, where the data is large; the scores are
 * computed on primitive arrays in the driver, where iteration is tens of times faster than on
 * Spark (docs/PERFORMANCE.md). A graph larger than the driver's memory budget gets PageRank on
 * Spark instead, with degrees and strengths, and no other measure (the manifest says so).
 */
public final class AnalyzeJob {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);
    private static final String INDEX = "index";
    /** The identity links found for a run, used to merge actors or not: {@code identity_links/run_date=<date>/}. */
    public static final String IDENTITY_LINKS = "identity_links";
    /** The random-jump part of a score, as the explanations name it. */
    static final String RANDOM_JUMP = "random_jump";
    /** The default directory of PageRank on Spark's checkpoints, in the lake. */
    static final String CHECKPOINTS = "_checkpoints";
    /** Members of a community listed in the community table. */
    static final int TOP_MEMBERS = 5;

    private final SparkSession spark;
    private final Lake lake;
    private final Settings settings;

    /**
     * Everything the analyze job is told.
     *
     * @param weights the weight of each edge type
     * @param graph how the graph is built (blog ids, identity merging)
     * @param measures the parameters of every measure
     * @param budget the driver memory the in-memory graph may use
     * @param checkpointInterval iterations between checkpoints of PageRank on Spark
     * @param checkpointDir where PageRank on Spark writes its checkpoints, a directory every node
     *     reaches (a Hadoop URI); empty for {@code <lake>/_checkpoints}
     * @param warmStart whether PageRank starts from the previous night's scores
     * @param seeds the actors whose personalised PageRank is computed, or null
     */
    public record Settings(EdgeWeights weights, InteractionGraph.Options graph, MeasureSettings measures,
            MemoryBudget budget, int checkpointInterval, String checkpointDir, boolean warmStart, SeedsFile seeds) {

        public static Settings from(RelaisConfig config) {
            List<String> problems = new ArrayList<>();
            EdgeWeights weights = null;
            MeasureSettings measures = null;
            try {
                weights = EdgeWeights.from(config);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            try {
                measures = MeasureSettings.from(config);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            MemoryBudget budget = null;
            String b = config.string("relais.analyze.memory-budget");
            try {
                budget = b.equals("auto") ? MemoryBudget.ofHeapFraction(1.0 / 3)
                        : new MemoryBudget(config.bytes("relais.analyze.memory-budget"));
            } catch (RuntimeException e) {
                problems.add("relais.analyze.memory-budget was " + b + ", but must be auto or a size such as 8 GiB");
            }
            int interval = config.integer("relais.analyze.checkpoint-interval");
            if (interval < 1) {
                problems.add("relais.analyze.checkpoint-interval was " + interval + ", but must be >= 1");
            }
            String seedsFile = config.string("relais.pagerank.seeds-file");
            SeedsFile seeds = null;
            if (!seedsFile.isBlank()) {
                try {
                    seeds = SeedsFile.read(Paths.get(seedsFile));
                } catch (IOException e) {
                    problems.add("relais.pagerank.seeds-file: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new Settings(weights, InteractionGraph.Options.from(config), measures, budget, interval,
                    config.string("relais.analyze.checkpoint-dir").strip(), config.flag("relais.pagerank.warm-start"),
                    seeds);
        }
    }

    public AnalyzeJob(SparkSession spark, Lake lake, Settings settings) {
        this.spark = spark;
        this.lake = lake;
        this.settings = settings;
    }

    /**
     * What the analyze job computed.
     *
     * @param actors vertices of the graph
     * @param edges distinct (source, target) pairs
     * @param interactionsByType interactions per edge type
     * @param path whether the scores were computed in memory or on Spark
     * @param estimatedBytes the memory estimate that chose the path
     * @param pageRankIterations iterations PageRank ran
     * @param pageRankConverged whether it converged
     * @param measures how each measure was computed (methods, parameters, bounds)
     */
    public record Result(long actors, long edges, Map<String, Long> interactionsByType, MemoryBudget.Path path,
            long estimatedBytes, int pageRankIterations, boolean pageRankConverged, ObjectNode measures) {

        public ObjectNode toJson(EdgeWeights weights) {
            ObjectNode n = Lake.json().createObjectNode();
            n.put("actors", actors);
            n.put("edges", edges);
            interactionsByType.forEach(n.putObject("interactions_by_type")::put);
            weights.asMap().forEach(n.putObject("edge_weights")::put);
            n.put("path", path == MemoryBudget.Path.IN_MEMORY ? "in-memory" : "spark");
            n.put("estimated_graph_bytes", estimatedBytes);
            n.set("measures", measures);
            return n;
        }
    }

    public Result run(String runDate) {
        LakeState state = lake.state();
        InteractionGraph.Sources sources = new InteractionGraph.Sources(
                lake.read(spark, Tables.Posts.TABLE, state), lake.read(spark, Tables.Accounts.TABLE, state),
                lake.read(spark, Tables.Follows.TABLE, state), lake.read(spark, Tables.BlogLinks.TABLE, state),
                lake.read(spark, Tables.Identities.TABLE, state), lake.read(spark, Tables.Deletions.TABLE, state));

        lake.replacePartition(InteractionGraph.identityLinks(sources, settings.graph())
                .orderBy(InteractionGraph.ACCOUNT_ACTOR), IDENTITY_LINKS, runDate);
        Dataset<Row> interactions = InteractionGraph.graphInteractions(sources, settings.graph());
        Dataset<Row> typed = InteractionGraph.typedEdges(interactions, settings.weights())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            lake.replacePartition(typed.orderBy(col(InteractionGraph.SRC), col(InteractionGraph.DST),
                    col(InteractionGraph.TYPE)), ScoreTable.EDGES, runDate);
            Map<String, Long> byType = new TreeMap<>();
            for (Row r : typed.groupBy(InteractionGraph.TYPE).sum(InteractionGraph.COUNT).collectAsList()) {
                byType.put(r.getString(0), r.getLong(1));
            }
            // The actors of the graph: the endpoints of its typed edges, not of interactions left out.
            Actors actors = indexActors(InteractionGraph.actors(sources, settings.graph(), typed));
            Dataset<Row> indexed = indexedEdges(actors, InteractionGraph.edges(typed))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long m = indexed.count();
                int n = actors.ids.length;
                MemoryBudget.Path path = settings.budget().decide(n, m);
                long estimate = MemoryBudget.estimateBytes(n, m);
                LOG.info("analyze: {} actors, {} edges, {} interactions {}; graph estimated at {} MB: {}", n, m,
                        byType.values().stream().mapToLong(Long::longValue).sum(), byType, estimate >> 20,
                        path == MemoryBudget.Path.IN_MEMORY ? "in memory" : "PageRank on Spark");
                Map<EdgeType, Map<String, Integer>> received = received(typed,
                        List.of(EdgeType.FOLLOW, EdgeType.REPOST, EdgeType.MENTION));
                // A type left out of the graph has no count, rather than a count of 0.
                received.keySet().removeIf(t -> !settings.weights().includes(t));
                return path == MemoryBudget.Path.IN_MEMORY
                        ? inMemory(runDate, actors, indexed, typed, received, byType, m, estimate)
                        : onSpark(runDate, actors, indexed, received, byType, m, estimate);
            } finally {
                indexed.unpersist();
            }
        } finally {
            typed.unpersist();
        }
    }

    private Result inMemory(String runDate, Actors actors, Dataset<Row> indexed, Dataset<Row> typed,
            Map<EdgeType, Map<String, Integer>> received, Map<String, Long> byType, long m, long estimate) {
        CompactGraph graph = collectGraph(actors.ids.length, indexed);
        LOG.info("analyze: in-memory graph {}", graph);
        double[] seeds = seeds(actors);
        double[] warm = settings.warmStart() ? previousScores(runDate, actors) : null;
        MeasureSuite.Measures measures = new MeasureSuite(settings.measures(), progressLog()).run(graph, seeds, warm);
        LOG.info("analyze: PageRank {} after {} iterations; {} communities, modularity {}",
                measures.pageRank().converged() ? "converged" : "did NOT converge", measures.pageRank().iterations(),
                measures.partition().communityCount(), String.format("%.4f", measures.partition().modularity()));

        lake.replacePartition(scores(actors, measures, received), ScoreTable.NAME, runDate);
        lake.replacePartition(communities(actors, measures), CommunityTable.NAME, runDate);
        lake.replacePartition(explanations(actors, graph, measures, typed), ExplanationTable.NAME, runDate);
        return new Result(actors.ids.length, m, byType, MemoryBudget.Path.IN_MEMORY, estimate,
                measures.pageRank().iterations(), measures.pageRank().converged(), measures.toJson());
    }

    private Result onSpark(String runDate, Actors actors, Dataset<Row> indexed,
            Map<EdgeType, Map<String, Integer>> received, Map<String, Long> byType, long m, long estimate) {
        // The scores are read from the last checkpoint (when an executor lost its cached copy), so the
        // checkpoints are deleted only once the scores are in the driver.
        String checkpoints = new org.apache.hadoop.fs.Path(checkpointBase(), "analyze-" + runDate + "-"
                + java.util.UUID.randomUUID()).toString();
        DistributedPageRankResult pr;
        double[] scores = new double[actors.ids.length];
        try {
            pr = new DistributedPageRank(DistributedPageRankParameters.of(settings.measures().pageRank())
                    .withCheckpointInterval(settings.checkpointInterval()))
                    .withProgress(progressLog())
                    .run(indexed.select(col("s").cast("long").as("src"), col("d").cast("long").as("dst"),
                            col(InteractionGraph.WEIGHT).as("weight")), actors.ids.length, checkpoints);
            pr.scores().toLocalIterator().forEachRemaining(r -> scores[(int) r.getLong(0)] = r.getDouble(1));
        } finally {
            deleteQuietly(checkpoints);
        }
        LOG.info("analyze: PageRank on Spark {} after {} iterations", pr.converged() ? "converged" : "did NOT converge",
                pr.iterations());
        Dataset<Row> degrees = indexed.groupBy("s").agg(org.apache.spark.sql.functions.count("d").as("out_degree"),
                        org.apache.spark.sql.functions.sum(InteractionGraph.WEIGHT).as("out_strength"))
                .withColumnRenamed("s", "v")
                .join(indexed.groupBy("d").agg(org.apache.spark.sql.functions.count("s").as("in_degree"),
                        org.apache.spark.sql.functions.sum(InteractionGraph.WEIGHT).as("in_strength"))
                        .withColumnRenamed("d", "v"), new String[] {"v"}, "full_outer");
        int n = actors.ids.length;
        int[] inDegree = new int[n];
        int[] outDegree = new int[n];
        double[] inStrength = new double[n];
        double[] outStrength = new double[n];
        degrees.toLocalIterator().forEachRemaining(r -> {
            int v = r.getInt(0);
            outDegree[v] = r.isNullAt(1) ? 0 : (int) r.getLong(1);
            outStrength[v] = r.isNullAt(2) ? 0 : r.getDouble(2);
            inDegree[v] = r.isNullAt(3) ? 0 : (int) r.getLong(3);
            inStrength[v] = r.isNullAt(4) ? 0 : r.getDouble(4);
        });
        List<Row> rows = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Object[] values = row(actors, v, scores[v], received);
            set(values, ScoreTable.IN_DEGREE, inDegree[v]);
            set(values, ScoreTable.OUT_DEGREE, outDegree[v]);
            set(values, ScoreTable.IN_STRENGTH, inStrength[v]);
            set(values, ScoreTable.OUT_STRENGTH, outStrength[v]);
            rows.add(RowFactory.create(values));
        }
        lake.replacePartition(dataFrame(rows, ScoreTable.SCHEMA), ScoreTable.NAME, runDate);
        ObjectNode measures = Lake.json().createObjectNode();
        ObjectNode p = measures.putObject("pagerank");
        p.put("damping", settings.measures().pageRank().damping());
        p.put("iterations", pr.iterations());
        p.put("converged", pr.converged());
        p.put("l1_change", pr.finalDelta());
        measures.put("note", "the graph exceeded relais.analyze.memory-budget: PageRank, degrees and strengths only");
        return new Result(n, m, byType, MemoryBudget.Path.DISTRIBUTED, estimate, pr.iterations(), pr.converged(),
                measures);
    }

    /**
     * Where PageRank on Spark checkpoints: {@code relais.analyze.checkpoint-dir}, or by default
     * {@code <lake>/_checkpoints}, which every node of a cluster reaches since it reads the lake.
     */
    String checkpointBase() {
        return settings.checkpointDir().isEmpty() ? new org.apache.hadoop.fs.Path(lake.location(), CHECKPOINTS).toString()
                : settings.checkpointDir();
    }

    /** Actors in actor-id order; an actor's index in these arrays is its vertex in the graph. */
    private record Actors(String[] ids, String[] platforms, String[] names, Dataset<Row> index) {
    }

    private Actors indexActors(Dataset<Row> actors) {
        Dataset<Row> sorted = actors.orderBy(col(InteractionGraph.ACTOR_ID)).persist(StorageLevel.MEMORY_AND_DISK());
        List<String> ids = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Iterator<Row> it = sorted.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            ids.add(r.getString(0));
            platforms.add(r.getString(1));
            names.add(r.getString(2));
        }
        StructType indexSchema = new StructType()
                .add(InteractionGraph.ACTOR_ID, DataTypes.StringType, false)
                .add(INDEX, DataTypes.IntegerType, false);
        Dataset<Row> index = spark.createDataFrame(
                sorted.select(InteractionGraph.ACTOR_ID).javaRDD().zipWithIndex()
                        .map((Tuple2<Row, Long> t) -> RowFactory.create(t._1().getString(0), t._2().intValue())),
                indexSchema).persist(StorageLevel.MEMORY_AND_DISK());
        index.count();
        sorted.unpersist();
        return new Actors(ids.toArray(String[]::new), platforms.toArray(String[]::new), names.toArray(String[]::new),
                index);
    }

    /** The edges as vertex indices: {@code (s, d, weight)}. */
    private static Dataset<Row> indexedEdges(Actors actors, Dataset<Row> edges) {
        return edges
                .join(actors.index.withColumnRenamed(InteractionGraph.ACTOR_ID, "s_id")
                        .withColumnRenamed(INDEX, "s"), col(InteractionGraph.SRC).equalTo(col("s_id")))
                .join(actors.index.withColumnRenamed(InteractionGraph.ACTOR_ID, "d_id")
                        .withColumnRenamed(INDEX, "d"), col(InteractionGraph.DST).equalTo(col("d_id")))
                .select(col("s"), col("d"), col(InteractionGraph.WEIGHT));
    }

    /** Brings the edges to the driver as vertex indices and builds the compact graph. */
    private static CompactGraph collectGraph(int n, Dataset<Row> indexed) {
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
        return CompactGraph.builder(n).build(src, dst, weight, m);
    }

    /** The previous run's PageRank per vertex, or null when there is none; actors new tonight get 0. */
    private double[] previousScores(String runDate, Actors actors) {
        String previous = null;
        for (String d : lake.runDates(ScoreTable.NAME)) {
            if (d.compareTo(runDate) < 0) {
                previous = d;
            }
        }
        if (previous == null) {
            return null;
        }
        double[] start = new double[actors.ids.length];
        double[] total = {0};
        lake.readPartition(spark, ScoreTable.NAME, previous, ScoreTable.SCHEMA)
                .select(ScoreTable.ACTOR_ID, ScoreTable.PAGERANK)
                .join(actors.index, ScoreTable.ACTOR_ID)
                .select(INDEX, ScoreTable.PAGERANK)
                .toLocalIterator().forEachRemaining(r -> {
                    start[r.getInt(0)] = r.getDouble(1);
                    total[0] += r.getDouble(1);
                });
        if (!(total[0] > 0)) {
            return null;
        }
        // Actors new tonight start from the uniform share, so that none starts at zero.
        double uniform = 1.0 / start.length;
        for (int v = 0; v < start.length; v++) {
            if (start[v] == 0) {
                start[v] = uniform;
            }
        }
        LOG.info("analyze: PageRank starts from the scores of {}", previous);
        return start;
    }

    /** The teleport weights of personalised PageRank, 1 on each seed actor, or null without seeds. */
    private double[] seeds(Actors actors) {
        SeedsFile seeds = settings.seeds();
        if (seeds == null) {
            return null;
        }
        int[] found = seeds.verticesIn(actors.ids);
        if (found.length == 0) {
            LOG.warn("analyze: none of the {} seeds of {} is an actor of this graph; no personalised PageRank",
                    seeds.ids().size(), seeds.file());
            return null;
        }
        double[] teleport = new double[actors.ids.length];
        for (int v : found) {
            teleport[v] = 1;
        }
        LOG.info("analyze: personalised PageRank from {} of {} seeds", found.length, seeds.ids().size());
        return teleport;
    }

    /** Interactions of each type received by each actor: follows, reposts, mentions. */
    private static Map<EdgeType, Map<String, Integer>> received(Dataset<Row> typed, List<EdgeType> types) {
        Map<EdgeType, Map<String, Integer>> received = new java.util.EnumMap<>(EdgeType.class);
        types.forEach(t -> received.put(t, new HashMap<>()));
        typed.filter(col(InteractionGraph.TYPE).isin(types.stream().map(EdgeType::code).toArray()))
                .groupBy(InteractionGraph.TYPE, InteractionGraph.DST)
                .agg(org.apache.spark.sql.functions.sum(InteractionGraph.COUNT))
                .toLocalIterator().forEachRemaining(r ->
                        received.get(EdgeType.fromCode(r.getString(0))).put(r.getString(1), (int) r.getLong(2)));
        return received;
    }

    /** A score row with the actor's identity, its PageRank and what it received; other measures null. */
    private static Object[] row(Actors actors, int v, double pageRank, Map<EdgeType, Map<String, Integer>> received) {
        Object[] values = new Object[ScoreTable.SCHEMA.size()];
        set(values, ScoreTable.ACTOR_ID, actors.ids[v]);
        set(values, ScoreTable.PLATFORM, actors.platforms[v]);
        set(values, ScoreTable.LABEL, actors.names[v]);
        set(values, ScoreTable.PAGERANK, pageRank);
        set(values, ScoreTable.FOLLOWERS, count(received.get(EdgeType.FOLLOW), actors.ids[v]));
        set(values, ScoreTable.REPOSTS_RECEIVED, count(received.get(EdgeType.REPOST), actors.ids[v]));
        set(values, ScoreTable.MENTIONS_RECEIVED, count(received.get(EdgeType.MENTION), actors.ids[v]));
        return values;
    }

    private static Integer count(Map<String, Integer> received, String id) {
        return received == null ? null : received.getOrDefault(id, 0);
    }

    private static void set(Object[] values, String column, Object value) {
        values[ScoreTable.SCHEMA.fieldIndex(column)] = value;
    }

    private Dataset<Row> scores(Actors actors, MeasureSuite.Measures m, Map<EdgeType, Map<String, Integer>> received) {
        int n = actors.ids.length;
        List<Row> rows = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Object[] values = row(actors, v, m.pageRank().score(v), received);
            set(values, ScoreTable.RELAIS_SCORE, m.relaisScore().score(v));
            set(values, ScoreTable.PERSONALIZED_PAGERANK, m.personalized() == null ? null : m.personalized().score(v));
            set(values, ScoreTable.IN_DEGREE, m.degrees().inDegree(v));
            set(values, ScoreTable.OUT_DEGREE, m.degrees().outDegree(v));
            set(values, ScoreTable.IN_STRENGTH, m.degrees().inStrength(v));
            set(values, ScoreTable.OUT_STRENGTH, m.degrees().outStrength(v));
            set(values, ScoreTable.HITS_HUB, m.hits().hub(v));
            set(values, ScoreTable.HITS_AUTHORITY, m.hits().authority(v));
            set(values, ScoreTable.K_CORE, m.coreness().coreness(v));
            set(values, ScoreTable.BETWEENNESS, m.betweenness().score(v));
            set(values, ScoreTable.HARMONIC_CLOSENESS, m.closeness().score(v));
            set(values, ScoreTable.COMMUNITY, m.partition().community(v));
            set(values, ScoreTable.COMMUNITY_RANK, m.communityRanks().rank(v));
            double reach = m.bubbleReach().share(v);
            set(values, ScoreTable.BUBBLE_REACH, Double.isNaN(reach) ? null : reach);
            rows.add(RowFactory.create(values));
        }
        return dataFrame(rows, ScoreTable.SCHEMA);
    }

    private Dataset<Row> communities(Actors actors, MeasureSuite.Measures m) {
        Partition p = m.partition();
        List<Row> rows = new ArrayList<>(p.communityCount());
        for (int c = 0; c < p.communityCount(); c++) {
            int[] top = m.communityRanks().topMembers(c, TOP_MEMBERS);
            String[] members = new String[top.length];
            for (int i = 0; i < top.length; i++) {
                members[i] = actors.ids[top[i]];
            }
            rows.add(RowFactory.create(c, p.size(c), p.modularityContribution(c), p.internalWeight(c),
                    m.communityRanks().scoreMass(c), members));
        }
        return dataFrame(rows, CommunityTable.SCHEMA);
    }

    /**
     * The explanation rows of the top actors: the baseline, the top contributors, and the mass
     * through each edge type (an edge's mass split by the weights of its interaction types).
     */
    private Dataset<Row> explanations(Actors actors, CompactGraph graph, MeasureSuite.Measures m, Dataset<Row> typed) {
        double d = m.pageRank().parameters().damping();
        double[] pr = m.pageRank().scores();
        Map<String, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < m.top().length; i++) {
            rankOf.put(actors.ids[m.top()[i]], i + 1);
        }
        // Typed weights of the edges into the explained actors: (src, dst) -> type -> weight.
        Map<String, Map<String, Double>> typedWeights = new HashMap<>();
        if (!rankOf.isEmpty()) {
            typed.filter(col(InteractionGraph.DST).isin(rankOf.keySet().toArray()))
                    .select(InteractionGraph.SRC, InteractionGraph.DST, InteractionGraph.TYPE, InteractionGraph.WEIGHT)
                    .toLocalIterator().forEachRemaining(r -> typedWeights
                            .computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1), k -> new TreeMap<>())
                            .merge(r.getString(2), r.getDouble(3), Double::sum));
        }
        int[] inOffsets = graph.inOffsets();
        int[] inSources = graph.inSources();
        List<Row> rows = new ArrayList<>();
        for (Explanation e : m.explanations()) {
            int v = e.target();
            String id = actors.ids[v];
            int rank = rankOf.get(id);
            rows.add(RowFactory.create(id, rank, ExplanationTable.BASELINE, 1, RANDOM_JUMP, e.baseline(),
                    e.baseline() / e.score()));
            for (int i = 0; i < e.size(); i++) {
                rows.add(RowFactory.create(id, rank, ExplanationTable.CONTRIBUTOR, i + 1, actors.ids[e.contributor(i)],
                        e.mass(i), e.share(i)));
            }
            Map<String, Double> byType = new TreeMap<>();
            for (int k = inOffsets[v]; k < inOffsets[v + 1]; k++) {
                int u = inSources[k];
                double mass = d * pr[u] * graph.inWeight(k) / graph.outStrength(u);
                Map<String, Double> types = typedWeights.getOrDefault(actors.ids[u] + "\u0000" + id, Map.of());
                double total = types.values().stream().mapToDouble(Double::doubleValue).sum();
                types.forEach((type, w) -> byType.merge(type, mass * w / total, Double::sum));
            }
            List<Map.Entry<String, Double>> ordered = new ArrayList<>(byType.entrySet());
            ordered.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            for (int i = 0; i < ordered.size(); i++) {
                rows.add(RowFactory.create(id, rank, ExplanationTable.EDGE_TYPE, i + 1, ordered.get(i).getKey(),
                        ordered.get(i).getValue(), ordered.get(i).getValue() / e.score()));
            }
        }
        return dataFrame(rows, ExplanationTable.SCHEMA);
    }

    /** Rows built in the driver as a DataFrame, in slices of about 100,000 rows. */
    private Dataset<Row> dataFrame(List<Row> rows, StructType schema) {
        int slices = Math.max(1, rows.size() / 100_000);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
                schema);
    }

    /** Logs a long measure's progress every ten seconds; short ones stay silent. */
    private static ProgressListener progressLog() {
        Map<String, Long> lastLog = new LinkedHashMap<>();
        return (phase, step, delta) -> {
            long now = System.nanoTime();
            Long last = lastLog.putIfAbsent(phase, now);
            if (last != null && now - last > 10_000_000_000L) {
                lastLog.put(phase, now);
                LOG.info("analyze: {} step {} ({})", phase, step, delta);
            }
        };
    }

    private void deleteQuietly(String uri) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
            p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", uri, e.getMessage());
        }
    }
}
