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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.distributed.DistributedPageRankTest.Records;
import org.relais.ingest.testing.SparkExtension;

/**
 * Both PageRank paths, forced by the memory budget, run to convergence on the same generated graph
 * (polblogs is in {@link DistributedPageRankTest}).
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
}
