package org.relais.analytics.algo.kcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.TestGraphs;

class CorenessTest {

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 10, 100_000})
    void directedCycleIsATwoCore(int n) {
        CorenessResult r = Coreness.compute(TestGraphs.directedCycle(n));
        assertArrayEquals(filled(n, 2), r.corenesses());
        assertEquals(2, r.degeneracy());
        assertEquals(n, r.undirectedEdgeCount());
    }

    @Test
    void twoVerticesLinkingEachOtherShareOneUndirectedEdge() {
        CorenessResult r = Coreness.compute(TestGraphs.directedCycle(2));
        assertArrayEquals(new int[] {1, 1}, r.corenesses());
        assertEquals(1, r.undirectedEdgeCount(), "0 -> 1 and 1 -> 0 are one undirected edge");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10_000})
    void starsAndPathsAreOneCores(int size) {
        assertArrayEquals(filled(size + 1, 1), Coreness.compute(TestGraphs.inStar(size)).corenesses());
        assertArrayEquals(filled(size + 1, 1), Coreness.compute(TestGraphs.outStar(size)).corenesses());
        assertArrayEquals(filled(size + 1, 1), Coreness.compute(TestGraphs.twoWayStar(size)).corenesses());
        assertArrayEquals(filled(size + 1, 1), Coreness.compute(TestGraphs.directedPath(size + 1)).corenesses());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 300})
    void completeDigraphIsAnNMinusOneCore(int n) {
        CorenessResult r = Coreness.compute(TestGraphs.completeDigraph(n));
        assertArrayEquals(filled(n, n - 1), r.corenesses());
        assertEquals((long) n * (n - 1) / 2, r.undirectedEdgeCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 50})
    void bridgeEndpointsStayInTheirCliquesCore(int k) {
        // The bridge gives its endpoints degree k, but no subgraph gives every vertex k neighbours.
        CorenessResult r = Coreness.compute(TestGraphs.twoCliquesWithBridge(k));
        assertArrayEquals(filled(2 * k, k - 1), r.corenesses());
    }

    @Test
    void pendantVerticesPeelOffBeforeTheClique() {
        // K4 on 0..3, 4 -> 0 and 5 -> 4 hanging off it, 6 isolated, 7 with only a kept self-loop.
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            for (int v = u + 1; v < 4; v++) {
                edges.add(new int[] {u, v});
            }
        }
        edges.add(new int[] {4, 0});
        edges.add(new int[] {5, 4});
        edges.add(new int[] {7, 7});
        int[] src = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] dst = edges.stream().mapToInt(e -> e[1]).toArray();
        CompactGraph g = CompactGraph.builder(8).keepSelfLoops(true).build(src, dst, null, src.length);
        CorenessResult r = Coreness.compute(g);
        assertArrayEquals(new int[] {3, 3, 3, 3, 1, 1, 0, 0}, r.corenesses(), "self-loops are ignored");
        assertEquals(3, r.degeneracy());
        assertEquals(8, r.undirectedEdgeCount());
        assertArrayEquals(new int[] {0, 1, 2, 3}, r.kCore(2));
        assertArrayEquals(IntStream.range(0, 8).toArray(), r.kCore(0));
    }

    @Test
    void weightsAndDirectionsDoNotMatter() {
        CompactGraph weighted = TestGraphs.random(3_000, 30_000, 7);
        CorenessResult a = Coreness.compute(weighted);
        CorenessResult b = Coreness.compute(TestGraphs.unweighted(weighted));
        assertArrayEquals(a.corenesses(), b.corenesses());
        // Reversing every edge gives the same undirected graph.
        int m = weighted.edgeCount();
        int[] src = new int[m];
        for (int u = 0; u < weighted.vertexCount(); u++) {
            Arrays.fill(src, weighted.outOffsets()[u], weighted.outOffsets()[u + 1], u);
        }
        CompactGraph reversed = CompactGraph.builder(weighted.vertexCount()).build(weighted.outTargets(), src, null, m);
        assertArrayEquals(a.corenesses(), Coreness.compute(reversed).corenesses());
    }

    @Test
    void agreesWithNaivePeelingOnRandomGraphs() {
        for (long seed = 1; seed <= 5; seed++) {
            CompactGraph g = TestGraphs.random(400, 2_000 * (int) seed, seed);
            assertArrayEquals(naiveCoreness(g), Coreness.compute(g).corenesses(), "seed " + seed);
        }
    }

    /** Repeatedly removes a vertex of minimum remaining degree, from explicit neighbour sets. */
    private static int[] naiveCoreness(CompactGraph g) {
        int n = g.vertexCount();
        List<Set<Integer>> neighbours = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            neighbours.add(new HashSet<>());
        }
        for (int u = 0; u < n; u++) {
            for (int e = g.outOffsets()[u]; e < g.outOffsets()[u + 1]; e++) {
                int v = g.outTargets()[e];
                if (u != v) {
                    neighbours.get(u).add(v);
                    neighbours.get(v).add(u);
                }
            }
        }
        int[] core = new int[n];
        boolean[] removed = new boolean[n];
        int k = 0;
        for (int step = 0; step < n; step++) {
            int best = -1;
            for (int v = 0; v < n; v++) {
                if (!removed[v] && (best < 0 || neighbours.get(v).size() < neighbours.get(best).size())) {
                    best = v;
                }
            }
            k = Math.max(k, neighbours.get(best).size());
            core[best] = k;
            removed[best] = true;
            for (int u : neighbours.get(best)) {
                neighbours.get(u).remove(best);
            }
        }
        return core;
    }

    @Test
    void reportsPercentProgressAndCanBeCancelled() {
        CompactGraph g = TestGraphs.random(10_000, 50_000, 3);
        List<Integer> percents = new ArrayList<>();
        new Coreness().withProgress((phase, iteration, delta) -> {
            assertEquals(Coreness.PHASE, phase);
            percents.add(iteration);
            assertEquals(1 - iteration / 100.0, delta, 1e-9);
        }).run(g);
        assertEquals(IntStream.rangeClosed(1, 100).boxed().toList(), percents);

        AtomicInteger seen = new AtomicInteger();
        Coreness cancelled = new Coreness()
                .withProgress((phase, iteration, delta) -> seen.set(iteration))
                .withCancellation(() -> seen.get() >= 10);
        CancellationException e = assertThrows(CancellationException.class, () -> cancelled.run(g));
        assertEquals("coreness cancelled after 1100 of 10000 vertices", e.getMessage());
    }

    @Test
    void emptyGraphHasNoCores() {
        CorenessResult r = Coreness.compute(CompactGraph.builder(0).build(new int[0], new int[0], null, 0));
        assertEquals(0, r.vertexCount());
        assertEquals(0, r.degeneracy());
        assertTrue(r.toString().contains("degeneracy=0"));
    }
}
