package org.relais.analytics.algo.kcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.relais.analytics.testdata.Polblogs;
import org.relais.analytics.testdata.PolblogsCentrality;

/** Agreement with networkx 3.6.1 {@code core_number(U.to_undirected())} on the political-blogs network. */
class CorenessPolblogsTest {

    @Test
    void matchesNetworkxOnEveryVertexInBothVariants() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping polblogs agreement");
        Polblogs polblogs = Polblogs.load();
        PolblogsCentrality reference = PolblogsCentrality.load(polblogs);
        double[] expected = reference.column("core_number");

        CorenessResult u = Coreness.compute(polblogs.unweightedGraph());
        double[] actual = Arrays.stream(u.corenesses()).asDoubleStream().toArray();
        assertArrayEquals(expected, actual, 0.0);
        assertEquals(36, u.degeneracy());
        assertEquals(reference.top(expected, 20), reference.top(actual, 20), "top 20, ties by label");
        assertArrayEquals(u.corenesses(), Coreness.compute(polblogs.weightedGraph()).corenesses(),
                "W has the same pairs as U");
    }
}
