package org.relais.analytics.algo.betweenness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.analytics.algo.betweenness.BetweennessParameters.Method;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;
import org.relais.analytics.testdata.PolblogsCentrality;

/**
 * Agreement with networkx 3.6.1 {@code betweenness_centrality(G, normalized=True)} on the
 * political-blogs network: U counting hops, W with {@code weight="distance"} ({@code 1/weight}).
 */
class BetweennessPolblogsTest {

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
    void exactHopsMatchNetworkx() {
        BetweennessResult r = Betweenness.compute(polblogs.unweightedGraph(), BetweennessParameters.defaults());
        assertEquals(Method.EXACT, r.method(), "polblogs is well within the default work limit");
        assertAgreement("betweenness_unweighted", r.scores());
    }

    @Test
    void exactInverseWeightLengthsMatchNetworkx() {
        CompactGraph w = polblogs.weightedGraph();
        BetweennessResult r = Betweenness.compute(w, BetweennessParameters.defaults().withWeighted(true));
        assertEquals(Method.EXACT, r.method());
        assertAgreement("betweenness_weighted", r.scores());
    }

    @Test
    void sampledHopsAreWithinEpsilonOfNetworkxOnEveryVertex() {
        double[] expected = reference.column("betweenness_unweighted");
        for (double epsilon : new double[] {0.01, 0.005}) {
            BetweennessResult r = Betweenness.compute(polblogs.unweightedGraph(),
                    BetweennessParameters.defaults().withMethod(Method.SAMPLED).withEpsilon(epsilon).withDelta(0.1));
            double diff = PolblogsCentrality.maxAbsDifference(expected, r.scores());
            assertTrue(diff <= epsilon, "epsilon " + epsilon + ": max difference " + diff + " with " + r);
            System.out.printf("betweenness sampled eps %s: %d samples, VD bound %d, max |difference| %.2e%n",
                    epsilon, r.samples(), r.vertexDiameterBound(), diff);
        }
    }

    @Test
    void sampledLengthsAreWithinEpsilonOfNetworkxOnEveryVertex() {
        BetweennessResult r = Betweenness.compute(polblogs.weightedGraph(), BetweennessParameters.defaults()
                .withMethod(Method.SAMPLED).withWeighted(true).withEpsilon(0.02));
        double diff = PolblogsCentrality.maxAbsDifference(reference.column("betweenness_weighted"), r.scores());
        assertTrue(diff <= 0.02, "max difference " + diff + " with " + r);
        System.out.printf("betweenness sampled 1/w eps 0.02: %d samples, VD bound %d, max |difference| %.2e%n",
                r.samples(), r.vertexDiameterBound(), diff);
    }

    private static void assertAgreement(String column, double[] actual) {
        double[] expected = reference.column(column);
        double diff = PolblogsCentrality.maxAbsDifference(expected, actual);
        assertTrue(diff <= AGREEMENT, column + ": max difference " + diff);
        assertEquals(reference.top(expected, 20), reference.top(actual, 20), column + " top 20");
        System.out.printf("%s: max |difference| %.2e%n", column, diff);
    }
}
