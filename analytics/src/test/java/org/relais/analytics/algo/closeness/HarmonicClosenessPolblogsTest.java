package org.relais.analytics.algo.closeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.analytics.algo.closeness.HarmonicClosenessParameters.Method;
import org.relais.analytics.testdata.Polblogs;
import org.relais.analytics.testdata.PolblogsCentrality;

/** Agreement with networkx 3.6.1 {@code harmonic_centrality(U)} on the political-blogs network. */
class HarmonicClosenessPolblogsTest {

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
    void exactMatchesNetworkx() {
        HarmonicClosenessResult r = HarmonicCloseness.compute(polblogs.unweightedGraph(),
                HarmonicClosenessParameters.defaults());
        assertEquals(Method.EXACT, r.method(), "polblogs is well within the default work limit");
        double[] expected = reference.column("harmonic_unweighted");
        double diff = PolblogsCentrality.maxAbsDifference(expected, r.scores());
        assertTrue(diff <= AGREEMENT, "max difference " + diff);
        assertEquals(reference.top(expected, 20), reference.top(r.scores(), 20), "top 20");
        assertArrayEqualsScaled(expected, HarmonicCloseness.compute(polblogs.weightedGraph(),
                HarmonicClosenessParameters.defaults().withNormalized(true)).scores(), 1.0 / 1489);
        System.out.printf("harmonic exact: max |difference| %.2e%n", diff);
    }

    @Test
    void sampledIsWithinEpsilonOfNetworkxOnEveryVertex() {
        double[] expected = reference.column("harmonic_unweighted");
        for (double epsilon : new double[] {0.2, 0.1}) {
            HarmonicClosenessResult r = HarmonicCloseness.compute(polblogs.unweightedGraph(),
                    HarmonicClosenessParameters.defaults().withMethod(Method.SAMPLED).withNormalized(true)
                            .withEpsilon(epsilon));
            assertTrue(r.sources() < 1490, "a real sample: " + r.sources());
            double max = 0;
            for (int v = 0; v < expected.length; v++) {
                max = Math.max(max, Math.abs(expected[v] / 1489 - r.score(v)));
            }
            assertTrue(max <= epsilon, "epsilon " + epsilon + ": max normalised difference " + max + " with " + r);
            System.out.printf("harmonic sampled eps %s: %d sources, max normalised |difference| %.2e%n",
                    epsilon, r.sources(), max);
        }
    }

    private static void assertArrayEqualsScaled(double[] expected, double[] actual, double scale) {
        for (int v = 0; v < expected.length; v++) {
            assertEquals(expected[v] * scale, actual[v], AGREEMENT, "weights do not enter; vertex " + v);
        }
    }
}
