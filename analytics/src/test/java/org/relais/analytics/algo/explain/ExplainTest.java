package org.relais.analytics.algo.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;

class ExplainTest {

    private static final double EXACT = 1e-15;

    /** 0→1, 0→2, 1→2 (weight 3), 3→2: vertex 2 has three contributors, 0 and 3 none. */
    private static CompactGraph small() {
        return CompactGraph.builder(4).build(new int[] {0, 0, 1, 3}, new int[] {1, 2, 2, 2}, new double[] {1, 1, 3, 1}, 4);
    }

    // --- bubble reach ---

    @Test
    void bubbleReachByHand() {
        double[] pr = {0.1, 0.2, 0.3, 0.4};
        int[] communities = {7, 9, 7, 9};
        BubbleReach r = BubbleReach.of(small(), pr, 0.5, communities);
        // Into 2 (community 7): from 0 (7) 0.5*0.1*1/2 = 0.025; from 1 (9) 0.5*0.2*3/3 = 0.1; from 3 (9) 0.5*0.4*1/1 = 0.2.
        assertEquals(0.325, r.totalMass(2), EXACT);
        assertEquals(0.3, r.outsideMass(2), EXACT);
        assertEquals(0.3 / 0.325, r.share(2), EXACT);
        // Into 1 (community 9): only from 0 (7), 0.025: all from outside.
        assertEquals(1.0, r.share(1));
        assertTrue(Double.isNaN(r.share(0)), "no in-edges: no mass received, reach undefined");
        assertTrue(Double.isNaN(r.shares()[3]));
        assertEquals(0.5, r.damping());
        assertEquals(4, r.vertexCount());
    }

    @Test
    void bubbleReachIsZeroInsideOneCommunityAndUndefinedWithoutDamping() {
        double[] pr = {0.1, 0.2, 0.3, 0.4};
        BubbleReach same = BubbleReach.of(small(), pr, 0.85, new int[4]);
        assertEquals(0.0, same.share(2));
        assertEquals(0.0, same.share(1));
        BubbleReach none = BubbleReach.of(small(), pr, 0.0, new int[] {0, 1, 2, 3});
        assertTrue(Double.isNaN(none.share(2)), "d = 0: nothing flows along edges");
    }

    @Test
    void bubbleReachRejectsBadArguments() {
        double[] pr = {0.25, 0.25, 0.25, 0.25};
        assertMessage("pageRank had 3 entries, but must have one per vertex: 4",
                () -> BubbleReach.of(small(), new double[3], 0.85, new int[4]));
        assertMessage("communities had 5 entries, but must have one per vertex: 4",
                () -> BubbleReach.of(small(), pr, 0.85, new int[5]));
        assertMessage("damping was 1.0, but must be in [0, 1)", () -> BubbleReach.of(small(), pr, 1.0, new int[4]));
    }

    // --- explanations ---

    @Test
    void explanationsAddUpToTheScoreAndListContributorsByMassThenId() {
        // A star into 0 from 1, 2, 3, and 4 -> 1: 2 and 3 pass on equal mass, 1 more (it also gets 4's).
        CompactGraph g = CompactGraph.builder(5).build(new int[] {1, 2, 3, 4}, new int[] {0, 0, 0, 1}, null, 4);
        PageRankResult pr = PageRank.compute(g, PageRankParameters.defaults().withThreads(1));
        Explanations ex = Explanations.of(g, pr.scores(), 0.85);
        Explanation e = ex.explain(0, 2);
        assertArrayEquals(new int[] {1, 2}, e.contributors(), "1 first (largest), then 2 before 3 (tie, smaller id)");
        assertEquals(3, e.contributorCount());
        assertEquals(2, e.size());
        assertEquals(0.85 * pr.score(1), e.mass(0), EXACT);
        assertEquals(0.85 * pr.score(2), e.mass(1), EXACT);
        assertEquals(0.85 * (pr.score(1) + pr.score(2) + pr.score(3)), e.totalContributorMass(), EXACT);
        // Dangling: only 0. Baseline ((1-d) + d PR(0)) / 5.
        assertEquals(pr.score(0), ex.danglingMass(), EXACT);
        assertEquals((0.15 + 0.85 * pr.score(0)) / 5, e.baseline(), EXACT);
        assertEquals(pr.score(0), e.baseline() + e.totalContributorMass(), 1e-14);
        assertEquals(e.mass(0) / pr.score(0), e.share(0), EXACT);
        assertEquals(1.0, e.baselineShare() + e.totalContributorMass() / e.score(), 1e-13);

        Explanation leaf = ex.explain(4, 10);
        assertEquals(0, leaf.size(), "no in-neighbours: the baseline is everything");
        assertEquals(leaf.score(), leaf.baseline(), 1e-14);
        assertEquals(3, ex.explain(0, 10).size(), "k beyond the in-degree lists them all");
        List<Explanation> two = ex.explain(new int[] {1, 0}, 1);
        assertEquals(1, two.get(0).target());
        assertEquals(0, two.get(1).target());
        assertFalse(ex.personalized());
    }

