package org.relais.analytics.algo.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;
import org.relais.analytics.testdata.PolblogsCentrality;

/**
 * Agreement with networkx 3.6.1 {@code hits(G, normalized=True)} (leading singular vectors by SVD) on
 * the political-blogs network: authorities against {@code polblogs_node_metrics.csv} and the top-10
 * files of {@code ../shared/datasets/polblogs}, hubs against this project's reference file.
 */
class HitsPolblogsTest {

    private static final double AGREEMENT = 1e-9;

    private static Polblogs polblogs;
    private static PolblogsCentrality reference;

    @BeforeEach
    void load() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping polblogs agreement");
        if (polblogs == null) {
            polblogs = Polblogs.load();
            reference = PolblogsCentrality.load(polblogs);
        }
    }

    @Test
    void unweightedMatchesNetworkx() {
        check(polblogs.unweightedGraph(), "hits_authority_unweighted", "hits_hub_unweighted",
                "hits_authority_unweighted_top10.csv");
    }

    @Test
    void weightedMatchesNetworkx() {
        CompactGraph w = polblogs.weightedGraph();
        assertTrue(w.isWeighted());
        check(w, "hits_authority_multiedge_weighted", "hits_hub_weighted", "hits_authority_multiedge_weighted_top10.csv");
    }

    private static void check(CompactGraph g, String authorityColumn, String hubColumn, String topFile) {
        HitsResult r = Hits.compute(g, HitsParameters.defaults());
        assertTrue(r.converged(), () -> "should converge: " + r);

        double[] authorities = polblogs.referenceMetric(authorityColumn);
        double authorityDiff = PolblogsCentrality.maxAbsDifference(authorities, r.authorities());
        assertTrue(authorityDiff <= AGREEMENT, authorityColumn + ": max difference " + authorityDiff);
        double hubDiff = PolblogsCentrality.maxAbsDifference(reference.column(hubColumn), r.hubs());
        assertTrue(hubDiff <= AGREEMENT, hubColumn + ": max difference " + hubDiff);

        List<Polblogs.Ranked> expected = polblogs.referenceTop(topFile);
        List<String> actual = reference.top(r.authorities(), expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).label(), actual.get(i), topFile + " rank " + (i + 1));
        }
        assertEquals(reference.top(reference.column(hubColumn), 20), reference.top(r.hubs(), 20), "top 20 hubs");
        System.out.printf("HITS %s: %d iterations, max |difference| authorities %.2e, hubs %.2e%n",
                authorityColumn, r.iterations(), authorityDiff, hubDiff);
    }
}
