package org.relais.analytics.algo.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;
import org.relais.analytics.testdata.TestGraphs;

class RelaisScoreTest {

    private static final double D = 0.85;

    private static PageRankResult pageRank(CompactGraph g) {
        return PageRank.compute(g, PageRankParameters.defaults().withThreads(2));
    }

    @Test
    void inStarClosedForm() {
        // Leaves -> centre 0, the centre dangling (PageRankTest): a = 1/(1 + k(1+d)) for a leaf, the
        // floor; the centre has a(1 + dk), so it scores 20 log10(1 + dk).
        int k = 100;
        CompactGraph g = TestGraphs.inStar(k);
        RelaisScoreResult r = RelaisScore.compute(g, pageRank(g));
        double a = 1 / (1 + k * (1 + D));
        assertEquals(a, r.floor(), 1e-12);
        assertEquals(20 * Math.log10(1 + D * k), r.score(0), 1e-9);
        for (int leaf = 1; leaf <= k; leaf++) {
            assertEquals(0.0, r.score(leaf), "relayed by nobody: exactly 0");
        }
        assertEquals(a * (k + 1), r.relativeFloor(), 1e-12);
        assertEquals(0.85, r.damping());
        assertEquals(0, r.saturated());
    }

    @Test
    void withoutARandomJumpALeafPassesNothingOnAndTheFloorIsThatOfTheOthers() {
        // The in-star again, the first j leaves without a random-jump share: they have a PageRank of 0
        // and pass nothing on, so the centre scores as with k - j leaves, and the floor is exactly the
        // PageRank of a leaf that has its share.
        int k = 100;
        int j = 40;
        CompactGraph g = TestGraphs.inStar(k);
        double[] teleport = new double[k + 1];
        Arrays.fill(teleport, 1);
        Arrays.fill(teleport, 1, j + 1, 0);
        PageRankResult pr = new PageRank(PageRankParameters.defaults().withThreads(2)).withTeleport(teleport).run(g);
        RelaisScoreResult r = RelaisScore.compute(g, pr, teleport, RelaisScoreParameters.defaults());
        assertEquals(0.0, pr.score(1));
        assertEquals(pr.score(k), r.floor(), 1e-15);
        assertEquals(20 * Math.log10(1 + D * (k - j)), r.score(0), 1e-9);
        assertEquals(0.0, r.score(1));
        assertEquals(0.0, r.score(k));
    }

    @Test
    void everyTenfoldStepAddsTheSamePoints() {
        // A vertex with 10x, 100x the floor's PageRank: 20 and 40 with 5 decades, 50 and 100 with 2.
        CompactGraph g = TestGraphs.inStar(100);
        PageRankResult pr = pageRank(g);
        RelaisScoreResult five = RelaisScore.compute(g, pr);
        RelaisScoreResult two = RelaisScore.compute(g, pr, RelaisScoreParameters.defaults().withDecades(2));
        double ratio = pr.score(0) / five.floor();
        assertEquals(five.score(0) * 2.5, two.score(0), 1e-9);
        assertEquals(50 * Math.log10(ratio), two.score(0), 1e-9);
    }

    @Test
    void saturatesAtOneHundredAndSaysHowMany() {
        CompactGraph g = TestGraphs.inStar(1_000);
        RelaisScoreResult r = RelaisScore.compute(g, pageRank(g), new RelaisScoreParameters(1));
        assertEquals(100, r.score(0), "851 times the floor is past one decade");
        assertEquals(1, r.saturated());
    }

    @Test
    void isMonotoneAndBoundedOnASkewedGraph() {
        CompactGraph g = TestGraphs.random(50_000, 400_000, 3);
        PageRankResult pr = pageRank(g);
        RelaisScoreResult r = RelaisScore.compute(g, pr);
        Integer[] byPageRank = IntStream.range(0, g.vertexCount()).boxed().toArray(Integer[]::new);
        Arrays.sort(byPageRank, Comparator.comparingDouble(pr::score));
        for (int i = 1; i < byPageRank.length; i++) {
            int lower = byPageRank[i - 1];
            int higher = byPageRank[i];
            assertTrue(r.score(lower) <= r.score(higher), "monotone");
            if (pr.score(lower) == pr.score(higher)) {
                assertEquals(r.score(lower), r.score(higher), "equal PageRanks, equal scores");
            }
        }
        for (double s : r.scores()) {
            assertTrue(s >= 0 && s <= 100, "in [0, 100]: " + s);
        }
        // Vertices without in-edges sit on the floor.
        for (int v = 0; v < g.vertexCount(); v++) {
            if (g.inDegree(v) == 0) {
                assertEquals(0, r.score(v), 1e-6);
            }
        }
    }

    @Test
    void doesNotDependOnTheNumberOfActorsForTheSameRelativeShare() {
        // Two disjoint copies of a graph halve every PageRank and the floor: the scores stay.
        CompactGraph one = TestGraphs.random(2_000, 10_000, 9);
        int n = one.vertexCount();
        int m = one.edgeCount();
        int[] src = new int[2 * m];
        int[] dst = new int[2 * m];
        for (int u = 0; u < n; u++) {
            for (int e = one.outOffsets()[u]; e < one.outOffsets()[u + 1]; e++) {
                src[e] = u;
                dst[e] = one.outTargets()[e];
                src[m + e] = u + n;
                dst[m + e] = one.outTargets()[e] + n;
            }
        }
        CompactGraph two = CompactGraph.builder(2 * n).build(src, dst, null, 2 * m);
        CompactGraph oneUnweighted = TestGraphs.unweighted(one);
        RelaisScoreResult a = RelaisScore.compute(oneUnweighted, pageRank(oneUnweighted));
        RelaisScoreResult b = RelaisScore.compute(two, pageRank(two));
        for (int v = 0; v < n; v++) {
            assertEquals(a.score(v), b.score(v), 1e-9);
            assertEquals(a.score(v), b.score(v + n), 1e-9);
        }
    }

    @Test
    void polblogsTopBlogScoresAboutForty() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping polblogs figures");
        CompactGraph g = Polblogs.load().unweightedGraph();
        RelaisScoreResult r = RelaisScore.compute(g, pageRank(g));
        double top = Arrays.stream(r.scores()).max().orElseThrow();
        assertTrue(top > 35 && top < 45, "dailykos.com: " + top + ", " + r);
    }

    @Test
    void rejectsPersonalisedPageRankOtherGraphsAndInvalidDecades() {
        CompactGraph g = TestGraphs.directedCycle(3);
        PageRankResult personalised = new PageRank(PageRankParameters.defaults()).withTeleport(new double[] {1, 0, 0}).run(g);
        assertEquals("pageRank was personalised, but no teleport weights were given",
                assertThrows(IllegalArgumentException.class, () -> RelaisScore.compute(g, personalised)).getMessage());
        assertEquals("teleport weights were given, but pageRank used the uniform teleport",
                assertThrows(IllegalArgumentException.class, () -> RelaisScore.compute(g, pageRank(g),
                        new double[] {1, 1, 1}, RelaisScoreParameters.defaults())).getMessage());
        PageRankResult other = pageRank(TestGraphs.directedCycle(4));
        assertEquals("pageRank had 4 scores, but must have one per vertex: 3",
                assertThrows(IllegalArgumentException.class, () -> RelaisScore.compute(g, other)).getMessage());
        for (double decades : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("decades was " + decades + ", but must be finite and > 0",
                    assertThrows(IllegalArgumentException.class, () -> new RelaisScoreParameters(decades)).getMessage());
        }
        assertEquals(5, RelaisScoreParameters.defaults().decades());
    }
}