    @Test
    void personalisedTeleportGoesIntoTheBaseline() {
        CompactGraph g = randomGraph(60, 300, 5);
        double[] t = new double[60];
        t[3] = 2;
        t[17] = 1;
        t[40] = 1;
        PageRankResult pr = new PageRank(PageRankParameters.defaults().withThreads(1)).withTeleport(t).run(g);
        Explanations ex = Explanations.of(g, pr.scores(), 0.85).withTeleport(t);
        assertTrue(ex.personalized());
        for (int v = 0; v < 60; v++) {
            Explanation e = ex.explain(v, 3);
            assertEquals(0.0, e.residual(), 1e-14, "vertex " + v);
        }
        assertEquals(0.0, ex.baseline(0), "no teleport to 0");
        assertEquals((0.15 + 0.85 * ex.danglingMass()) / 2, ex.baseline(3), EXACT);
    }

    @Test
    void explanationsRejectBadArguments() {
        Explanations ex = Explanations.of(small(), new double[] {0.25, 0.25, 0.25, 0.25}, 0.85);
        assertMessage("k was -1, but must be >= 0", () -> ex.explain(0, -1));
        assertMessage("vertex was 4, but must be in [0, 4)", () -> ex.explain(4, 1));
        assertMessage("teleport had 2 entries, but must have one per vertex: 4", () -> ex.withTeleport(new double[2]));
        assertMessage("teleport summed to 0.0, but must sum to a finite value > 0", () -> ex.withTeleport(new double[4]));
        assertMessage("teleport[1] was -1.0, but must be finite and >= 0",
                () -> ex.withTeleport(new double[] {1, -1, 0, 0}));
        assertMessage("damping was -0.1, but must be in [0, 1)", () -> Explanations.of(small(), new double[4], -0.1));
    }

    // --- ranking within communities ---

    @Test
    void communityRankingRanksByScoreThenVertex() {
        double[] scores = {0.1, 0.4, 0.1, 0.2, 0.05, 0.15};
        int[] communities = {0, 1, 0, 0, 1, 2};
        CommunityRanking r = CommunityRanking.of(scores, communities);
        assertArrayEquals(new int[] {2, 1, 3, 1, 2, 1}, r.ranks(), "0 and 2 tie at 0.1: 0 first");
        assertArrayEquals(new int[] {3, 0}, r.topMembers(0, 2));
        assertArrayEquals(new int[] {1, 4}, r.topMembers(1, 5));
        assertArrayEquals(new int[0], r.topMembers(2, 0));
        assertEquals(0.4, r.scoreMass(0), EXACT);
        assertEquals(3, r.communityCount());
        assertEquals(1, r.rank(5));
        assertMessage("communities[1] was -2, but must be >= 0", () -> CommunityRanking.of(new double[2], new int[] {0, -2}));
        assertMessage("scores[0] was NaN, but must be finite",
                () -> CommunityRanking.of(new double[] {Double.NaN}, new int[1]));
    }

    @Test
    void mergeSortIsStableOnLargeInput() {
        SplittableRandom random = new SplittableRandom(1);
        int[] keys = random.ints(10_000, 0, 50).toArray();
        int[] a = new int[keys.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        IntMergeSort.sort(a, (x, y) -> Integer.compare(keys[x], keys[y]));
        for (int i = 1; i < a.length; i++) {
            assertTrue(keys[a[i - 1]] < keys[a[i]] || (keys[a[i - 1]] == keys[a[i]] && a[i - 1] < a[i]));
        }
    }

    static CompactGraph randomGraph(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = random.nextInt(n);
            // A fifth of the vertices never link: dangling.
            if (src[i] % 5 == 0) {
                src[i]++;
            }
            dst[i] = random.nextInt(n);
            w[i] = 1 + random.nextInt(3);
        }
        return CompactGraph.builder(n).build(src, dst, w, m);
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
