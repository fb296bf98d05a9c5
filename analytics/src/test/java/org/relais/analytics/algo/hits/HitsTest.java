package org.relais.analytics.algo.hits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.TestGraphs;

/** Hand-checked graphs and closed-form families; the real-network check is {@link HitsPolblogsTest}. */
class HitsTest {

    private static final double EXACT = 1e-12;

    private static HitsResult hits(CompactGraph g) {
        HitsResult r = Hits.compute(g, HitsParameters.defaults().withThreads(2));
        assertTrue(r.converged(), () -> "should converge: " + r);
        return r;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void weightedTwoHubsHaveTheClosedFormEigenvector() {
        // 0 -> 2 (weight 2), 0 -> 3 (weight 1), 1 -> 2 (weight 1). On the authorities {2, 3},
        // A^T A = [[5, 2], [2, 1]], whose leading eigenvalue 3 + 2 sqrt 2 has the eigenvector
        // (1, sqrt 2 - 1): scaled to sum 1, a2 = 1/sqrt 2 and a3 = 1 - 1/sqrt 2. Then h = A a:
        // h0 = 2 a2 + a3 = 1 + r and h1 = a2 = r with r = 1/sqrt 2, scaled to sum 1.
        CompactGraph g = TestGraphs.weighted(4, new int[][] {{0, 2}, {0, 3}, {1, 2}}, new double[] {2, 1, 1});
        HitsResult r = hits(g);
        double s = 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {0, 0, s, 1 - s}, r.authorities(), EXACT);
        assertArrayEquals(new double[] {(1 + s) / (1 + 2 * s), s / (1 + 2 * s), 0, 0}, r.hubs(), EXACT);
    }

