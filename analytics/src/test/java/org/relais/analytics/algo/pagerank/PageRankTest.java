package org.relais.analytics.algo.pagerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.analytics.graph.CompactGraph;

/** Hand-checked tiny graphs and closed-form families; the real-network check is {@link PageRankPolblogsTest}. */
class PageRankTest {

    private static final double D = 0.85;
    /** For small graphs; see {@link #assertScores} for large ones. */
    private static final double EXACT = 1e-12;

    private static PageRankResult pageRank(CompactGraph graph) {
        return PageRank.compute(graph, PageRankParameters.defaults().withThreads(2));
    }

    private static CompactGraph graph(int n, int[] src, int[] dst, double[] weight) {
        return CompactGraph.builder(n).build(src, dst, weight, src.length);
    }

    private static void assertScores(double[] expected, PageRankResult result) {
        assertTrue(result.converged(), () -> "should converge: " + result);
        // The run stops at an L1 change below n * 1e-15, which leaves an L1 error of up to about
        // d/(1-d) = 5.7 times that, so the allowance grows with n.
        double allowed = EXACT + expected.length * 1e-14;
        assertArrayEquals(expected, result.scores(), allowed);
    }

    // ---- tiny graphs, checked by hand ------------------------------------------------------------

    @Test
    void twoVerticesOneEdgeToADanglingVertex() {
        // 0 -> 1; vertex 1 is dangling, so its score x1 goes back to both vertices, half each:
        //   x0 = (1-d)/2 + d x1/2,  x0 + x1 = 1   =>   x0 = 1/(2+d),  x1 = (1+d)/(2+d).
        PageRankResult r = pageRank(graph(2, new int[] {0}, new int[] {1}, null));
        assertScores(new double[] {1 / (2 + D), (1 + D) / (2 + D)}, r);
    }

    @Test
    void twoVerticesLinkingEachOtherShareEqually() {
        PageRankResult r = pageRank(graph(2, new int[] {0, 1}, new int[] {1, 0}, null));
        assertScores(new double[] {0.5, 0.5}, r);
    }

    @Test
    void chainEndingInADanglingVertex() {
        // 0 -> 1 -> 2, vertex 2 dangling. Every vertex gets the same base a = (1-d)/3 + d x2/3, then
        //   x0 = a,  x1 = a + d x0 = a(1+d),  x2 = a + d x1 = a(1+d+d^2);  the sum is 1, so
        //   a = 1/(3 + 2d + d^2)  (and indeed (1-d)/3 + d x2/3 gives the same a).
        PageRankResult r = pageRank(graph(3, new int[] {0, 1}, new int[] {1, 2}, null));
        double a = 1 / (3 + 2 * D + D * D);
        assertScores(new double[] {a, a * (1 + D), a * (1 + D + D * D)}, r);
    }

    /** 0 -> 1 (weight 3), 0 -> 2 (weight 1), 1 -> 0, 2 -> 0; no dangling vertex. */
    private static double[] weightedTriangleScores(double base) {
        // x1 = b + d (3/4) x0,  x2 = b + d (1/4) x0,  x0 = b + d (x1 + x2) = b + d (2b + d x0)
        //   =>  x0 = b (1 + 2d) / (1 - d^2).
        double x0 = base * (1 + 2 * D) / (1 - D * D);
        return new double[] {x0, base + D * 0.75 * x0, base + D * 0.25 * x0};
    }

    @Test
    void weightedEdgesSplitScoreInProportionToWeight() {
        CompactGraph g = graph(3, new int[] {0, 0, 1, 2}, new int[] {1, 2, 0, 0}, new double[] {3, 1, 1, 1});
        // No dangling vertex: the base is the teleport alone, b = (1-d)/3.
        assertScores(weightedTriangleScores((1 - D) / 3), pageRank(g));
    }

