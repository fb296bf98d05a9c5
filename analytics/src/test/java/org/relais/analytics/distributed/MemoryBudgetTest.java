package org.relais.analytics.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

class MemoryBudgetTest {

    @Test
    void estimateFollowsTheCompactGraphLayout() {
        assertEquals(16 * 10_000_000L + 16 * 1_000_000L, MemoryBudget.graphBytes(1_000_000, 10_000_000));
        assertEquals(32 * 1_000_000L, MemoryBudget.pageRankBytes(1_000_000));
        assertEquals(208_000_000L, MemoryBudget.estimateBytes(1_000_000, 10_000_000), "16m + 48n");
        // The estimate is the real graph's size with plain weights, less the 16-byte array headers:
        // a path whose 70,000 weights are all different, more than codes can index.
        int m = EdgeWeights.MAX_CODES + 4_464;
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] distinct = new double[m];
        double[] few = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = i;
            dst[i] = i + 1;
            distinct[i] = 1 + i / 1024.0;
            few[i] = 1 + i % 4;
        }
        CompactGraph plain = CompactGraph.builder(m + 1).build(src, dst, distinct, m);
        assertFalse(plain.inWeights().isCoded());
        assertEquals(plain.memoryBytes() - 7 * 16 - 2 * 4, MemoryBudget.graphBytes(m + 1, m),
                "seven arrays, and the two offset arrays have n + 1 entries");
        // With few distinct weights, 2 bytes per edge and direction less, and a table of 4 floats.
        CompactGraph coded = CompactGraph.builder(m + 1).build(src, dst, few, m);
        assertEquals(coded.memoryBytes() - 8 * 16 - 2 * 4 - 4 * 4, MemoryBudget.graphBytes(m + 1, m) - 4L * m);
    }

    @Test
    void theAnalyzeJobsEstimateCountsWhatItsInMemoryPathHolds() {
        assertEquals(108 * 10_000_000L + (400 + 36 * 2) * 1_000_000L, MemoryBudget.analyzeBytes(1_000_000, 10_000_000, 2),
                "108m + (400 + 36t)n");
        assertTrue(MemoryBudget.analyzeBytes(1_000_000, 10_000_000, 1) > 5 * MemoryBudget.estimateBytes(1_000_000,
                10_000_000), "far more than PageRank's arrays");
        long estimate = MemoryBudget.analyzeBytes(1000, 5000, 4);
        assertEquals(MemoryBudget.Path.IN_MEMORY, new MemoryBudget(estimate).decide(1000, 5000, estimate));
        assertEquals(MemoryBudget.Path.DISTRIBUTED, new MemoryBudget(estimate - 1).decide(1000, 5000, estimate));
        assertEquals(MemoryBudget.Path.DISTRIBUTED, new MemoryBudget(Long.MAX_VALUE).decide(3_000_000_000L, 1, 0),
                "more vertices than an int-indexed array holds");
    }

    @Test
    void decidesByTheBudget() {
        MemoryBudget budget = new MemoryBudget(208_000_000L);
        assertEquals(MemoryBudget.Path.IN_MEMORY, budget.decide(1_000_000, 10_000_000));
        assertEquals(MemoryBudget.Path.DISTRIBUTED, budget.decide(1_000_000, 10_000_001));
        assertEquals(MemoryBudget.Path.DISTRIBUTED, new MemoryBudget(0).decide(1, 0));
        assertEquals(MemoryBudget.Path.IN_MEMORY, new MemoryBudget(0).decide(0, 0), "nothing fits any budget");
        assertEquals(MemoryBudget.Path.DISTRIBUTED, new MemoryBudget(Long.MAX_VALUE).decide(10, 3_000_000_000L),
                "more edges than an int-indexed array holds");
        assertTrue(MemoryBudget.ofHeapFraction(0.5).budgetBytes() > 0);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertMessage("budgetBytes was -1, but must be >= 0", () -> new MemoryBudget(-1));
        assertMessage("fraction was 1.5, but must be in (0, 1]", () -> MemoryBudget.ofHeapFraction(1.5));
        assertMessage("vertices was -2, but must be >= 0", () -> MemoryBudget.estimateBytes(-2, 0));
        assertMessage("edges was -3, but must be >= 0", () -> MemoryBudget.graphBytes(1, -3));
        assertMessage("threads was 0, but must be >= 1", () -> MemoryBudget.analyzeBytes(1, 1, 0));
        assertMessage("edges was -1, but must be >= 0", () -> MemoryBudget.analyzeBytes(1, -1, 1));
        assertMessage("checkpointInterval was 0, but must be >= 1",
                () -> DistributedPageRankParameters.defaults().withCheckpointInterval(0));
        assertMessage("partitions was -1, but must be >= 0",
                () -> DistributedPageRankParameters.defaults().withPartitions(-1));
        assertMessage("maxIterations was 0, but must be >= 1",
                () -> DistributedPageRankParameters.defaults().withMaxIterations(0));
        assertMessage("damping was 1.0, but must be in [0, 1)",
                () -> new DistributedPageRankParameters(1.0, 1e-15, 10, 10, 0));
        assertEquals(new DistributedPageRankParameters(0.85, 1e-15, 1000, 10, 0),
                DistributedPageRankParameters.of(PageRankParameters.defaults()));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