    @Test
    void unweightedVersionOfTheSameGraphDiffers() {
        // Weights 1: A^T A = [[2, 1], [1, 1]], eigenvector (1, (sqrt 5 - 1)/2) for (3 + sqrt 5)/2.
        CompactGraph g = TestGraphs.weighted(4, new int[][] {{0, 2}, {0, 3}, {1, 2}}, null);
        HitsResult r = hits(g);
        double y = (Math.sqrt(5) - 1) / 2;
        assertArrayEquals(new double[] {0, 0, 1 / (1 + y), y / (1 + y)}, r.authorities(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100, 10_000})
    void inStarMakesTheCentreTheOnlyAuthority(int leaves) {
        HitsResult r = hits(TestGraphs.inStar(leaves));
        double[] authority = new double[leaves + 1];
        authority[0] = 1;
        double[] hub = filled(leaves + 1, 1.0 / leaves);
        hub[0] = 0;
        assertArrayEquals(authority, r.authorities(), EXACT);
        assertArrayEquals(hub, r.hubs(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100, 10_000})
    void outStarMakesTheCentreTheOnlyHub(int leaves) {
        HitsResult r = hits(TestGraphs.outStar(leaves));
        double[] hub = new double[leaves + 1];
        hub[0] = 1;
        double[] authority = filled(leaves + 1, 1.0 / leaves);
        authority[0] = 0;
        assertArrayEquals(authority, r.authorities(), EXACT);
        assertArrayEquals(hub, r.hubs(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 300})
    void completeDigraphIsUniform(int n) {
        HitsResult r = hits(TestGraphs.completeDigraph(n));
        assertArrayEquals(filled(n, 1.0 / n), r.authorities(), EXACT);
        assertArrayEquals(filled(n, 1.0 / n), r.hubs(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 1000, 100_000})
    void directedCycleIsUniformThoughItsLeadingSingularValueIsRepeated(int n) {
        // A is a permutation: every singular value is 1, any vector is "leading". The iteration
        // keeps the uniform start (networkx's SVD may return any vector; see the class comment).
        HitsResult r = hits(TestGraphs.directedCycle(n));
        assertArrayEquals(filled(n, 1.0 / n), r.authorities(), EXACT);
        assertArrayEquals(filled(n, 1.0 / n), r.hubs(), EXACT);
        assertEquals(1, r.iterations(), "the uniform start is already the answer");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 1000})
    void directedPathSharesEquallyAmongAllButTheEnds(int n) {
        // A^T A = diag(0, 1, ..., 1): a repeated leading singular value again; the iteration gives
        // the projection of the uniform start, 1/(n-1) on every vertex with an in-edge.
        HitsResult r = hits(TestGraphs.directedPath(n));
        double[] authority = filled(n, 1.0 / (n - 1));
        authority[0] = 0;
        double[] hub = filled(n, 1.0 / (n - 1));
        hub[n - 1] = 0;
        assertArrayEquals(authority, r.authorities(), EXACT);
        assertArrayEquals(hub, r.hubs(), EXACT);
    }

    @Test
    void twoIdenticalDisconnectedPartsShareEqually() {
        // Two copies of the weighted two-hub graph: sigma1 is repeated, and the uniform start splits
        // the scores evenly between the copies: each copy gets half of its single-copy scores.
        CompactGraph g = TestGraphs.weighted(8, new int[][] {{0, 2}, {0, 3}, {1, 2}, {4, 6}, {4, 7}, {5, 6}},
                new double[] {2, 1, 1, 2, 1, 1});
        HitsResult r = hits(g);
        double s = 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {0, 0, s / 2, (1 - s) / 2, 0, 0, s / 2, (1 - s) / 2}, r.authorities(), EXACT);
    }

    @Test
    void graphWithoutEdgesGetsUniformScoresAtOnce() {
        HitsResult r = hits(CompactGraph.builder(4).build(new int[0], new int[0], null, 0));
        assertArrayEquals(filled(4, 0.25), r.authorities());
        assertArrayEquals(filled(4, 0.25), r.hubs());
        assertEquals(0, r.iterations());
        assertEquals(0, hits(CompactGraph.builder(0).build(new int[0], new int[0], null, 0)).vertexCount());
    }

    @Test
    void scoresSumToOneOnASkewedWeightedGraph() {
        HitsResult r = hits(TestGraphs.random(20_000, 200_000, 5));
        assertEquals(1.0, Arrays.stream(r.authorities()).sum(), 1e-12);
        assertEquals(1.0, Arrays.stream(r.hubs()).sum(), 1e-12);
        assertTrue(r.finalDelta() < 20_000 * HitsParameters.DEFAULT_TOLERANCE);
    }

    @Test
    void scoresDoNotDependOnTheThreadCount() {
        CompactGraph g = TestGraphs.random(50_000, 400_000, 11);
        HitsResult one = Hits.compute(g, HitsParameters.defaults().withThreads(1));
        for (int threads : new int[] {2, 3, 8}) {
            HitsResult many = Hits.compute(g, HitsParameters.defaults().withThreads(threads));
            assertArrayEquals(one.authorities(), many.authorities(), 0.0, "bit-for-bit equal with " + threads + " threads");
            assertArrayEquals(one.hubs(), many.hubs(), 0.0, "bit-for-bit equal with " + threads + " threads");
        }
    }

    @Test
    void stopsAtMaxIterationsAndSaysItDidNotConverge() {
        HitsResult r = Hits.compute(TestGraphs.random(1_000, 5_000, 1), HitsParameters.defaults().withMaxIterations(3));
        assertEquals(3, r.iterations());
        assertFalse(r.converged());
        assertTrue(r.finalDelta() > 0);
        HitsResult fixed = Hits.compute(TestGraphs.random(1_000, 5_000, 1),
                HitsParameters.defaults().withTolerance(0).withMaxIterations(20));
        assertEquals(20, fixed.iterations(), "tolerance 0 runs exactly maxIterations");
    }

    @Test
    void reportsEveryIterationAndCanBeCancelledBetweenIterations() {
        CompactGraph g = TestGraphs.random(1_000, 5_000, 2);
        List<Double> deltas = new ArrayList<>();
        HitsResult r = new Hits(HitsParameters.defaults())
                .withProgress((phase, iteration, delta) -> {
                    assertEquals(Hits.PHASE, phase);
                    assertEquals(deltas.size() + 1, iteration);
                    deltas.add(delta);
                })
                .run(g);
        assertEquals(r.iterations(), deltas.size());
        assertEquals(r.finalDelta(), deltas.get(deltas.size() - 1));

        AtomicInteger seen = new AtomicInteger();
        Hits cancelAfterThree = new Hits(HitsParameters.defaults())
                .withProgress((phase, iteration, delta) -> seen.set(iteration))
                .withCancellation(() -> seen.get() >= 3);
        CancellationException e = assertThrows(CancellationException.class, () -> cancelAfterThree.run(g));
        assertEquals("HITS cancelled after 3 iterations", e.getMessage());
    }

    @Test
    void rejectsInvalidParameters() {
        HitsParameters ok = HitsParameters.defaults();
        for (double tolerance : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("tolerance was " + tolerance + ", but must be finite and >= 0",
                    assertThrows(IllegalArgumentException.class, () -> ok.withTolerance(tolerance)).getMessage());
        }
        assertEquals("maxIterations was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> ok.withMaxIterations(0)).getMessage());
        assertEquals("threads was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> ok.withThreads(0)).getMessage());
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        HitsParameters p = HitsParameters.defaults();
        assertEquals(1e-15, p.tolerance());
        assertEquals(1000, p.maxIterations());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.threads());
    }
}
