package org.relais.analytics.algo.closeness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.TestGraphs;

class DirectionOptimizingBfsTest {

    @Test
    void givesTheDistancesOfAPlainBfsWhicheverStepsItTakes() {
        // Skewed graphs make it go bottom-up in the middle levels; the cycle and path never do.
        CompactGraph[] graphs = {
            TestGraphs.random(20_000, 200_000, 1), TestGraphs.random(5_000, 8_000, 2),
            TestGraphs.directedCycle(1_000), TestGraphs.directedPath(500), TestGraphs.twoWayStar(3_000),
        };
        int[] bottomUpSteps = new int[graphs.length];
        for (int k = 0; k < graphs.length; k++) {
            CompactGraph g = graphs[k];
            int n = g.vertexCount();
            DirectionOptimizingBfs bfs = new DirectionOptimizingBfs(n);
            for (int source : new int[] {0, 1, n / 2, n - 1}) {
                for (boolean forward : new boolean[] {true, false}) {
                    int count = forward
                            ? bfs.run(source, g.outOffsets(), g.outTargets(), g.inOffsets(), g.inSources())
                            : bfs.run(source, g.inOffsets(), g.inSources(), g.outOffsets(), g.outTargets());
                    int[] expected = forward ? plainBfs(g.outOffsets(), g.outTargets(), source, n)
                            : plainBfs(g.inOffsets(), g.inSources(), source, n);
                    int[] actual = new int[n];
                    Arrays.fill(actual, -1);
                    int previous = 0;
                    for (int i = 0; i < count; i++) {
                        int v = bfs.reached(i);
                        actual[v] = bfs.distance(v);
                        assertEquals(true, actual[v] >= previous, "reached in non-decreasing distance");
                        previous = actual[v];
                    }
                    assertArrayEquals(expected, actual, g + " from " + source + (forward ? " forward" : " backward"));
                    bottomUpSteps[k] += bfs.bottomUpSteps();
                }
            }
        }
        assertEquals(true, bottomUpSteps[0] > 0, "the skewed graph is searched bottom-up in places");
        assertEquals(0, bottomUpSteps[2], "a cycle's frontier is one vertex: always top-down");
    }

    private static int[] plainBfs(int[] offsets, int[] neighbours, int source, int n) {
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        dist[source] = 0;
        queue[0] = source;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int v = queue[head++];
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                if (dist[neighbours[e]] < 0) {
                    dist[neighbours[e]] = dist[v] + 1;
                    queue[tail++] = neighbours[e];
                }
            }
        }
        return dist;
    }
}
