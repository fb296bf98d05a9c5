package org.relais.analytics.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.analytics.distributed.DistributedPageRankTest.generated;
import static org.relais.analytics.distributed.DistributedPageRankTest.maxDiff;
import static org.relais.analytics.distributed.DistributedPageRankTest.sum;
import static org.relais.analytics.distributed.DistributedPageRankTest.toArray;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.distributed.DistributedPageRankTest.Records;
import org.relais.analytics.testdata.Polblogs;
import org.relais.ingest.testing.SparkExtension;

/**
 * Both PageRank paths, forced by the memory budget, run to convergence on the same input: a generated
 * graph and polblogs (variant W). An integration test because a hundred Spark iterations take half a
 * minute.
 */
class DistributedPageRankIT {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    private static final double AGREEMENT = 1e-9;

    @TempDir
    Path temp;

    @Test
    void bothPathsGiveTheSameConvergedScores() {
        Records records = generated(2000, 12_000, 2);
        Dataset<Row> edges = records.dataset(SPARK.session());
        PageRankParameters parameters = PageRankParameters.defaults().withTolerance(1e-13);
        PageRankOnSpark.Result memory = new PageRankOnSpark(parameters, new MemoryBudget(Long.MAX_VALUE), 10,
                ProgressListener.NONE).run(edges, 2000, temp.toString());
        PageRankOnSpark.Result spark = new PageRankOnSpark(parameters, new MemoryBudget(0), 10,
                ProgressListener.NONE).run(edges, 2000, temp.toString());
        assertEquals(MemoryBudget.Path.IN_MEMORY, memory.path());
        assertEquals(MemoryBudget.Path.DISTRIBUTED, spark.path());
        assertTrue(memory.converged() && spark.converged());
        double diff = maxDiff(toArray(memory.scores(), 2000), toArray(spark.scores(), 2000));
        System.out.printf(Locale.ROOT, "forced paths, converged (tolerance 1e-13), 2000 vertices: %d and %d iterations, "
                + "max difference %.2g%n", memory.iterations(), spark.iterations(), diff);
        assertTrue(diff <= AGREEMENT, "max difference " + diff);
        assertEquals(1.0, sum(toArray(spark.scores(), 2000)), 1e-12);
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

}
