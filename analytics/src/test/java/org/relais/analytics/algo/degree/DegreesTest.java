package org.relais.analytics.algo.degree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;
import org.relais.analytics.testdata.PolblogsCentrality;
import org.relais.analytics.testdata.TestGraphs;

class DegreesTest {

    @Test
    void countsDistinctNeighboursAndSumsWeights() {
        // 0 -> 1 twice (weights 2 and 1, merged into one edge of 3), 0 -> 2 (0.5), 2 -> 1 (1).
        CompactGraph g = CompactGraph.builder(4)
                .build(new int[] {0, 0, 0, 2}, new int[] {1, 1, 2, 1}, new double[] {2, 1, 0.5, 1}, 4);
        Degrees d = Degrees.of(g);
        assertArrayEquals(new int[] {0, 2, 1, 0}, d.inDegrees());
        assertArrayEquals(new int[] {2, 0, 1, 0}, d.outDegrees());
        assertArrayEquals(new double[] {0, 4, 0.5, 0}, d.inStrengths());
        assertArrayEquals(new double[] {3.5, 0, 1, 0}, d.outStrengths());
        assertTrue(d.weighted());
        assertEquals(4, d.vertexCount());
    }

    @Test
    void strengthsEqualDegreesWhenUnweighted() {
        Degrees d = Degrees.of(TestGraphs.inStar(5));
        assertFalse(d.weighted());
        assertEquals(5, d.inDegree(0));
        assertEquals(5.0, d.inStrength(0));
        for (int leaf = 1; leaf <= 5; leaf++) {
            assertEquals(1, d.outDegree(leaf));
            assertEquals(1.0, d.outStrength(leaf));
            assertEquals(0, d.inDegree(leaf));
        }
    }

    @Test
    void completeDigraphHasDegreeNMinusOneEverywhere() {
        Degrees d = Degrees.of(TestGraphs.completeDigraph(7));
        assertArrayEquals(IntStream.range(0, 7).map(v -> 6).toArray(), d.inDegrees());
        assertArrayEquals(IntStream.range(0, 7).map(v -> 6).toArray(), d.outDegrees());
    }

    @Test
    void matchesThePolblogsReference() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping polblogs agreement");
        Polblogs polblogs = Polblogs.load();
        PolblogsCentrality reference = PolblogsCentrality.load(polblogs);
        Degrees u = Degrees.of(polblogs.unweightedGraph());
        Degrees w = Degrees.of(polblogs.weightedGraph());
        int n = polblogs.vertexCount();
        double[] inU = IntStream.range(0, n).mapToDouble(u::inDegree).toArray();
        double[] outU = IntStream.range(0, n).mapToDouble(u::outDegree).toArray();
        assertArrayEquals(polblogs.referenceMetric("indegree_distinct"), inU, 0.0);
        assertArrayEquals(polblogs.referenceMetric("outdegree_distinct"), outU, 0.0);
        assertArrayEquals(polblogs.referenceMetric("indegree_multiedge"), w.inStrengths(), 0.0,
                "W's in-strength counts parallel link records");
        assertArrayEquals(polblogs.referenceMetric("outdegree_multiedge"), w.outStrengths(), 0.0);
        assertArrayEquals(u.inDegrees(), w.inDegrees(), "distinct neighbours do not depend on weights");

        assertTop(reference, polblogs.referenceTop("indegree_distinct_top20.csv"), inU);
        assertTop(reference, polblogs.referenceTop("indegree_multiedge_top20.csv"), w.inStrengths());
    }

    private static void assertTop(PolblogsCentrality reference, List<Polblogs.Ranked> expected, double[] scores) {
        List<String> actual = reference.top(scores, expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).label(), actual.get(i), "rank " + (i + 1));
        }
    }
}
