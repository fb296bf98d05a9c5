package org.relais.analytics.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CompactGraphTest {

    @Test
    void buildsSortedOutAndInAdjacencyWithStrengths() {
        // Records deliberately out of order: 2->0, 0->2, 0->1 (w 3), 1->2.
        CompactGraph g = CompactGraph.builder(3)
                .build(new int[] {2, 0, 0, 1}, new int[] {0, 2, 1, 2}, new double[] {1, 1, 3, 0.5}, 4);

        assertEquals(3, g.vertexCount());
        assertEquals(4, g.edgeCount());
        assertTrue(g.isWeighted());
        assertArrayEquals(new int[] {0, 2, 3, 4}, g.outOffsets());
        assertArrayEquals(new int[] {1, 2, 2, 0}, g.outTargets(), "targets ascending within each source");
        assertArrayEquals(new float[] {3, 1, 0.5f, 1}, floats(g.outWeights()));
        assertArrayEquals(new int[] {0, 1, 2, 4}, g.inOffsets());
        assertArrayEquals(new int[] {2, 0, 0, 1}, g.inSources(), "sources ascending within each target");
        assertArrayEquals(new float[] {1, 3, 1, 0.5f}, floats(g.inWeights()));
        assertTrue(g.outWeights().isCoded());
        assertEquals(3, g.outWeights().distinctWeights());
        assertArrayEquals(new double[] {4, 0.5, 1}, g.outStrengths());
        assertEquals(2, g.outDegree(0));
        assertEquals(2, g.inDegree(2));
        assertEquals(0, g.roundedWeightCount());
    }

    @Test
    void sumsParallelEdgesIntoOneEdge() {
        // 0->1 three times (1 + 2 + 0.25), 1->0 twice without weights (becomes weight 2).
        CompactGraph weighted = CompactGraph.builder(2)
                .build(new int[] {0, 1, 0, 0}, new int[] {1, 0, 1, 1}, new double[] {1, 1, 2, 0.25}, 4);
        assertEquals(2, weighted.edgeCount());
        assertEquals(3.25, weighted.outStrength(0));
        assertEquals(2, weighted.mergedParallelEdges());

        CompactGraph counted = CompactGraph.builder(2).build(new int[] {1, 1, 0}, new int[] {0, 0, 1}, null, 3);
        assertEquals(2, counted.edgeCount());
        assertTrue(counted.isWeighted(), "two records of 1->0 make one edge of weight 2");
        assertEquals(2.0, counted.outWeight(counted.outOffsets()[1]));
        assertEquals(1, counted.mergedParallelEdges());
    }

    @Test
    void allWeightsOneGiveAnUnweightedGraphWithoutWeightArrays() {
        CompactGraph g = CompactGraph.builder(3)
                .build(new int[] {0, 1, 2}, new int[] {1, 2, 0}, new double[] {1, 1, 1}, 3);
        assertFalse(g.isWeighted());
        assertNull(g.outWeights());
        assertNull(g.inWeights());
        assertEquals(1.0, g.inWeight(0));
        assertArrayEquals(new double[] {1, 1, 1}, g.outStrengths());
        // 2 offset arrays of 4 ints, 2 target arrays of 3 ints, 3 strengths, each with a 16-byte header.
        assertEquals(5 * 16 + 2 * 4 * 4 + 2 * 3 * 4 + 3 * 8, g.memoryBytes());
    }

    @Test
    void fewDistinctWeightsAreCodedAndManyAreKeptAsFloats() {
        // Weights that are counts times type weights: few distinct values, 2 bytes per edge.
        int n = 1000;
        int[] src = new int[n];
        int[] dst = new int[n];
        double[] counts = new double[n];
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            src[i] = i;
            dst[i] = (i * 7 + 1) % n;
            counts[i] = (1 + i % 5) * (i % 2 == 0 ? 1.0 : 0.5);
            all[i] = 1 + i / 3.0;
        }
        CompactGraph coded = CompactGraph.builder(n).build(src, dst, counts, n);
        assertTrue(coded.outWeights().isCoded());
        assertEquals(8, coded.outWeights().distinctWeights(), "0.5, 1, 1.5, 2, 2.5, 3, 4 and 5");
        // Offsets, targets and strengths as unweighted; 2 code arrays of n chars; one table of 8 floats.
        long unweighted = 5 * 16 + 2 * (n + 1) * 4 + 2 * n * 4 + n * 8;
        assertEquals(unweighted + 2 * (16 + 2 * n) + 16 + 8 * 4, coded.memoryBytes());
        for (int u = 0; u < n; u++) {
            int e = coded.outOffsets()[u];
            assertEquals((float) counts[u], coded.outWeights().get(e));
            assertEquals(counts[u], coded.outStrength(u));
        }
        for (int v = 0; v < n; v++) {
            int e = coded.inOffsets()[v];
            assertEquals(coded.outWeight(coded.outOffsets()[coded.inSources()[e]]), coded.inWeight(e), "in-weight of " + v);
        }

        // Up to the limit of distinct weights the layout is coded; one more and it is plain.
        assertEquals(1000, EdgeWeights.of(all, n).distinctWeights());
        double[] many = new double[EdgeWeights.MAX_CODES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1 + i;
        }
        assertTrue(EdgeWeights.of(many, EdgeWeights.MAX_CODES).isCoded());
        assertFalse(EdgeWeights.of(many, many.length).isCoded());
        assertEquals(EdgeWeights.MAX_CODES + 1f, EdgeWeights.of(many, many.length).get(EdgeWeights.MAX_CODES));
    }

    private static float[] floats(EdgeWeights weights) {
        float[] values = new float[weights.length()];
        for (int e = 0; e < values.length; e++) {
            values[e] = weights.get(e);
        }
        return values;
    }

    @Test
    void dropsSelfLoopsByDefaultAndKeepsThemWhenAsked() {
        int[] src = {0, 1, 1};
        int[] dst = {1, 1, 0};
        CompactGraph dropped = CompactGraph.builder(2).build(src, dst, null, 3);
        assertEquals(2, dropped.edgeCount());
        assertEquals(1, dropped.droppedSelfLoops());
        assertEquals(1.0, dropped.outStrength(1));

        CompactGraph kept = CompactGraph.builder(2).keepSelfLoops(true).build(src, dst, null, 3);
        assertEquals(3, kept.edgeCount());
        assertEquals(0, kept.droppedSelfLoops());
        assertEquals(2.0, kept.outStrength(1), "a kept self-loop counts in the out-strength");
        assertArrayEquals(new int[] {0, 1}, Arrays.copyOfRange(kept.outTargets(), 1, 3));
    }

    @Test
    void isolatedVerticesAndEmptyGraphs() {
        CompactGraph g = CompactGraph.builder(4).build(new int[] {2}, new int[] {0}, null, 1);
        assertEquals(4, g.vertexCount());
        assertEquals(0, g.outDegree(3));
        assertEquals(0, g.inDegree(3));
        assertEquals(0.0, g.outStrength(0));

        CompactGraph empty = CompactGraph.builder(0).build(new int[0], new int[0], null, 0);
        assertEquals(0, empty.vertexCount());
        assertEquals(0, empty.edgeCount());
        assertEquals(Double.POSITIVE_INFINITY, empty.bytesPerEdge());
    }

    @Test
    void usesOnlyTheFirstMRecords() {
        CompactGraph g = CompactGraph.builder(3).build(new int[] {0, 1, 99}, new int[] {1, 2, 99}, null, 2);
        assertEquals(2, g.edgeCount());
    }

    @Test
    void countsWeightsThatFloatRounds() {
        CompactGraph g = CompactGraph.builder(3)
                .build(new int[] {0, 0, 1}, new int[] {1, 2, 2}, new double[] {0.1, 16_777_216, 16_777_217}, 3);
        assertEquals(2, g.roundedWeightCount(), "0.1 and 2^24 + 1 are not floats; 2^24 is");
        assertEquals((double) 0.1f, g.outWeight(0));
        assertEquals((double) 0.1f + 16_777_216, g.outStrength(0),
                "out-strength is the sum of the stored weights, so transition probabilities sum to 1");
    }

    @Test
    void parallelEdgesSumToTheSameWeightWhateverTheirOrder() {
        // Summed in the order given, in double, then stored as a float, these weighed 1 in one
        // order and 1.0000001192092896 in the other.
        double[] forward = {1, 5.9604644775390625E-8, 1.1102230246251565E-16, 1.1102230246251565E-16};
        double[] backward = {1.1102230246251565E-16, 1.1102230246251565E-16, 5.9604644775390625E-8, 1};
        int[] src = {0, 0, 0, 0};
        int[] dst = {1, 1, 1, 1};
        CompactGraph a = CompactGraph.builder(2).build(src, dst, forward, 4);
        CompactGraph b = CompactGraph.builder(2).build(src, dst, backward, 4);
        assertEquals(1, a.edgeCount());
        assertEquals(a.outWeight(0), b.outWeight(0));
        assertEquals(a.outStrength(0), b.outStrength(0));
    }

    @Test
    void inAdjacencyIsTheTransposeOfOutAdjacencyOnARandomMultigraph() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200;
        int m = 3000;
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        double[][] dense = new double[n][n];
        for (int i = 0; i < m; i++) {
            src[i] = random.nextInt(n);
            dst[i] = random.nextInt(20); // few targets, so many parallel edges
            w[i] = 1 + random.nextInt(3);
            if (src[i] != dst[i]) {
                dense[src[i]][dst[i]] += w[i];
            }
        }
        CompactGraph g = CompactGraph.builder(n).build(src, dst, w, m);

        double[][] fromOut = new double[n][n];
        double[][] fromIn = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int e = g.outOffsets()[u]; e < g.outOffsets()[u + 1]; e++) {
                fromOut[u][g.outTargets()[e]] += g.outWeight(e);
            }
        }
        for (int v = 0; v < n; v++) {
            for (int e = g.inOffsets()[v]; e < g.inOffsets()[v + 1]; e++) {
                fromIn[g.inSources()[e]][v] += g.inWeight(e);
            }
        }
        for (int u = 0; u < n; u++) {
            assertArrayEquals(dense[u], fromOut[u], "out-adjacency row " + u);
            assertArrayEquals(dense[u], fromIn[u], "in-adjacency row " + u);
        }
    }

    @Test
    void rejectsInvalidInput() {
        assertEquals("vertexCount was -1, but must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> CompactGraph.builder(-1)).getMessage());
        CompactGraph.Builder b = CompactGraph.builder(3);
        assertEquals("m was 3, but must be in [0, 2] (the length of the shortest edge array)",
                assertThrows(IllegalArgumentException.class,
                        () -> b.build(new int[] {0, 1}, new int[] {1, 2, 0}, null, 3)).getMessage());
        assertEquals("m was -1, but must be in [0, 1] (the length of the shortest edge array)",
                assertThrows(IllegalArgumentException.class,
                        () -> b.build(new int[] {0}, new int[] {1}, null, -1)).getMessage());
        assertEquals("src[1] was 3, but must be in [0, 3)",
                assertThrows(IllegalArgumentException.class,
                        () -> b.build(new int[] {0, 3}, new int[] {1, 2}, null, 2)).getMessage());
        assertEquals("dst[0] was -2, but must be in [0, 3)",
                assertThrows(IllegalArgumentException.class,
                        () -> b.build(new int[] {0}, new int[] {-2}, null, 1)).getMessage());
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("weight[0] was " + bad + ", but must be finite and > 0",
                    assertThrows(IllegalArgumentException.class,
                            () -> b.build(new int[] {0}, new int[] {1}, new double[] {bad}, 1)).getMessage());
        }
    }
}
