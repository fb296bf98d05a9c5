package org.relais.analytics.algo.betweenness;

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
import org.relais.analytics.algo.betweenness.BetweennessParameters.Method;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.TestGraphs;

/** Hand-checked graphs and closed-form families; the real-network check is {@link BetweennessPolblogsTest}. */
class BetweennessTest {

    private static final double EXACT = 1e-12;

    private static BetweennessParameters exact() {
        return BetweennessParameters.defaults().withMethod(Method.EXACT).withThreads(2);
    }

    private static double[] exact(CompactGraph g) {
        BetweennessResult r = Betweenness.compute(g, exact());
        assertTrue(r.exact());
        return r.scores();
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    // ---- closed forms ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 10, 500})
    void directedCycleGivesEveryVertexOneHalf(int n) {
        // The pair (s, s+L) has L-1 inner vertices; over the n pairs of each length L, every vertex is
        // inside L-1 of them, so b = sum_{L=2}^{n-1} (L-1) = (n-1)(n-2)/2: one half, normalised.
        assertArrayEquals(filled(n, 0.5), exact(TestGraphs.directedCycle(n)), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 10, 500})
    void directedPathCountsTheVerticesBeforeTimesAfter(int n) {
        double[] expected = new double[n];
        for (int v = 0; v < n; v++) {
            expected[v] = (double) v * (n - 1 - v) / ((double) (n - 1) * (n - 2));
        }
        assertArrayEquals(expected, exact(TestGraphs.directedPath(n)), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 100})
    void oneWayStarsHaveNoBetweennessAndATwoWayStarsCentreHasAll(int leaves) {
        int n = leaves + 1;
        assertArrayEquals(filled(n, 0), exact(TestGraphs.inStar(leaves)), EXACT);
        assertArrayEquals(filled(n, 0), exact(TestGraphs.outStar(leaves)), EXACT);
        // Every ordered pair of leaves goes through the centre: k(k-1) = (n-1)(n-2) pairs.
        double[] expected = filled(n, 0);
        expected[0] = 1;
        assertArrayEquals(expected, exact(TestGraphs.twoWayStar(leaves)), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 60})
    void completeDigraphHasNoBetweenness(int n) {
        assertArrayEquals(filled(n, 0), exact(TestGraphs.completeDigraph(n)), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 40})
    void bridgeEndpointsCarryAllTrafficBetweenTheCliques(int k) {
        // From each of the k-1 non-bridge vertices of one clique to each of the k vertices of the
        // other, and back: 2k(k-1) pairs through each bridge endpoint, of (2k-1)(2k-2): k / (2k-1).
        double[] expected = filled(2 * k, 0);
        expected[0] = expected[k] = (double) k / (2 * k - 1);
        assertArrayEquals(expected, exact(TestGraphs.twoCliquesWithBridge(k)), EXACT);
        BetweennessResult raw = Betweenness.compute(TestGraphs.twoCliquesWithBridge(k), exact().withNormalized(false));
        assertEquals(2.0 * k * (k - 1), raw.score(0), EXACT, "not normalised: the number of pairs");
    }

    @Test
    void parallelShortestPathsShareTheCredit() {
        // 0 -> 1 -> 3 and 0 -> 2 -> 3: two shortest paths, each inner vertex gets 1/2 of the pair (0, 3).
        CompactGraph g = TestGraphs.weighted(4, new int[][] {{0, 1}, {1, 3}, {0, 2}, {2, 3}}, null);
        double scale = 1.0 / (3 * 2);
        assertArrayEquals(new double[] {0, 0.5 * scale, 0.5 * scale, 0}, exact(g), EXACT);
    }

    // ---- lengths 1/weight --------------------------------------------------------------------------

    @Test
    void weightsEnterOnlyWhenAskedAndAsInverseLengths() {
        // 0 -> 1 -> 2 and a direct 0 -> 2. Counting hops the direct edge wins and 1 has nothing.
        // With lengths 1/w: weight 0.25 makes the direct edge 4 long against 1 + 1 through vertex 1.
        CompactGraph g = TestGraphs.weighted(3, new int[][] {{0, 1}, {1, 2}, {0, 2}}, new double[] {1, 1, 0.25});
        assertArrayEquals(new double[] {0, 0, 0}, exact(g), EXACT);
        BetweennessResult weighted = Betweenness.compute(g, exact().withWeighted(true));
        assertTrue(weighted.weighted());
        assertArrayEquals(new double[] {0, 0.5, 0}, weighted.scores(), EXACT, "the pair (0, 2) of 2 pairs");
    }

    @Test
    void equalLengthsTieExactlyAsInNetworkx() {
        // Weights 2, 2 make 0 -> 1 -> 2 exactly 0.5 + 0.5 = 1.0 long, as long as the direct edge of weight 1.
        CompactGraph g = TestGraphs.weighted(3, new int[][] {{0, 1}, {1, 2}, {0, 2}}, new double[] {2, 2, 1});
        assertArrayEquals(new double[] {0, 0.25, 0}, Betweenness.compute(g, exact().withWeighted(true)).scores(), EXACT);
    }

    @Test
    void weightedOnAnUnweightedGraphIsTheHopCount() {
        CompactGraph g = TestGraphs.twoCliquesWithBridge(6);
        assertArrayEquals(exact(g), Betweenness.compute(g, exact().withWeighted(true)).scores(), 0.0);
    }

    // ---- against a naive all-pairs count -----------------------------------------------------------

    @Test
    void exactMatchesCountingAllShortestPathsOnRandomGraphs() {
        for (long seed = 1; seed <= 4; seed++) {
            CompactGraph g = dyadicWeights(TestGraphs.random(120, 500 * (int) seed, seed));
            assertArrayEquals(NaiveBetweenness.of(g, false), exact(g), EXACT, "hops, seed " + seed);
            assertArrayEquals(NaiveBetweenness.of(g, true),
                    Betweenness.compute(g, exact().withWeighted(true)).scores(), EXACT, "1/w, seed " + seed);
        }
    }

    /**
     * The same edges with weights 1, 2 or 4, so that every length 1/w and every sum of them is exact in
     * {@code double} and the naive count (which compares with a tolerance) sees the same ties.
     */
    private static CompactGraph dyadicWeights(CompactGraph g) {
        int m = g.edgeCount();
        int[] src = new int[m];
        double[] w = new double[m];
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int e = g.outOffsets()[u]; e < g.outOffsets()[u + 1]; e++) {
                src[e] = u;
                w[e] = 1 << (e % 3);
            }
        }
        return CompactGraph.builder(g.vertexCount()).build(src, g.outTargets(), w, m);
    }

    @Test
    void exactScoresDoNotDependOnTheThreadCount() {
        CompactGraph g = TestGraphs.random(1_000, 8_000, 11);
        for (boolean weighted : new boolean[] {false, true}) {
            double[] one = Betweenness.compute(g, exact().withWeighted(weighted).withThreads(1)).scores();
            for (int threads : new int[] {2, 3, 8}) {
                double[] many = Betweenness.compute(g, exact().withWeighted(weighted).withThreads(threads)).scores();
                assertArrayEquals(one, many, 0.0, "bit-for-bit equal with " + threads + " threads, weighted " + weighted);
            }
        }
    }

    // ---- sampled -----------------------------------------------------------------------------------

    @Test
    void sampleSizeFollowsRiondatoKornaropoulos() {
        // n large enough that eps' = eps (n-2)/n is eps to 1e-9: r = ceil(0.5/eps^2 (floor(log2(VD-2)) + 1 + ln(1/delta))).
        int n = 1_000_000_000;
        assertEquals((long) Math.ceil(0.5 / 1e-4 * (4 + 1 + Math.log(10)) * (1 + 4e-9)),
                Betweenness.sampleSize(n, 18, 0.01, 0.1), 1, "VD 18: floor(log2 16) = 4");
        assertEquals(Betweenness.sampleSize(n, 18, 0.01, 0.1), Betweenness.sampleSize(n, 33, 0.01, 0.1),
                "floor(log2 31) = 4 too");
        assertTrue(Betweenness.sampleSize(n, 34, 0.01, 0.1) > Betweenness.sampleSize(n, 33, 0.01, 0.1));
        assertEquals(0, Betweenness.sampleSize(n, 2, 0.01, 0.1), "no shortest path has an inner vertex");
        // On a small graph the sample is larger, so that the bound holds on networkx's (n-1)(n-2) scale.
        assertEquals((int) Math.ceil(0.5 / Math.pow(0.1 * 8 / 10, 2) * (1 + 1 + Math.log(10))),
                Betweenness.sampleSize(10, 4, 0.1, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Betweenness.sampleSize(1_000_000, 1_000, 1e-5, 0.1));
        assertTrue(e.getMessage().startsWith("epsilon was 1.0E-5, which needs "), e.getMessage());
    }

    @Test
    void sampledIsWithinEpsilonOfExactAndSaysHowItWasObtained() {
        CompactGraph g = TestGraphs.twoCliquesWithBridge(20);
        double[] exact = exact(g);
        BetweennessParameters p = BetweennessParameters.defaults().withMethod(Method.SAMPLED)
                .withEpsilon(0.02).withDelta(0.05).withSeed(7).withThreads(2);
        BetweennessResult r = Betweenness.compute(g, p);
        assertEquals(Method.SAMPLED, r.method());
        assertFalse(r.exact());
        assertEquals(0.02, r.epsilon());
        assertEquals(0.05, r.delta());
        assertEquals(7, r.seed());
        assertEquals(Betweenness.sampleSize(40, r.vertexDiameterBound(), 0.02, 0.05), r.samples());
        assertTrue(r.vertexDiameterBound() >= 4, "the longest shortest path has 4 vertices");
        double[] sampled = r.scores();
        for (int v = 0; v < exact.length; v++) {
            assertEquals(exact[v], sampled[v], 0.02, "vertex " + v);
        }
        assertEquals(0.02, r.absoluteErrorBound());
        BetweennessResult raw = Betweenness.compute(g, p.withNormalized(false));
        assertEquals(0.02 * 39 * 38, raw.absoluteErrorBound(), 1e-12);
        assertEquals(sampled[0] * 39 * 38, raw.score(0), 1e-9);
    }

    @Test
    void sampledWithLengthsIsWithinEpsilonOfExact() {
        CompactGraph g = TestGraphs.random(300, 3_000, 5);
        BetweennessParameters p = exact().withWeighted(true);
        double[] exact = Betweenness.compute(g, p).scores();
        BetweennessResult r = Betweenness.compute(g, p.withMethod(Method.SAMPLED).withEpsilon(0.02));
        assertTrue(r.vertexDiameterBound() <= 300);
        for (int v = 0; v < exact.length; v++) {
            assertEquals(exact[v], r.score(v), 0.02, "vertex " + v);
        }
    }

    @Test
    void sampledScoresDependOnTheSeedOnlyNotOnTheThreadCount() {
        CompactGraph g = TestGraphs.random(2_000, 16_000, 3);
        BetweennessParameters p = BetweennessParameters.defaults().withMethod(Method.SAMPLED).withEpsilon(0.1);
        for (boolean weighted : new boolean[] {false, true}) {
            double[] one = Betweenness.compute(g, p.withWeighted(weighted).withThreads(1)).scores();
            for (int threads : new int[] {2, 3, 8}) {
                assertArrayEquals(one, Betweenness.compute(g, p.withWeighted(weighted).withThreads(threads)).scores(),
                        0.0, "bit-for-bit equal with " + threads + " threads, weighted " + weighted);
            }
            double[] otherSeed = Betweenness.compute(g, p.withWeighted(weighted).withSeed(43)).scores();
            assertFalse(Arrays.equals(one, otherSeed), "another seed draws other paths");
        }
    }

    @Test
    void autoIsExactWithinTheWorkLimitAndSampledAbove() {
        CompactGraph g = TestGraphs.twoCliquesWithBridge(10); // n = 20, m = 182: n (n + m) = 4040
        BetweennessParameters p = BetweennessParameters.defaults();
        assertEquals(Method.EXACT, Betweenness.compute(g, p.withExactWorkLimit(4040)).method());
        assertEquals(Method.SAMPLED, Betweenness.compute(g, p.withExactWorkLimit(4039)).method());
        assertEquals(Method.EXACT, Betweenness.resolve(g, p));
    }

    @Test
    void graphsWithFewerThanThreeVerticesHaveNoBetweenness() {
        assertArrayEquals(new double[] {0, 0}, exact(TestGraphs.directedCycle(2)));
        assertEquals(0, exact(CompactGraph.builder(0).build(new int[0], new int[0], null, 0)).length);
        BetweennessResult sampled = Betweenness.compute(TestGraphs.outStar(5),
                BetweennessParameters.defaults().withMethod(Method.SAMPLED));
        assertEquals(2, sampled.vertexDiameterBound());
        assertEquals(0, sampled.samples(), "no shortest path has an inner vertex: nothing to sample");
        assertArrayEquals(filled(6, 0), sampled.scores());
    }

    // ---- progress, cancellation, parameters --------------------------------------------------------

    @Test
    void reportsRoundsAndCanBeCancelledBetweenThem() {
        CompactGraph g = TestGraphs.random(2_000, 10_000, 2);
        List<Double> remaining = new ArrayList<>();
        new Betweenness(exact()).withProgress((phase, round, left) -> {
            assertEquals(Betweenness.PHASE, phase);
            assertEquals(remaining.size() + 1, round);
            remaining.add(left);
        }).run(g);
        assertFalse(remaining.isEmpty());
        assertTrue(remaining.size() <= 100);
        assertEquals(0.0, remaining.get(remaining.size() - 1));
        for (int i = 1; i < remaining.size(); i++) {
            assertTrue(remaining.get(i) < remaining.get(i - 1), "the work left shrinks every round");
        }

        AtomicInteger rounds = new AtomicInteger();
        Betweenness cancelled = new Betweenness(exact())
                .withProgress((phase, round, left) -> rounds.set(round))
                .withCancellation(() -> rounds.get() >= 2);
        CancellationException e = assertThrows(CancellationException.class, () -> cancelled.run(g));
        assertTrue(e.getMessage().matches("betweenness cancelled after \\d+ of 2000 sources"), e.getMessage());
        assertEquals(2, rounds.get());
    }

    @Test
    void rejectsInvalidParameters() {
        BetweennessParameters ok = BetweennessParameters.defaults();
        for (double epsilon : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertEquals("epsilon was " + epsilon + ", but must be in (0, 1)",
                    assertThrows(IllegalArgumentException.class, () -> ok.withEpsilon(epsilon)).getMessage());
        }
        for (double delta : new double[] {0, 1, -0.1, Double.NaN}) {
            assertEquals("delta was " + delta + ", but must be in (0, 1)",
                    assertThrows(IllegalArgumentException.class, () -> ok.withDelta(delta)).getMessage());
        }
        assertEquals("exactWorkLimit was -1, but must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> ok.withExactWorkLimit(-1)).getMessage());
        assertEquals("threads was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> ok.withThreads(0)).getMessage());
        assertEquals("method", assertThrows(NullPointerException.class, () -> ok.withMethod(null)).getMessage());
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        BetweennessParameters p = BetweennessParameters.defaults();
        assertEquals(Method.AUTO, p.method());
        assertFalse(p.weighted(), "hop counts, as networkx's default");
        assertTrue(p.normalized());
        assertEquals(10_000_000_000L, p.exactWorkLimit());
        assertEquals(0.01, p.epsilon());
        assertEquals(0.1, p.delta());
        assertEquals(42, p.seed());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.threads());
    }
}
