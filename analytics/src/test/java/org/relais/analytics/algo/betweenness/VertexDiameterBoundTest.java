package org.relais.analytics.algo.betweenness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.TestGraphs;

class VertexDiameterBoundTest {

    @Test
    void isExactOnPathsAndCycles() {
        assertEquals(10, VertexDiameterBound.compute(TestGraphs.directedPath(10), true));
        assertEquals(10, VertexDiameterBound.compute(TestGraphs.directedCycle(10), true));
        assertEquals(1, VertexDiameterBound.compute(CompactGraph.builder(3).build(new int[0], new int[0], null, 0), true));
        assertEquals(0, VertexDiameterBound.compute(CompactGraph.builder(0).build(new int[0], new int[0], null, 0), true));
    }

    @Test
    void usesEccentricitiesInsideAStronglyConnectedComponent() {
        // Complete digraph: one SCC with ecc_in = ecc_out = 1, so at most 3 vertices (truly 2).
        assertEquals(3, VertexDiameterBound.compute(TestGraphs.completeDigraph(50), true));
        // With real lengths only |C| can be said.
        assertEquals(50, VertexDiameterBound.compute(TestGraphs.completeDigraph(50), false));
        // Two-way star from its centre: ecc 1 + 1, 3 vertices, exact.
        assertEquals(3, VertexDiameterBound.compute(TestGraphs.twoWayStar(20), true));
    }

    @Test
    void boundsTheTrueVertexDiameterOfRandomGraphs() {
        for (long seed = 1; seed <= 20; seed++) {
            CompactGraph g = TestGraphs.random(150, 150 + 40 * (int) seed, seed);
            long truth = trueVertexDiameter(g);
            long bound = VertexDiameterBound.compute(g, true);
            assertTrue(bound >= truth && bound <= g.vertexCount(), "seed " + seed + ": bound " + bound + ", true " + truth);
            assertTrue(VertexDiameterBound.compute(g, false) >= bound, "a simple path bound is weaker");
        }
    }

    /** One BFS per vertex: 1 + the largest finite distance. */
    private static long trueVertexDiameter(CompactGraph g) {
        int n = g.vertexCount();
        int[] dist = new int[n];
        int[] queue = new int[n];
        long best = 0;
        for (int s = 0; s < n; s++) {
            Arrays.fill(dist, -1);
            dist[s] = 0;
            queue[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int v = queue[head++];
                best = Math.max(best, dist[v] + 1L);
                for (int e = g.outOffsets()[v]; e < g.outOffsets()[v + 1]; e++) {
                    int w = g.outTargets()[e];
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return best;
    }
}
