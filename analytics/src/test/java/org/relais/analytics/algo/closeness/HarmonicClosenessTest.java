package org.relais.analytics.algo.closeness;

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
import org.relais.analytics.algo.closeness.HarmonicClosenessParameters.Method;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.TestGraphs;

/** Hand-checked graphs and closed-form families; the real-network check is {@link HarmonicClosenessPolblogsTest}. */
class HarmonicClosenessTest {

    private static final double EXACT = 1e-12;

    private static HarmonicClosenessParameters exact() {
        return HarmonicClosenessParameters.defaults().withMethod(Method.EXACT).withThreads(2);
    }

    private static double[] exact(CompactGraph g) {
        HarmonicClosenessResult r = HarmonicCloseness.compute(g, exact());
        assertTrue(r.exact());
        return r.scores();
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    private static double harmonicNumber(int k) {
        double h = 0;
        for (int d = 1; d <= k; d++) {
            h += 1.0 / d;
        }
        return h;
    }

    @Test
    void distancesComeInToTheVertexAsInNetworkx() {
        // networkx: harmonic_centrality(DiGraph([(0, 1), (1, 2)])) == {0: 0, 1: 1.0, 2: 1.5}.
        assertArrayEquals(new double[] {0, 1, 1.5}, exact(TestGraphs.directedPath(3)), 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 2_000})
    void directedCycleGivesEveryVertexTheHarmonicNumber(int n) {
        // The others are at distances 1, 2, ..., n-1.
        assertArrayEquals(filled(n, harmonicNumber(n - 1)), exact(TestGraphs.directedCycle(n)), EXACT * n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 2_000})
    void directedPathGivesVertexVTheHarmonicNumberOfV(int n) {
        double[] expected = new double[n];
        for (int v = 0; v < n; v++) {
            expected[v] = harmonicNumber(v);
        }
        assertArrayEquals(expected, exact(TestGraphs.directedPath(n)), EXACT * n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10_000})
    void starsCountTheirIncomingLeaves(int leaves) {
        double[] in = filled(leaves + 1, 0);
        in[0] = leaves;
        assertArrayEquals(in, exact(TestGraphs.inStar(leaves)), 0.0);
        double[] out = filled(leaves + 1, 1);
        out[0] = 0;
        assertArrayEquals(out, exact(TestGraphs.outStar(leaves)), 0.0);
        // Two-way: the centre has every leaf at 1; a leaf has the centre at 1 and the other leaves at 2.
        double[] twoWay = filled(leaves + 1, 1 + (leaves - 1) / 2.0);
        twoWay[0] = leaves;
        assertArrayEquals(twoWay, exact(TestGraphs.twoWayStar(leaves)), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 300})
    void completeDigraphGivesNMinusOneOrOneNormalised(int n) {
        assertArrayEquals(filled(n, n - 1), exact(TestGraphs.completeDigraph(n)), 0.0);
        HarmonicClosenessResult normalised = HarmonicCloseness.compute(TestGraphs.completeDigraph(n),
                exact().withNormalized(true));
        assertTrue(normalised.normalized());
        assertArrayEquals(filled(n, 1), normalised.scores(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 40})
    void bridgeEndpointsAreCloserToTheOtherClique(int k) {
        // Endpoint 0: its k-1 clique mates and the other endpoint at 1, the other k-1 at 2.
        // Any other vertex: k-1 at 1 (its clique), the far endpoint at 2, the far k-1 at 3.
        double endpoint = k + (k - 1) / 2.0;
        double other = (k - 1) + 0.5 + (k - 1) / 3.0;
        double[] expected = filled(2 * k, other);
        expected[0] = expected[k] = endpoint;
        assertArrayEquals(expected, exact(TestGraphs.twoCliquesWithBridge(k)), EXACT);
    }

    @Test
    void exactScoresDoNotDependOnTheThreadCount() {
        CompactGraph g = TestGraphs.random(1_500, 10_000, 11);
        double[] one = HarmonicCloseness.compute(g, exact().withThreads(1)).scores();
        for (int threads : new int[] {2, 3, 8}) {
            assertArrayEquals(one, HarmonicCloseness.compute(g, exact().withThreads(threads)).scores(), 0.0,
                    "bit-for-bit equal with " + threads + " threads");
        }
    }

    // ---- sampled -----------------------------------------------------------------------------------

    @Test
    void sampleSizeFollowsHoeffdingWithAUnionBound() {
        int n = 1_000_000;
        double eps = 0.05 * (n - 1) / n;
        assertEquals((int) Math.ceil(Math.log(2.0 * n / 0.1) / (2 * eps * eps)),
                HarmonicCloseness.sampleSize(n, 0.05, 0.1));
        assertEquals(3_363, HarmonicCloseness.sampleSize(n, 0.05, 0.1));
        assertEquals(84_057, HarmonicCloseness.sampleSize(n, 0.01, 0.1));
        assertEquals(100, HarmonicCloseness.sampleSize(100, 0.01, 0.1), "capped at n");
    }

    @Test
    void sampledIsWithinEpsilonOfExactAndSaysHowItWasObtained() {
        CompactGraph g = TestGraphs.random(5_000, 25_000, 4);
        HarmonicClosenessParameters p = exact().withNormalized(true);
        double[] exact = HarmonicCloseness.compute(g, p).scores();
        HarmonicClosenessResult r = HarmonicCloseness.compute(g, p.withMethod(Method.SAMPLED).withEpsilon(0.1).withSeed(9));
        assertEquals(Method.SAMPLED, r.method());
        assertEquals(HarmonicCloseness.sampleSize(5_000, 0.1, 0.1), r.sources());
        assertEquals(0.1, r.epsilon());
        assertEquals(0.1, r.delta());
        assertEquals(9, r.seed());
        for (int v = 0; v < exact.length; v++) {
            assertEquals(exact[v], r.score(v), 0.1, "vertex " + v);
        }
        HarmonicClosenessResult raw = HarmonicCloseness.compute(g,
                p.withNormalized(false).withMethod(Method.SAMPLED).withEpsilon(0.1).withSeed(9));
        assertEquals(0.1 * 4_999, raw.absoluteErrorBound(), 1e-9);
        assertEquals(r.score(0) * 4_999, raw.score(0), 1e-9);
    }

    @Test
    void samplingEverySourceIsExact() {
        CompactGraph g = TestGraphs.random(500, 4_000, 6);
        HarmonicClosenessResult all = HarmonicCloseness.compute(g, exact().withMethod(Method.SAMPLED).withEpsilon(0.01));
        assertEquals(500, all.sources(), "k capped at n");
        assertArrayEquals(exact(g), all.scores(), 1e-12);
    }

    @Test
    void sampledScoresDependOnTheSeedOnlyNotOnTheThreadCount() {
        CompactGraph g = TestGraphs.random(10_000, 50_000, 8);
        HarmonicClosenessParameters p = HarmonicClosenessParameters.defaults().withMethod(Method.SAMPLED).withEpsilon(0.1);
        double[] one = HarmonicCloseness.compute(g, p.withThreads(1)).scores();
        for (int threads : new int[] {2, 3, 8}) {
            assertArrayEquals(one, HarmonicCloseness.compute(g, p.withThreads(threads)).scores(), 0.0,
                    "bit-for-bit equal with " + threads + " threads");
        }
        assertFalse(Arrays.equals(one, HarmonicCloseness.compute(g, p.withSeed(43)).scores()));
    }

    @Test
    void autoIsExactWithinTheWorkLimitAndSampledAbove() {
        CompactGraph g = TestGraphs.twoCliquesWithBridge(10); // n (n + m) = 20 * 202 = 4040
        HarmonicClosenessParameters p = HarmonicClosenessParameters.defaults();
        assertEquals(Method.EXACT, HarmonicCloseness.compute(g, p.withExactWorkLimit(4040)).method());
        assertEquals(Method.SAMPLED, HarmonicCloseness.compute(g, p.withExactWorkLimit(4039)).method());
    }

    @Test
    void emptyAndSingleVertexGraphsScoreNothing() {
        CompactGraph empty = CompactGraph.builder(0).build(new int[0], new int[0], null, 0);
        assertEquals(0, exact(empty).length);
        assertEquals(0, HarmonicCloseness.compute(empty, exact().withMethod(Method.SAMPLED)).vertexCount());
        CompactGraph one = CompactGraph.builder(1).build(new int[0], new int[0], null, 0);
        assertArrayEquals(new double[] {0}, HarmonicCloseness.compute(one, exact().withNormalized(true)).scores());
    }

    // ---- progress, cancellation, parameters --------------------------------------------------------

    @Test
    void reportsRoundsAndCanBeCancelledBetweenThem() {
        CompactGraph g = TestGraphs.random(5_000, 20_000, 2);
        List<Double> remaining = new ArrayList<>();
        new HarmonicCloseness(exact()).withProgress((phase, round, left) -> {
            assertEquals(HarmonicCloseness.PHASE, phase);
            remaining.add(left);
        }).run(g);
        assertEquals(0.0, remaining.get(remaining.size() - 1));

        AtomicInteger rounds = new AtomicInteger();
        HarmonicCloseness cancelled = new HarmonicCloseness(exact())
                .withProgress((phase, round, left) -> rounds.set(round))
                .withCancellation(() -> rounds.get() >= 2);
        CancellationException e = assertThrows(CancellationException.class, () -> cancelled.run(g));
        assertTrue(e.getMessage().matches("harmonic-closeness cancelled after \\d+ of 5000 vertices"), e.getMessage());
    }

    @Test
    void rejectsInvalidParameters() {
        HarmonicClosenessParameters ok = HarmonicClosenessParameters.defaults();
        for (double epsilon : new double[] {0, 1, -0.1, Double.NaN}) {
            assertEquals("epsilon was " + epsilon + ", but must be in (0, 1)",
                    assertThrows(IllegalArgumentException.class, () -> ok.withEpsilon(epsilon)).getMessage());
        }
        for (double delta : new double[] {0, 1, 2, Double.NaN}) {
            assertEquals("delta was " + delta + ", but must be in (0, 1)",
                    assertThrows(IllegalArgumentException.class, () -> ok.withDelta(delta)).getMessage());
        }
        assertEquals("exactWorkLimit was -5, but must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> ok.withExactWorkLimit(-5)).getMessage());
        assertEquals("threads was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> ok.withThreads(0)).getMessage());
        assertEquals("method", assertThrows(NullPointerException.class, () -> ok.withMethod(null)).getMessage());
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        HarmonicClosenessParameters p = HarmonicClosenessParameters.defaults();
        assertEquals(Method.AUTO, p.method());
        assertFalse(p.normalized(), "networkx's scale");
        assertEquals(50_000_000_000L, p.exactWorkLimit());
        assertEquals(0.05, p.epsilon());
        assertEquals(0.1, p.delta());
        assertEquals(42, p.seed());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.threads());
    }
}