    @Test
    void parallelEdgesCountLikeOneSummedEdge() {
        // The weight-3 edge 0 -> 1 as three unweighted records, and as records of weight 2 and 1.
        CompactGraph asRecords = graph(3, new int[] {0, 0, 0, 0, 1, 2}, new int[] {1, 1, 1, 2, 0, 0}, null);
        CompactGraph asWeights = graph(3, new int[] {0, 1, 0, 2, 0}, new int[] {1, 0, 1, 0, 2},
                new double[] {2, 1, 1, 1, 1});
        double[] expected = weightedTriangleScores((1 - D) / 3);
        assertScores(expected, pageRank(asRecords));
        assertScores(expected, pageRank(asWeights));
    }

    @Test
    void isolatedVerticesAreDanglingAndScaleTheOthers() {
        // The weighted triangle plus isolated vertices 3 and 4. Each isolated vertex gets only the base
        //   c = (1-d)/5 + d (2c)/5   =>   c = (1-d)/(5-2d),
        // and the triangle is solved as before with base c instead of (1-d)/3.
        CompactGraph g = graph(5, new int[] {0, 0, 1, 2}, new int[] {1, 2, 0, 0}, new double[] {3, 1, 1, 1});
        double c = (1 - D) / (5 - 2 * D);
        double[] triangle = weightedTriangleScores(c);
        assertScores(new double[] {triangle[0], triangle[1], triangle[2], c, c}, pageRank(g));
    }

    @Test
    void aSingleVertexHasScoreOneAndAnEmptyGraphNoScores() {
        assertScores(new double[] {1.0}, pageRank(CompactGraph.builder(1).build(new int[0], new int[0], null, 0)));
        PageRankResult empty = pageRank(CompactGraph.builder(0).build(new int[0], new int[0], null, 0));
        assertEquals(0, empty.vertexCount());
        assertTrue(empty.converged());
    }

    @Test
    void aKeptSelfLoopReturnsScoreToItsVertex() {
        // 0 -> 0 and 0 -> 1 (each half of 0's score), 1 -> 0:
        //   x1 = b + d x0/2,  x0 = b + d x0/2 + d x1   with b = (1-d)/2
        //   =>  x0 (1 - d/2 - d^2/2) = b (1 + d).
        CompactGraph g = CompactGraph.builder(2).keepSelfLoops(true)
                .build(new int[] {0, 0, 1}, new int[] {0, 1, 0}, null, 3);
        double b = (1 - D) / 2;
        double x0 = b * (1 + D) / (1 - D / 2 - D * D / 2);
        assertScores(new double[] {x0, b + D * x0 / 2}, pageRank(g));
    }

