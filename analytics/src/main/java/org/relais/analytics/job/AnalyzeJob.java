package org.relais.analytics.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
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
    private static final String MIN_ACCOUNT_AGE = "relais.pagerank.min-account-age";

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
     * @param minAccountAge accounts created less than this before the end of the run date get no
     *     random-jump share in PageRank; zero for none
     */
    public record Settings(TypeWeights weights, InteractionGraph.Options graph, MeasureSettings measures,
            MemoryBudget budget, int checkpointInterval, String checkpointDir, boolean warmStart, SeedsFile seeds,
            Duration minAccountAge) {

        public static Settings from(RelaisConfig config) {
            List<String> problems = new ArrayList<>();
            TypeWeights weights = null;
            MeasureSettings measures = null;
            try {
                weights = TypeWeights.from(config);
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
            Duration minAccountAge = config.duration(MIN_ACCOUNT_AGE);
            if (minAccountAge.isNegative()) {
                problems.add(MIN_ACCOUNT_AGE + " was " + config.string(MIN_ACCOUNT_AGE)
                        + ", but must be a duration >= 0, such as 90d (0d: none)");
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new Settings(weights, InteractionGraph.Options.from(config), measures, budget, interval,
                    config.string("relais.analyze.checkpoint-dir").strip(), config.flag("relais.pagerank.warm-start"),
                    seeds, minAccountAge);
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

        public ObjectNode toJson(TypeWeights weights) {
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
        Actors actors = null;
        try {
            lake.replacePartition(typed.orderBy(col(InteractionGraph.SRC), col(InteractionGraph.DST),
                    col(InteractionGraph.TYPE)), ScoreTable.EDGES, runDate);
            Map<String, Long> byType = new TreeMap<>();
            for (Row r : typed.groupBy(InteractionGraph.TYPE).sum(InteractionGraph.COUNT).collectAsList()) {
                byType.put(r.getString(0), r.getLong(1));
            }
            // The actors of the graph: the endpoints of its typed edges (not of interactions left
            // out), every post author and every linking blog, even without an edge.
            actors = indexActors(InteractionGraph.actors(sources, settings.graph(), typed));
            Dataset<Row> indexed = indexedEdges(actors, InteractionGraph.edges(typed))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long m = indexed.count();
                long n = actors.count();
                int threads = settings.measures().pageRank().threads();
                long estimate = MemoryBudget.analyzeBytes(n, m, threads);
                MemoryBudget.Path path = settings.budget().decide(n, m, estimate);
                LOG.info("analyze: {} actors, {} edges, {} interactions {}; in-memory analysis estimated at {}"
                        + " ({} threads), budget {}: {}", n, m,
                        byType.values().stream().mapToLong(Long::longValue).sum(), byType, megabytes(estimate), threads,
                        megabytes(settings.budget().budgetBytes()),
                        path == MemoryBudget.Path.IN_MEMORY ? "in memory" : "PageRank on Spark");
                Dataset<Row> received = received(typed, settings.weights());
                return path == MemoryBudget.Path.IN_MEMORY
                        ? inMemory(runDate, actors, indexed, typed, received, byType, (int) m, estimate,
                                sources.accounts())
                        : onSpark(runDate, actors, indexed, received, byType, m, estimate);
            } finally {
                indexed.unpersist();
            }
        } finally {
            typed.unpersist();
            if (actors != null) {
                actors.table().unpersist();
            }
        }
    }

    private Result inMemory(String runDate, Actors actors, Dataset<Row> indexed, Dataset<Row> typed,
            Dataset<Row> received, Map<String, Long> byType, int m, long estimate, Dataset<Row> accounts) {
        String[] ids = actorIds(actors);
        CompactGraph graph = collectGraph(ids.length, m, indexed);
        LOG.info("analyze: in-memory graph {}", graph);
        double[] seeds = seeds(ids);
        double[] warm = settings.warmStart() ? previousScores(runDate, actors) : null;
        BitSet newAccounts = newAccounts(runDate, actors, accounts);
        MeasureSuite.Measures measures = new MeasureSuite(settings.measures(), progressLog())
                .run(graph, newAccounts, seeds, warm);
        LOG.info("analyze: PageRank {} after {} iterations; {} communities, modularity {}",
                measures.pageRank().converged() ? "converged" : "did NOT converge", measures.pageRank().iterations(),
                measures.partition().communityCount(),
                String.format(Locale.ROOT, "%.4f", measures.partition().modularity()));

        lake.replacePartition(explanations(ids, graph, measures, typed), ExplanationTable.NAME, runDate);
        ObjectNode computed = measures.toJson();
        computed.put("rounded_weights", graph.roundedWeightCount());
        ((ObjectNode) computed.get("pagerank")).put("min_account_age_days", minAccountAgeDays());
        // The graph is not needed any more: let it go before the tables are sliced.
        graph = null;
        lake.replacePartition(communities(ids, measures), CommunityTable.NAME, runDate);
        lake.replacePartition(scoreTable(actors, vertexScores(measures), received), ScoreTable.NAME, runDate);
        return new Result(ids.length, m, byType, MemoryBudget.Path.IN_MEMORY, estimate,
                measures.pageRank().iterations(), measures.pageRank().converged(), computed);
    }

    private Result onSpark(String runDate, Actors actors, Dataset<Row> indexed, Dataset<Row> received,
            Map<String, Long> byType, long m, long estimate) {
        // This path computes no communities and no explanations: an earlier, in-memory analysis of
        // the date must not leave its own behind for the report to publish as this run's.
        lake.removePartition(CommunityTable.NAME, runDate);
        lake.removePartition(ExplanationTable.NAME, runDate);
        // The scores are read from the last checkpoint when an executor lost its cached copy, so the
        // checkpoints are deleted only once the score table is written.
        removeLakeCheckpoints();
        String checkpoints = new org.apache.hadoop.fs.Path(checkpointBase(), "analyze-" + runDate + "-"
                + java.util.UUID.randomUUID()).toString();
        DistributedPageRankResult pr = null;
        try {
            pr = new DistributedPageRank(DistributedPageRankParameters.of(settings.measures().pageRank())
                    .withCheckpointInterval(settings.checkpointInterval()))
                    .withProgress(progressLog())
                    .run(indexed.select(col("s").cast("long").as(DistributedPageRank.SRC),
                            col("d").cast("long").as(DistributedPageRank.DST),
                            col(InteractionGraph.WEIGHT).as(DistributedPageRank.WEIGHT)), actors.count(), checkpoints);
            LOG.info("analyze: PageRank on Spark {} after {} iterations",
                    pr.converged() ? "converged" : "did NOT converge", pr.iterations());
            Dataset<Row> out = indexed.groupBy(col("s").as(INDEX)).agg(count("d").cast("int").as(ScoreTable.OUT_DEGREE),
                    sum(InteractionGraph.WEIGHT).as(ScoreTable.OUT_STRENGTH));
            Dataset<Row> in = indexed.groupBy(col("d").as(INDEX)).agg(count("s").cast("int").as(ScoreTable.IN_DEGREE),
                    sum(InteractionGraph.WEIGHT).as(ScoreTable.IN_STRENGTH));
            Dataset<Row> scores = pr.scores()
                    .select(col(DistributedPageRank.ID).cast("int").as(INDEX),
                            col(DistributedPageRank.PAGERANK).as(ScoreTable.PAGERANK))
                    .join(out, new String[] {INDEX}, "left")
                    .join(in, new String[] {INDEX}, "left")
                    .na().fill(0, new String[] {ScoreTable.OUT_DEGREE, ScoreTable.IN_DEGREE, ScoreTable.OUT_STRENGTH,
                            ScoreTable.IN_STRENGTH});
            lake.replacePartition(scoreTable(actors, scores, received), ScoreTable.NAME, runDate);
        } finally {
            if (pr != null) {
                pr.release();
            }
            if (settings.checkpointDir().isEmpty()) {
                removeLakeCheckpoints(); // this run's directory with it
            } else {
                deleteQuietly(checkpoints);
            }
        }
        ObjectNode measures = Lake.json().createObjectNode();
        ObjectNode p = measures.putObject("pagerank");
        p.put("damping", settings.measures().pageRank().damping());
        p.put("iterations", pr.iterations());
        p.put("converged", pr.converged());
        p.put("l1_change", pr.finalDelta());
        measures.put("note", "the graph exceeded relais.analyze.memory-budget: PageRank (from the uniform start,"
                + " without warm start, seeds or " + MIN_ACCOUNT_AGE + "), degrees and strengths only");
        return new Result(actors.count(), m, byType, MemoryBudget.Path.DISTRIBUTED, estimate, pr.iterations(),
                pr.converged(), measures);
    }

    /**
     * Deletes the lake's own checkpoint directory, {@code <lake>/_checkpoints}, whole: before a run,
     * what an analysis that was killed left there; after it, the directory itself. The run holds
     * the lake's lock, so no other analysis uses it. A {@code relais.analyze.checkpoint-dir} of
     * one's own may be shared with other lakes' runs, and only this run's directory is deleted there.
     */
    private void removeLakeCheckpoints() {
        if (settings.checkpointDir().isEmpty()) {
            deleteQuietly(new org.apache.hadoop.fs.Path(lake.location(), CHECKPOINTS).toString());
        }
    }

    /**
     * Where PageRank on Spark checkpoints: {@code relais.analyze.checkpoint-dir}, or by default
     * {@code <lake>/_checkpoints}, which every node of a cluster reaches since it reads the lake.
     */
    String checkpointBase() {
        return settings.checkpointDir().isEmpty() ? new org.apache.hadoop.fs.Path(lake.location(), CHECKPOINTS).toString()
                : settings.checkpointDir();
    }

    /**
     * The actors, numbered in actor-id order: {@code table} has {@value InteractionGraph#ACTOR_ID},
     * {@value InteractionGraph#PLATFORM}, {@value InteractionGraph#NAME} and {@value #INDEX}, an
     * actor's vertex in the graph. It stays in Spark; the driver fetches only the ids, and only for
     * the in-memory path ({@link #actorIds}).
     */
    private record Actors(long count, Dataset<Row> table) {
    }

    private Actors indexActors(Dataset<Row> actors) {
        Dataset<Row> sorted = actors.select(InteractionGraph.ACTOR_ID, InteractionGraph.PLATFORM, InteractionGraph.NAME)
                .orderBy(col(InteractionGraph.ACTOR_ID));
        StructType schema = new StructType()
                .add(InteractionGraph.ACTOR_ID, DataTypes.StringType, false)
                .add(InteractionGraph.PLATFORM, DataTypes.StringType, false)
                .add(InteractionGraph.NAME, DataTypes.StringType, true)
                .add(INDEX, DataTypes.IntegerType, false);
        Dataset<Row> table = spark.createDataFrame(sorted.javaRDD().zipWithIndex()
                        .map((Tuple2<Row, Long> t) -> RowFactory.create(t._1().getString(0), t._1().getString(1),
                                t._1().getString(2), Math.toIntExact(t._2()))), schema)
                .persist(StorageLevel.MEMORY_AND_DISK());
        return new Actors(table.count(), table);
    }

    /** The actor ids by vertex, for the in-memory path. */
    private static String[] actorIds(Actors actors) {
        String[] ids = new String[Math.toIntExact(actors.count())];
        actors.table().select(INDEX, InteractionGraph.ACTOR_ID).toLocalIterator()
                .forEachRemaining(r -> ids[r.getInt(0)] = r.getString(1));
        return ids;
    }

    /** The edges as vertex indices: {@code (s, d, weight)}. */
    private static Dataset<Row> indexedEdges(Actors actors, Dataset<Row> edges) {
        Dataset<Row> index = actors.table().select(InteractionGraph.ACTOR_ID, INDEX);
        return edges
                .join(index.withColumnRenamed(InteractionGraph.ACTOR_ID, "s_id").withColumnRenamed(INDEX, "s"),
                        col(InteractionGraph.SRC).equalTo(col("s_id")))
                .join(index.withColumnRenamed(InteractionGraph.ACTOR_ID, "d_id").withColumnRenamed(INDEX, "d"),
                        col(InteractionGraph.DST).equalTo(col("d_id")))
                .select(col("s"), col("d"), col(InteractionGraph.WEIGHT));
    }

    /**
     * Brings the {@code m} edges to the driver as vertex indices and builds the compact graph; the
     * arrays are allocated once at their final size, 16 bytes per edge.
     */
    private static CompactGraph collectGraph(int n, int m, Dataset<Row> indexed) {
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] weight = new double[m];
        int e = 0;
        for (Iterator<Row> it = indexed.toLocalIterator(); it.hasNext(); e++) {
            Row r = it.next();
            if (e == m) {
                throw new IllegalStateException("the edges changed while they were read: more than " + m);
            }
            src[e] = r.getInt(0);
            dst[e] = r.getInt(1);
            weight[e] = r.getDouble(2);
        }
        return CompactGraph.builder(n).build(src, dst, weight, e);
    }

    /**
     * The previous run's PageRank per vertex, or null when there is none; actors new tonight start
     * from the uniform share.
     */
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
        double[] start = new double[Math.toIntExact(actors.count())];
        double[] total = {0};
        lake.readPartition(spark, ScoreTable.NAME, previous, ScoreTable.SCHEMA)
                .select(ScoreTable.ACTOR_ID, ScoreTable.PAGERANK)
                .join(actors.table().select(InteractionGraph.ACTOR_ID, INDEX), ScoreTable.ACTOR_ID)
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

    private double minAccountAgeDays() {
        return settings.minAccountAge().toSeconds() / 86_400.0;
    }

    /** The minimum age as configured would say it: {@code 90d}, else {@code PT36H}. */
    private String minAccountAgeText() {
        Duration age = settings.minAccountAge();
        return age.equals(Duration.ofDays(age.toDays())) ? age.toDays() + "d" : age.toString();
    }

    /**
     * The actors that get no random-jump share ({@code relais.pagerank.min-account-age}): the
     * accounts created after the end of the run date (UTC) less that age. An actor made of several
     * accounts and a blog (merged identities) is the blog's, which has no creation time, and keeps
     * its share. Null when the setting is zero; every actor keeps its share, with a warning, when
     * all of them are new.
     */
    private BitSet newAccounts(String runDate, Actors actors, Dataset<Row> accounts) {
        if (settings.minAccountAge().isZero()) {
            return null;
        }
        Instant cutoff = LocalDate.parse(runDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .minus(settings.minAccountAge());
        BitSet vertices = new BitSet();
        accounts.filter(col(Tables.Accounts.CREATED_AT).gt(lit(Timestamp.from(cutoff))))
                .select(InteractionGraph.actor(col(Tables.PLATFORM), col(Tables.Accounts.ACCOUNT_ID))
                        .as(InteractionGraph.ACTOR_ID))
                .join(actors.table(), InteractionGraph.ACTOR_ID)
                .select(INDEX).toLocalIterator().forEachRemaining(r -> vertices.set(r.getInt(0)));
        if (vertices.cardinality() == actors.count()) {
            LOG.warn("analyze: every one of the {} actors is an account created after {} ({} = {}): all keep their"
                    + " random-jump share", actors.count(), cutoff, MIN_ACCOUNT_AGE, minAccountAgeText());
            return null;
        }
        LOG.info("analyze: {} of {} actors are accounts created after {} ({} = {}): no random-jump share",
                vertices.cardinality(), actors.count(), cutoff, MIN_ACCOUNT_AGE, minAccountAgeText());
        return vertices;
    }

    /** The teleport weights of personalised PageRank, 1 on each seed actor, or null without seeds. */
    private double[] seeds(String[] ids) {
        SeedsFile seeds = settings.seeds();
        if (seeds == null) {
            return null;
        }
        int[] found = seeds.verticesIn(ids);
        if (found.length == 0) {
            LOG.warn("analyze: none of the {} seeds of {} is an actor of this graph; no personalised PageRank",
                    seeds.ids().size(), seeds.file());
            return null;
        }
        double[] teleport = new double[ids.length];
        for (int v : found) {
            teleport[v] = 1;
        }
        LOG.info("analyze: personalised PageRank from {} of {} seeds", found.length, seeds.ids().size());
        return teleport;
    }

    /** The received counts and their edge types; a type left out of the graph has none. */
    private static final Map<String, EdgeType> RECEIVED = Map.of(ScoreTable.FOLLOWERS, EdgeType.FOLLOW,
            ScoreTable.REPOSTS_RECEIVED, EdgeType.REPOST, ScoreTable.MENTIONS_RECEIVED, EdgeType.MENTION);

    /**
     * The interactions each actor received, per type, in Spark: {@value InteractionGraph#ACTOR_ID}
     * and one column per {@link #RECEIVED} count, for the types in the graph.
     */
    private static Dataset<Row> received(Dataset<Row> typed, TypeWeights weights) {
        List<Column> counts = new ArrayList<>();
        List<String> included = new ArrayList<>();
        RECEIVED.forEach((column, type) -> {
            if (weights.includes(type)) {
                included.add(type.code());
                counts.add(sum(when(col(InteractionGraph.TYPE).equalTo(type.code()), col(InteractionGraph.COUNT))
                        .otherwise(0)).cast("int").as(column));
            }
        });
        if (counts.isEmpty()) {
            return typed.select(col(InteractionGraph.DST).as(InteractionGraph.ACTOR_ID)).limit(0);
        }
        return typed.filter(col(InteractionGraph.TYPE).isin(included.toArray()))
                .groupBy(col(InteractionGraph.DST).as(InteractionGraph.ACTOR_ID))
                .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new));
    }

    /**
     * The score table: each actor's identity from {@code actors}, its measures from {@code scores}
     * (by {@value #INDEX}), what it received, and null for any measure {@code scores} lacks; in
     * actor-id order.
     */
    private Dataset<Row> scoreTable(Actors actors, Dataset<Row> scores, Dataset<Row> received) {
        Dataset<Row> joined = actors.table().join(scores, new String[] {INDEX})
                .join(received, new String[] {InteractionGraph.ACTOR_ID}, "left");
        List<String> have = Arrays.asList(joined.columns());
        List<Column> columns = new ArrayList<>();
        for (org.apache.spark.sql.types.StructField f : ScoreTable.SCHEMA.fields()) {
            Column c;
            if (RECEIVED.containsKey(f.name())) {
                c = have.contains(f.name()) ? coalesce(col(f.name()), lit(0)) : lit(null);
            } else {
                c = have.contains(f.name()) ? col(f.name()) : lit(null);
            }
            columns.add(c.cast(f.dataType()).as(f.name()));
        }
        return joined.select(columns.toArray(Column[]::new)).orderBy(ScoreTable.ACTOR_ID);
    }

    /** Every measure of every vertex, from the driver's arrays, as columns by {@value #INDEX}. */
    private Dataset<Row> vertexScores(MeasureSuite.Measures m) {
        return vertexColumns(m).toDataFrame(spark);
    }

    static ColumnSlices vertexColumns(MeasureSuite.Measures m) {
        ColumnSlices columns = new ColumnSlices(INDEX, m.pageRank().vertexCount())
                .doubles(ScoreTable.PAGERANK, m.pageRank()::score)
                .doubles(ScoreTable.RELAIS_SCORE, m.relaisScore()::score)
                .ints(ScoreTable.IN_DEGREE, m.degrees()::inDegree)
                .ints(ScoreTable.OUT_DEGREE, m.degrees()::outDegree)
                .doubles(ScoreTable.IN_STRENGTH, m.degrees()::inStrength)
                .doubles(ScoreTable.OUT_STRENGTH, m.degrees()::outStrength)
                .doubles(ScoreTable.HITS_HUB, m.hits()::hub)
                .doubles(ScoreTable.HITS_AUTHORITY, m.hits()::authority)
                .ints(ScoreTable.K_CORE, m.coreness()::coreness)
                .doubles(ScoreTable.BETWEENNESS, m.betweenness()::score)
                .doubles(ScoreTable.HARMONIC_CLOSENESS, m.closeness()::score)
                .ints(ScoreTable.COMMUNITY, m.partition()::community)
                .ints(ScoreTable.COMMUNITY_RANK, m.communityRanks()::rank)
                .nullableDoubles(ScoreTable.BUBBLE_REACH, m.bubbleReach()::share);
        if (m.personalized() != null) {
            columns.doubles(ScoreTable.PERSONALIZED_PAGERANK, m.personalized()::score);
        }
        return columns;
    }

    private Dataset<Row> communities(String[] ids, MeasureSuite.Measures m) {
        return communityColumns(ids, m).toDataFrame(spark);
    }

    static ColumnSlices communityColumns(String[] ids, MeasureSuite.Measures m) {
        Partition p = m.partition();
        return new ColumnSlices(CommunityTable.COMMUNITY, p.communityCount())
                .ints(CommunityTable.SIZE, p::size)
                .doubles(CommunityTable.MODULARITY_SHARE, p::modularityContribution)
                .doubles(CommunityTable.INTERNAL_WEIGHT, p::internalWeight)
                .doubles(CommunityTable.PAGERANK_MASS, m.communityRanks()::scoreMass)
                .strings(CommunityTable.TOP_MEMBERS, c -> Arrays.stream(
                                m.communityRanks().topMembers(c, CommunityTable.TOP_MEMBER_COUNT))
                        .mapToObj(v -> ids[v]).toArray(String[]::new));
    }

    /**
     * The explanation rows of the top actors: the baseline, the top contributors, and the mass
     * through each edge type (an edge's mass split by the weights of its interaction types).
     */
    private Dataset<Row> explanations(String[] ids, CompactGraph graph, MeasureSuite.Measures m, Dataset<Row> typed) {
        double d = m.pageRank().parameters().damping();
        Map<String, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < m.top().length; i++) {
            rankOf.put(ids[m.top()[i]], i + 1);
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
            String id = ids[v];
            int rank = rankOf.get(id);
            rows.add(RowFactory.create(id, rank, ExplanationTable.BASELINE, 1, RANDOM_JUMP, e.baseline(),
                    e.baseline() / e.score()));
            for (int i = 0; i < e.size(); i++) {
                rows.add(RowFactory.create(id, rank, ExplanationTable.CONTRIBUTOR, i + 1, ids[e.contributor(i)],
                        e.mass(i), e.share(i)));
            }
            if (e.otherContributors() > 0) {
                rows.add(RowFactory.create(id, rank, ExplanationTable.OTHER_CONTRIBUTORS, 1,
                        Integer.toString(e.otherContributors()), e.otherMass(), e.otherShare()));
            }
            Map<String, Double> byType = new TreeMap<>();
            for (int k = inOffsets[v]; k < inOffsets[v + 1]; k++) {
                int u = inSources[k];
                double mass = d * m.pageRank().score(u) * graph.inWeight(k) / graph.outStrength(u);
                Map<String, Double> types = typedWeights.getOrDefault(ids[u] + "\u0000" + id, Map.of());
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
        return spark.createDataFrame(rows, ExplanationTable.SCHEMA);
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

    /** {@code bytes} in MiB with one decimal, for the log: a small graph's 0.4 MB is not "0 MB". */
    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / (1024.0 * 1024.0));
    }
}
