package org.relais.analytics.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;
import org.relais.ingest.testing.SparkExtension;

/** The distributed PageRank gives the in-memory scores, on a generated graph and on polblogs. */
class DistributedPageRankTest {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    private static final double AGREEMENT = 1e-9;

    static final StructType EDGES = new StructType()
            .add("src", DataTypes.IntegerType, false)
            .add("dst", DataTypes.IntegerType, false)
            .add("weight", DataTypes.DoubleType, false);

    @TempDir
    Path temp;

    /** Edge records over {@code n} vertices: skewed targets, parallel records, self-loops, weights 1–3, a fifth dangling, some isolated. */
    static Records generated(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            int u = random.nextInt(n);
            src[i] = u % 5 == 0 ? u + 1 - (u + 1 == n ? 2 : 0) : u; // multiples of 5 never link: dangling
            dst[i] = (int) (n * Math.pow(random.nextDouble(), 2)); // skewed towards small ids
            if (dst[i] >= n - 50) {
                dst[i] -= 50; // the last 50 vertices: no in-edges; those of them that are multiples of 5, isolated
            }
            w[i] = 1 + random.nextInt(3);
        }
        return new Records(n, src, dst, w);
    }

    record Records(int n, int[] src, int[] dst, double[] w) {
        CompactGraph graph() {
            return CompactGraph.builder(n).build(src, dst, w, src.length);
        }

        Dataset<Row> dataset(SparkSession spark) {
            List<Row> rows = new ArrayList<>(src.length);
            for (int i = 0; i < src.length; i++) {
                rows.add(RowFactory.create(src[i], dst[i], w[i]));
            }
            return spark.createDataFrame(rows, EDGES);
        }
    }

    @Test
    void fixedIterationsGiveTheInMemoryIterateWithCheckpoints() {
        Records records = generated(3000, 20_000, 1);
        CompactGraph g = records.graph();
        assertTrue(g.droppedSelfLoops() > 0 && g.mergedParallelEdges() > 0);
        PageRankResult expected = PageRank.compute(g, PageRankParameters.defaults().withTolerance(0).withMaxIterations(25));
        List<Double> deltas = new ArrayList<>();
        java.util.Set<Object> cachedBefore = cachedRdds();
        DistributedPageRankResult actual = new DistributedPageRank(
                DistributedPageRankParameters.defaults().withTolerance(0).withMaxIterations(25).withCheckpointInterval(7))
                .withProgress((phase, i, delta) -> deltas.add(delta))
                .run(records.dataset(SPARK.session()), 3000, temp.toString());
        assertEquals(25, actual.iterations());
        assertEquals(25, deltas.size());
        assertEquals(g.edgeCount(), actual.edgeCount());
        double diff = maxDiff(expected.scores(), actual.toArray());
        System.out.printf(Locale.ROOT, "distributed vs in-memory, 25 iterations, 3000 vertices: max difference %.2g%n", diff);
        assertTrue(diff <= AGREEMENT, "max difference " + diff);
        assertEquals(expected.finalDelta(), actual.finalDelta(), 1e-12);
        actual.release();
        java.util.Set<Object> left = cachedRdds();
        left.removeAll(cachedBefore);
        assertEquals(java.util.Set.of(), left, "nothing of the run stays cached once released");
    }

    private static java.util.Set<Object> cachedRdds() {
        return new java.util.HashSet<>(scala.collection.JavaConverters.mapAsJavaMap(
                SPARK.session().sparkContext().getPersistentRDDs()).keySet());
    }

    @Test
    void forcedPathsGiveTheSameScores() {
        Records records = generated(2000, 12_000, 2);
        Dataset<Row> edges = records.dataset(SPARK.session());
        PageRankParameters parameters = PageRankParameters.defaults().withTolerance(0).withMaxIterations(15);
        PageRankOnSpark.Result memory = new PageRankOnSpark(parameters, new MemoryBudget(Long.MAX_VALUE), 4,
                ProgressListener.NONE).run(edges, 2000, temp.toString());
        PageRankOnSpark.Result spark = new PageRankOnSpark(parameters, new MemoryBudget(0), 4,
                ProgressListener.NONE).run(edges, 2000, temp.toString());
        assertEquals(MemoryBudget.Path.IN_MEMORY, memory.path());
        assertEquals(MemoryBudget.Path.DISTRIBUTED, spark.path());
        assertEquals(MemoryBudget.estimateBytes(2000, 12_000), spark.estimatedBytes());
        assertEquals(15, spark.iterations());
        double[] b = toArray(spark.scores(), 2000);
        double diff = maxDiff(toArray(memory.scores(), 2000), b);
        System.out.printf(Locale.ROOT, "forced paths, 15 iterations, 2000 vertices: max difference %.2g%n", diff);
        assertTrue(diff <= AGREEMENT, "max difference " + diff);
        assertEquals(1.0, sum(b), 1e-12);
    }

    @Test
    void polblogsScoresMatchOnBothPathsAndNetworkx() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping");
        Polblogs polblogs = Polblogs.load();
        int[][] e = polblogs.edgeRecords();
        int n = polblogs.vertexCount();
        double[] ones = new double[e[0].length];
        java.util.Arrays.fill(ones, 1.0);
        Dataset<Row> edges = new Records(n, e[0], e[1], ones).dataset(SPARK.session());
        PageRankParameters parameters = PageRankParameters.defaults().withTolerance(1e-13);
        PageRankOnSpark.Result memory = new PageRankOnSpark(parameters, new MemoryBudget(Long.MAX_VALUE), 10,
                ProgressListener.NONE).run(edges, n, temp.toString());
        PageRankOnSpark.Result spark = new PageRankOnSpark(parameters, new MemoryBudget(0), 10,
                ProgressListener.NONE).run(edges, n, temp.toString());
        double[] a = toArray(memory.scores(), n);
        double[] b = toArray(spark.scores(), n);
        double[] reference = polblogs.referenceMetric("pagerank_multiedge_weighted");
        double paths = maxDiff(a, b);
        double vsNetworkx = maxDiff(reference, b);
        System.out.printf(Locale.ROOT, "polblogs W: in-memory %d iterations, distributed %d; max difference between paths "
                + "%.2g, distributed vs networkx %.2g%n", memory.iterations(), spark.iterations(), paths, vsNetworkx);
        assertTrue(paths <= AGREEMENT, "paths differ by " + paths);
        assertTrue(vsNetworkx <= AGREEMENT, "networkx differs by " + vsNetworkx);
    }

    @Test
    void graphsWithoutEdgesOrVerticesAndBadInput() {
        SparkSession spark = SPARK.session();
        Dataset<Row> none = spark.createDataFrame(List.of(), EDGES);
        DistributedPageRank pr = new DistributedPageRank(DistributedPageRankParameters.defaults());
        DistributedPageRankResult empty = pr.run(none, 0, temp.toString());
        assertEquals(0, empty.toArray().length);
        double[] isolated = pr.run(none, 4, temp.toString()).toArray();
        for (double x : isolated) {
            assertEquals(0.25, x, 1e-15);
        }
        Dataset<Row> outside = spark.createDataFrame(List.of(RowFactory.create(0, 7, 1.0)), EDGES);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> pr.run(outside, 3, temp.toString()));
        assertEquals("edge 0 -> 7 with weight 1.0: ids must be in [0, 3) and weights finite and > 0", bad.getMessage());
        Dataset<Row> noDst = none.drop("dst");
        assertEquals("edges had columns [src, weight], but must have dst",
                assertThrows(IllegalArgumentException.class, () -> pr.run(noDst, 3, temp.toString())).getMessage());
        double[] unweighted = pr.run(spark.createDataFrame(List.of(RowFactory.create(0, 1, 5.0)), EDGES).drop("weight"), 2,
                temp.toString()).toArray();
        PageRankResult expected = PageRank.compute(CompactGraph.builder(2).build(new int[] {0}, new int[] {1}, null, 1),
                PageRankParameters.defaults());
        assertTrue(maxDiff(expected.scores(), unweighted) <= AGREEMENT, "no weight column: every weight 1");
    }

    static double[] toArray(Dataset<Row> scores, int n) {
        double[] out = new double[n];
        for (Row r : scores.collectAsList()) {
            out[(int) r.getLong(0)] = r.getDouble(1);
        }
        return out;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