    // ---- closed-form families at several sizes ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 1000, 100_000})
    void directedCycleIsUniform(int n) {
        int[] src = new int[n];
        int[] dst = new int[n];
        for (int i = 0; i < n; i++) {
            src[i] = i;
            dst[i] = (i + 1) % n;
        }
        PageRankResult r = pageRank(graph(n, src, dst, null));
        double[] expected = new double[n];
        Arrays.fill(expected, 1.0 / n);
        assertScores(expected, r);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100, 10_000})
    void inStarCollectsAtTheCentre(int leaves) {
        // Leaves 1..k -> centre 0; the centre is dangling. All vertices get the base
        //   a = (1-d)/n + d x0/n, leaves nothing else, the centre a + d k a.  The sum
        //   a (k + 1 + d k) = 1 gives a = 1/(1 + k(1+d)), and the base formula agrees.
        int n = leaves + 1;
        int[] src = new int[leaves];
        int[] dst = new int[leaves];
        for (int i = 0; i < leaves; i++) {
            src[i] = i + 1;
        }
        double a = 1 / (1 + leaves * (1 + D));
        double[] expected = new double[n];
        Arrays.fill(expected, a);
        expected[0] = a * (1 + D * leaves);
        assertScores(expected, pageRank(graph(n, src, dst, null)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100, 10_000})
    void outStarSpreadsFromTheCentre(int leaves) {
        // Centre 0 -> leaves 1..k; the leaves are dangling. Base a = (1-d)/n + d k x_leaf / n;
        //   x0 = a,  x_leaf = a + d a / k,  sum a (1 + k + d) = 1  =>  a = 1/(k + 1 + d).
        int n = leaves + 1;
        int[] src = new int[leaves];
        int[] dst = new int[leaves];
        for (int i = 0; i < leaves; i++) {
            dst[i] = i + 1;
        }
        double a = 1 / (leaves + 1 + D);
        double[] expected = new double[n];
        Arrays.fill(expected, a * (1 + D / leaves));
        expected[0] = a;
        assertScores(expected, pageRank(graph(n, src, dst, null)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 300})
    void completeDigraphIsUniform(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u != v) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        int[] src = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] dst = edges.stream().mapToInt(e -> e[1]).toArray();
        double[] expected = new double[n];
        Arrays.fill(expected, 1.0 / n);
        PageRankResult r = pageRank(graph(n, src, dst, null));
        assertScores(expected, r);
        assertTrue(r.iterations() <= 3, "uniform start is already the answer: " + r.iterations());
    }

    // ---- options: damping, personalisation, warm start, threads ---------------------------------

    @Test
    void dampingZeroGivesTheTeleportVector() {
        CompactGraph g = graph(3, new int[] {0, 1}, new int[] {1, 2}, null);
        PageRankResult r = PageRank.compute(g, PageRankParameters.defaults().withDamping(0));
        assertScores(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, r);
        assertEquals(1, r.iterations());
    }

    @Test
    void personalisedTeleportAlsoReceivesTheDanglingScore() {
        // 0 -> 1, teleport only to 0; dangling vertex 1 also sends its score to 0 (networkx's default):
        //   x0 = (1-d) + d x1,  x1 = d x0   =>   x0 = 1/(1+d),  x1 = d/(1+d).
        CompactGraph g = graph(2, new int[] {0}, new int[] {1}, null);
        PageRankResult r = new PageRank(PageRankParameters.defaults()).withTeleport(new double[] {5, 0}).run(g);
        assertScores(new double[] {1 / (1 + D), D / (1 + D)}, r);
        assertTrue(r.personalized());
    }

    @Test
    void warmStartFromTheAnswerStopsAtOnceWithTheSameScores() {
        CompactGraph g = randomGraph(2_000, 20_000, 3);
        PageRankResult cold = pageRank(g);
        PageRankResult warm = new PageRank(PageRankParameters.defaults()).withInitialScores(cold.scores()).run(g);
        assertTrue(warm.warmStarted());
        assertTrue(warm.iterations() <= 3, "started at the fixed point: " + warm.iterations());
        assertArrayEquals(cold.scores(), warm.scores(), EXACT);
    }

    @Test
    void scoresDoNotDependOnTheThreadCount() {
        CompactGraph g = randomGraph(50_000, 400_000, 11);
        double[] one = PageRank.compute(g, PageRankParameters.defaults().withThreads(1)).scores();
        for (int threads : new int[] {2, 3, 8}) {
            double[] many = PageRank.compute(g, PageRankParameters.defaults().withThreads(threads)).scores();
            assertArrayEquals(one, many, 0.0, "bit-for-bit equal with " + threads + " threads");
        }
    }

    @Test
    void scoresSumToOneOnASkewedWeightedGraph() {
        PageRankResult r = pageRank(randomGraph(20_000, 200_000, 5));
        double sum = 0;
        for (double s : r.scores()) {
            sum += s;
        }
        assertEquals(1.0, sum, 1e-12);
        assertTrue(r.converged());
        assertTrue(r.finalDelta() < 20_000 * PageRankParameters.DEFAULT_TOLERANCE);
    }

    @Test
    void stopsAtMaxIterationsAndSaysItDidNotConverge() {
        PageRankResult r = PageRank.compute(randomGraph(1_000, 5_000, 1),
                PageRankParameters.defaults().withMaxIterations(5));
        assertEquals(5, r.iterations());
        assertFalse(r.converged());
        assertTrue(r.finalDelta() > 0);
        assertEquals(5, r.parameters().maxIterations());
    }

    // ---- progress and cancellation ----------------------------------------------------------------

    @Test
    void reportsEveryIterationAndCanBeCancelledBetweenIterations() {
        CompactGraph g = randomGraph(1_000, 5_000, 2);
        List<Double> deltas = new ArrayList<>();
        PageRankResult r = new PageRank(PageRankParameters.defaults())
                .withProgress((phase, iteration, delta) -> {
                    assertEquals(PageRank.PHASE, phase);
                    assertEquals(deltas.size() + 1, iteration);
                    deltas.add(delta);
                })
                .run(g);
        assertEquals(r.iterations(), deltas.size());
        assertEquals(r.finalDelta(), deltas.get(deltas.size() - 1));

        AtomicInteger seen = new AtomicInteger();
        PageRank cancelAfterThree = new PageRank(PageRankParameters.defaults())
                .withProgress((phase, iteration, delta) -> seen.set(iteration))
                .withCancellation(() -> seen.get() >= 3);
        CancellationException e = assertThrows(CancellationException.class, () -> cancelAfterThree.run(g));
        assertEquals("PageRank cancelled after 3 iterations", e.getMessage());
        assertEquals(3, seen.get());
    }

    // ---- invalid parameters and inputs ------------------------------------------------------------

    @Test
    void rejectsInvalidParameters() {
        PageRankParameters ok = PageRankParameters.defaults();
        for (double damping : new double[] {1.5, 1.0, -0.1, Double.NaN}) {
            assertEquals("damping was " + damping + ", but must be in [0, 1)",
                    assertThrows(IllegalArgumentException.class, () -> ok.withDamping(damping)).getMessage());
        }
        for (double tolerance : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("tolerance was " + tolerance + ", but must be finite and >= 0",
                    assertThrows(IllegalArgumentException.class, () -> ok.withTolerance(tolerance)).getMessage());
        }
        assertEquals("maxIterations was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> ok.withMaxIterations(0)).getMessage());
        assertEquals("threads was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> ok.withThreads(0)).getMessage());
        assertEquals("threads was -2, but must be >= 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new PageRankParameters(0.85, 1e-15, 100, -2)).getMessage());
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        PageRankParameters p = PageRankParameters.defaults();
        assertEquals(0.85, p.damping());
        assertEquals(1e-15, p.tolerance());
        assertEquals(1000, p.maxIterations());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.threads());
    }

    @Test
    void rejectsInvalidTeleportAndInitialVectors() {
        PageRank pr = new PageRank(PageRankParameters.defaults());
        assertEquals("teleport[1] was -1.0, but must be finite and >= 0",
                assertThrows(IllegalArgumentException.class, () -> pr.withTeleport(new double[] {1, -1})).getMessage());
        assertEquals("initialScores[0] was NaN, but must be finite and >= 0",
                assertThrows(IllegalArgumentException.class,
                        () -> pr.withInitialScores(new double[] {Double.NaN})).getMessage());
        assertEquals("teleport summed to 0.0, but must sum to a finite value > 0",
                assertThrows(IllegalArgumentException.class, () -> pr.withTeleport(new double[] {0, 0})).getMessage());
        CompactGraph g = graph(3, new int[] {0}, new int[] {1}, null);
        assertEquals("teleport had 2 entries, but must have one per vertex: 3",
                assertThrows(IllegalArgumentException.class,
                        () -> pr.withTeleport(new double[] {1, 1}).run(g)).getMessage());
        assertEquals("initialScores had 4 entries, but must have one per vertex: 3",
                assertThrows(IllegalArgumentException.class,
                        () -> pr.withInitialScores(new double[] {1, 1, 1, 1}).run(g)).getMessage());
    }

    /** A seeded graph with skewed in-degrees and small integer weights. */
    static CompactGraph randomGraph(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = random.nextInt(n);
            dst[i] = (int) (n * Math.pow(random.nextDouble(), 3)); // low ids are hubs
            w[i] = 1 + random.nextInt(4);
        }
        return CompactGraph.builder(n).build(src, dst, w, m);
    }
}
