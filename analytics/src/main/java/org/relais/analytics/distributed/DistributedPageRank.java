package org.relais.analytics.distributed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.relais.analytics.algo.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * PageRank iterated on Spark, for graphs whose compact in-memory form does not fit the driver's
 * budget ({@link MemoryBudget}); the same scores as the in-memory {@code PageRank}.
 *
 * <h2>Variant</h2>
 * The in-memory convention exactly: weighted, uniform teleport, the score of dangling vertices spread
 * uniformly over all {@code n} vertices, parallel edges summed, self-loops dropped, power iteration
 * from {@code 1/n} until the L1 change is below {@code n * tolerance} or {@code maxIterations}, scores
 * normalised to sum 1. Weights stay {@code double} here, where {@code CompactGraph} rounds each summed
 * weight to {@code float}: the two agree to rounding on weights that {@code float} holds exactly (counts,
 * halves), and within {@code CompactGraph}'s documented bound (about 7e-7 in L1) otherwise.
 *
 * <h2>How it runs</h2>
 * The edges are merged per (source, target) and grouped into one adjacency per source (targets and
 * transition probabilities {@code w(u,v)/W(u)} in primitive arrays), hash-partitioned by source,
 * sorted by vertex within each partition (dangling vertices with an empty adjacency) and kept in memory
 * and on disk. The scores are one {@code double[]} block per partition, in the same order, so that
 * zipping them with the adjacencies moves no data and boxes nothing. Each iteration is one Spark job:
 * <ol>
 *   <li>sends {@code PR(u)·w(u,v)/W(u)} along every edge and sums it per target (the one shuffle);</li>
 *   <li>computes {@code PR'(v) = ((1 − d) + d·D)/n + d·(contributions to v)} for every vertex, with
 *       {@code D} the dangling score of the previous iteration: the summed contributions arrive in the
 *       partition of their target and are added into a new block (binary search by id, no shuffle);</li>
 *   <li>sums, over the old and new blocks zipped together, the L1 change, the total and the new
 *       dangling score {@code D'}.</li>
 * </ol>
 * Every {@code checkpointInterval} iterations the new scores are checkpointed. Reliable checkpoints
 * (written to the checkpoint directory, on HDFS or the shared file system of a cluster) rather than
 * local ones: a local checkpoint lives in the executors' block managers, so losing an executor — a
 * pre-empted node, dynamic allocation releasing it — would fail a night's run, while a reliable one
 * costs one write of {@code 8n} bytes (the blocks) per interval. Each checkpoint's files are deleted once the next
 * one is written; the last one stays, because the returned scores are read from it: delete the
 * checkpoint directory when the scores have been read or written, not before.
 *
 * <h2>Cost</h2>
 * Per iteration one job with one shuffle of one record per edge (combined per map partition);
 * memory across the cluster about {@code 16m} bytes for the adjacencies (plus one boxed key per
 * vertex), {@code 9n} for the vertex index and {@code 8n} per block of scores, two blocks alive at a
 * time. The driver holds nothing per vertex. Sums are taken in whatever order Spark delivers the
 * partial sums, so two runs can differ by rounding (1e-17). Measured with {@code local[2]} on 100,000
 * vertices and 1M edge records ({@code DistributedPageRankBench}, a shared 2-core machine): 9 to 18 s
 * to set up, then 0.5 to 1 s per iteration, against 4 to 10 s for the whole in-memory path including
 * collecting the edges; the distributed path is for graphs the driver cannot hold, not for speed.
 */
public final class DistributedPageRank {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedPageRank.class);

    /** The input columns: source and target vertex ids ({@code 0..n-1}, integral) and the weight (optional, default 1). */
    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String WEIGHT = "weight";

    /** The output columns. */
    public static final String ID = "id";
    public static final String PAGERANK = "pagerank";

    /** The scores: one row per vertex. */
    public static final StructType SCORES_SCHEMA = new StructType()
            .add(ID, DataTypes.LongType, false)
            .add(PAGERANK, DataTypes.DoubleType, false);

    /** The phase name given to the {@link ProgressListener}. */
    public static final String PHASE = "distributed-pagerank";

    private final DistributedPageRankParameters parameters;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    public DistributedPageRank(DistributedPageRankParameters parameters) {
        this(Objects.requireNonNull(parameters, "parameters"), ProgressListener.NONE, () -> false);
    }

    private DistributedPageRank(DistributedPageRankParameters parameters, ProgressListener progress,
                                BooleanSupplier cancelled) {
        this.parameters = parameters;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** The same PageRank, reporting every iteration's L1 change to {@code listener}. */
    public DistributedPageRank withProgress(ProgressListener listener) {
        return new DistributedPageRank(parameters, Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /** The same PageRank, checking {@code isCancelled} before every iteration. */
    public DistributedPageRank withCancellation(BooleanSupplier isCancelled) {
        return new DistributedPageRank(parameters, progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    public DistributedPageRankParameters parameters() {
        return parameters;
    }

    /**
     * Computes the PageRank of the vertices {@code 0..vertexCount-1}.
     *
     * @param edges               columns {@value #SRC}, {@value #DST} (integral) and optionally {@value #WEIGHT}
     *                            (numeric, finite and {@code > 0}); other columns are ignored
     * @param vertexCount         {@code n}; vertices without edges get the baseline score
     * @param checkpointDirectory where checkpoints go, a directory every executor reaches (not a
     *                            driver-local {@code file:} path on a cluster); set as the Spark
     *                            context's checkpoint directory (Spark makes a fresh subdirectory in it)
     * @throws IllegalArgumentException if a column is missing, or an edge has an id outside
     *                                  {@code [0, n)} or an invalid weight
     * @throws CancellationException    if cancelled (see {@link #withCancellation})
     */
    public DistributedPageRankResult run(Dataset<Row> edges, long vertexCount, String checkpointDirectory) {
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        if (vertexCount < 0) {
            throw new IllegalArgumentException("vertexCount was " + vertexCount + ", but must be >= 0");
        }
        SparkSession spark = edges.sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        final long n = vertexCount;
        Dataset<Row> typed = typedEdges(edges, n);
        if (n == 0) {
            return new DistributedPageRankResult(spark.createDataFrame(List.of(), SCORES_SCHEMA), 0, 0, true, 0.0,
                    parameters, 0, () -> { });
        }
        jsc.setCheckpointDir(checkpointDirectory);
        int partitionCount = parameters.partitions() > 0 ? parameters.partitions() : jsc.defaultParallelism();
        Partitioner partitioner = new HashPartitioner(partitionCount);
        final double d = parameters.damping();

        Dataset<Row> merged = typed.filter(col(SRC).notEqual(col(DST)))
                .groupBy(col(SRC), col(DST)).agg(sum(col(WEIGHT)).as(WEIGHT));
        // Grouping, and adding the vertices without out-edges, run in Spark SQL (compact rows, no
        // boxing); one RDD shuffle then partitions and sorts the adjacencies for the iterations.
        Dataset<Row> adjacency = merged.groupBy(col(SRC))
                .agg(collect_list(col(DST)).as("targets"), collect_list(col(WEIGHT)).as("weights"));
        Dataset<Row> vertices = spark.range(n).toDF(ID);
        JavaPairRDD<Long, Adjacency> links = vertices.join(adjacency, vertices.col(ID).equalTo(adjacency.col(SRC)), "left")
                .select(col(ID), col("targets"), col("weights"))
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getLong(0), r.isNullAt(1) ? Adjacency.EMPTY
                        : Adjacency.of(r.<Long>getList(1), r.<Double>getList(2))))
                .repartitionAndSortWithinPartitions(partitioner)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<VertexBlock> blocks = links.mapPartitions(VertexBlock::of, true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        double[] counts = blocks.map(b -> new double[] {b.edges, b.danglingCount()})
                .fold(new double[2], DistributedPageRank::add);
        long edgeCount = (long) counts[0];

        final double initial = 1.0 / n;
        JavaRDD<double[]> ranks = blocks.map(b -> {
            double[] x = new double[b.ids.length];
            Arrays.fill(x, initial);
            return x;
        }).persist(StorageLevel.MEMORY_AND_DISK());
        double total = 1.0;
        double dangling = counts[1] / n;
        final double threshold = n * parameters.tolerance();
        int iteration = 0;
        double delta = Double.POSITIVE_INFINITY;
        boolean converged = false;
        JavaRDD<double[]> checkpointed = null;
        try {
            while (iteration < parameters.maxIterations()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("distributed PageRank cancelled after " + iteration + " iterations");
                }
                JavaPairRDD<Long, Double> contributions = links
                        .zipPartitions(ranks, DistributedPageRank::contributions)
                        .mapToPair(t -> t)
                        .reduceByKey(partitioner, Double::sum);
                final double base = ((1 - d) + d * dangling) / n;
                JavaRDD<double[]> next = blocks
                        .zipPartitions(contributions, (b, c) -> Collections.singletonList(b.next().scores(c, base, d)).iterator())
                        .persist(StorageLevel.MEMORY_AND_DISK());
                iteration++;
                boolean checkpoint = iteration % parameters.checkpointInterval() == 0;
                if (checkpoint) {
                    next.checkpoint();
                }
                // One job per iteration: it computes the new scores (and checkpoints them), and from
                // them the L1 change, their total and the dangling score the next iteration spreads.
                JavaRDD<double[][]> pairs = ranks.zipPartitions(next,
                        (a, b) -> Collections.singletonList(new double[][] {a.next(), b.next()}).iterator());
                double[] stats = blocks.zipPartitions(pairs, (b, p) -> Collections.singletonList(b.next().stats(p.next())).iterator())
                        .fold(new double[3], DistributedPageRank::add);
                delta = stats[0];
                total = stats[1];
                dangling = stats[2];
                ranks.unpersist(false);
                if (checkpoint) {
                    deleteCheckpoint(jsc, checkpointed);
                    checkpointed = next;
                }
                ranks = next;
                progress.onIteration(PHASE, iteration, delta);
                if (delta < threshold) {
                    converged = true;
                    break;
                }
            }
        } finally {
            links.unpersist(false);
        }
        final double scale = total;
        JavaRDD<double[]> finalRanks = ranks;
        Dataset<Row> scores = spark.createDataFrame(blocks.zipPartitions(ranks, (b, x) -> b.next().rows(x.next(), scale)),
                SCORES_SCHEMA);
        return new DistributedPageRankResult(scores, n, edgeCount, converged, delta, parameters, iteration, () -> {
            finalRanks.unpersist(false);
            blocks.unpersist(false);
        });
    }

    /** The edges with {@code long} ids and {@code double} weights, checked in one Spark job. */
    private static Dataset<Row> typedEdges(Dataset<Row> edges, long n) {
        List<String> columns = Arrays.asList(edges.columns());
        for (String required : List.of(SRC, DST)) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("edges had columns " + columns + ", but must have " + required);
            }
        }
        Column weight = columns.contains(WEIGHT) ? col(WEIGHT).cast(DataTypes.DoubleType) : lit(1.0);
        Dataset<Row> typed = edges.select(col(SRC).cast(DataTypes.LongType).as(SRC),
                col(DST).cast(DataTypes.LongType).as(DST), weight.as(WEIGHT));
        Column badId = col(SRC).isNull().or(col(DST).isNull())
                .or(col(SRC).lt(0)).or(col(SRC).geq(n)).or(col(DST).lt(0)).or(col(DST).geq(n));
        Column badWeight = col(WEIGHT).isNull().or(col(WEIGHT).isNaN()).or(col(WEIGHT).leq(0))
                .or(col(WEIGHT).equalTo(Double.POSITIVE_INFINITY));
        List<Row> bad = typed.filter(badId.or(badWeight)).limit(1).collectAsList();
        if (!bad.isEmpty()) {
            Row r = bad.get(0);
            throw new IllegalArgumentException("edge " + r.get(0) + " -> " + r.get(1) + " with weight " + r.get(2)
                    + ": ids must be in [0, " + n + ") and weights finite and > 0");
        }
        return typed;
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** The contribution {@code PR(u)·w(u,v)/W(u)} of every edge of a partition, keyed by target. */
    private static Iterator<Tuple2<Long, Double>> contributions(Iterator<Tuple2<Long, Adjacency>> links,
                                                                Iterator<double[]> ranks) {
        final double[] x = ranks.next();
        return new Iterator<>() {
            private int vertex = -1;
            private Adjacency current = Adjacency.EMPTY;
            private int edge;

            @Override
            public boolean hasNext() {
                while (edge == current.targets.length) {
                    if (!links.hasNext()) {
                        return false;
                    }
                    current = links.next()._2();
                    vertex++;
                    edge = 0;
                }
                return true;
            }

            @Override
            public Tuple2<Long, Double> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                int e = edge++;
                return new Tuple2<>(current.targets[e], x[vertex] * current.probabilities[e]);
            }
        };
    }

    /**
     * The vertices of one partition, ascending, whether each is dangling, and its edge count: the
     * index that every per-partition block of scores follows.
     */
    static final class VertexBlock implements Serializable {
        private static final long serialVersionUID = 1L;

        final long[] ids;
        final boolean[] dangling;
        final long edges;

        private VertexBlock(long[] ids, boolean[] dangling, long edges) {
            this.ids = ids;
            this.dangling = dangling;
            this.edges = edges;
        }

        static Iterator<VertexBlock> of(Iterator<Tuple2<Long, Adjacency>> links) {
            List<Long> ids = new ArrayList<>();
            List<Boolean> dangling = new ArrayList<>();
            long edges = 0;
            while (links.hasNext()) {
                Tuple2<Long, Adjacency> t = links.next();
                ids.add(t._1());
                dangling.add(t._2().targets.length == 0);
                edges += t._2().targets.length;
            }
            long[] idArray = new long[ids.size()];
            boolean[] danglingArray = new boolean[ids.size()];
            for (int i = 0; i < idArray.length; i++) {
                idArray[i] = ids.get(i);
                danglingArray[i] = dangling.get(i);
            }
            return List.of(new VertexBlock(idArray, danglingArray, edges)).iterator();
        }

        double danglingCount() {
            int c = 0;
            for (boolean b : dangling) {
                c += b ? 1 : 0;
            }
            return c;
        }

        /** {@code base + d · (contributions to v)} for every vertex of the block. */
        double[] scores(Iterator<Tuple2<Long, Double>> contributions, double base, double d) {
            double[] sums = new double[ids.length];
            while (contributions.hasNext()) {
                Tuple2<Long, Double> c = contributions.next();
                sums[Arrays.binarySearch(ids, c._1())] += c._2();
            }
            for (int i = 0; i < sums.length; i++) {
                sums[i] = base + d * sums[i];
            }
            return sums;
        }

        /** The L1 change from {@code pair[0]} to {@code pair[1]}, the new total, and the new dangling score. */
        double[] stats(double[][] pair) {
            double[] old = pair[0];
            double[] next = pair[1];
            double delta = 0;
            double total = 0;
            double danglingScore = 0;
            for (int i = 0; i < next.length; i++) {
                delta += Math.abs(next[i] - old[i]);
                total += next[i];
                if (dangling[i]) {
                    danglingScore += next[i];
                }
            }
            return new double[] {delta, total, danglingScore};
        }

        Iterator<Row> rows(double[] x, double scale) {
            List<Row> rows = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                rows.add(RowFactory.create(ids[i], x[i] / scale));
            }
            return rows.iterator();
        }
    }

    /** Removes the files of a checkpoint that a newer one has replaced. */
    private static void deleteCheckpoint(JavaSparkContext jsc, JavaRDD<double[]> rdd) {
        if (rdd == null) {
            return;
        }
        Optional<String> file = rdd.getCheckpointFile();
        if (file.isPresent()) {
            try {
                Path path = new Path(file.get());
                FileSystem fs = path.getFileSystem(jsc.hadoopConfiguration());
                fs.delete(path, true);
            } catch (IOException e) {
                // A leftover, not a wrong result: the run's checkpoint directory goes when it ends.
                LOG.warn("could not delete the superseded checkpoint {}: {}", file.get(), e.toString());
            }
        }
    }

    /** One source's out-edges: targets ascending, with their transition probabilities {@code w(u,v)/W(u)}. */
    static final class Adjacency implements Serializable {
        private static final long serialVersionUID = 1L;

        static final Adjacency EMPTY = new Adjacency(new long[0], new double[0]);

        final long[] targets;
        final double[] probabilities;

        private Adjacency(long[] targets, double[] probabilities) {
            this.targets = targets;
            this.probabilities = probabilities;
        }

        /** Sorts by target so that {@code W(u)} is summed in the same order on every run. */
        static Adjacency of(List<Long> targetList, List<Double> weightList) {
            int k = targetList.size();
            long[] keys = new long[k];
            for (int i = 0; i < k; i++) {
                keys[i] = targetList.get(i);
            }
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            long[] targets = new long[k];
            double[] weights = new double[k];
            double strength = 0;
            for (int i = 0; i < k; i++) {
                targets[i] = keys[order[i]];
                weights[i] = weightList.get(order[i]);
                strength += weights[i];
            }
            for (int i = 0; i < k; i++) {
                weights[i] /= strength;
            }
            return new Adjacency(targets, weights);
        }
    }
}
