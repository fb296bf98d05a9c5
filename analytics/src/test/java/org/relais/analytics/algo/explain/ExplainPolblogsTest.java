package org.relais.analytics.algo.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.relais.analytics.algo.community.Leiden;
import org.relais.analytics.algo.community.LeidenParameters;
import org.relais.analytics.algo.community.Partition;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;

/** Explanations and bubble reach on the political-blogs network (variant W) after a converged PageRank. */
class ExplainPolblogsTest {

    @Test
    void baselinePlusContributorsIsTheScoreOfEveryBlog() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping");
        Polblogs polblogs = Polblogs.load();
        CompactGraph g = polblogs.weightedGraph();
        PageRankResult pr = PageRank.compute(g, PageRankParameters.defaults());
        assertTrue(pr.converged());
        Explanations ex = Explanations.of(g, pr.scores(), pr.parameters().damping());
        double worst = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            Explanation e = ex.explain(v, 5);
            worst = Math.max(worst, Math.abs(e.residual()));
        }
        System.out.printf(Locale.ROOT, "polblogs explanations: largest |PR - baseline - contributors| %.3g%n", worst);
        assertTrue(worst <= 1e-12, "baseline + contributors = PR to 1e-12, worst " + worst);

        int top = IntStream.range(0, g.vertexCount()).boxed()
                .max((a, b) -> Double.compare(pr.score(a), pr.score(b))).orElseThrow();
        assertEquals("dailykos.com", polblogs.label(top));
        Explanation e = ex.explain(top, 3);
        System.out.printf(Locale.ROOT, "dailykos.com: PR %.6f, baseline %.6f (%.1f%%), top contributors %s %s %s "
                        + "(%.1f%%, %.1f%%, %.1f%%) of %d%n", e.score(), e.baseline(), 100 * e.baselineShare(),
                polblogs.label(e.contributor(0)), polblogs.label(e.contributor(1)), polblogs.label(e.contributor(2)),
                100 * e.share(0), 100 * e.share(1), 100 * e.share(2), e.contributorCount());

        Partition p = Leiden.compute(g, LeidenParameters.defaults());
        BubbleReach reach = BubbleReach.of(g, pr.scores(), 0.85, p.communities());
        double[] shares = reach.shares();
        long undefined = IntStream.range(0, shares.length).filter(v -> Double.isNaN(shares[v])).count();
        long noInEdges = IntStream.range(0, g.vertexCount()).filter(v -> g.inDegree(v) == 0).count();
        assertEquals(noInEdges, undefined, "reach is undefined exactly for blogs nobody links to");
        double mean = IntStream.range(0, shares.length).filter(v -> !Double.isNaN(shares[v]))
                .mapToDouble(v -> shares[v]).average().orElseThrow();
        System.out.printf(Locale.ROOT, "polblogs bubble reach: mean %.4f over %d linked-to blogs; dailykos.com %.4f%n",
                mean, shares.length - undefined, shares[top]);
        assertTrue(mean < 0.3, "polblogs is polarised: most PageRank flows inside communities");
    }
}
