package org.relais.analytics.algo.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.testdata.Polblogs;

/**
 * Communities of the political-blogs network (variant W of {@code ../shared/datasets/polblogs/REFERENCE.md},
 * directions summed) against networkx 3.6.1: the figures in
 * {@code src/test/resources/polblogs/community_networkx_reference.csv}, written by
 * {@code src/test/python/community_reference.py}.
 */
class CommunityPolblogsTest {

    private static Polblogs polblogs;
    private static UndirectedGraph graph;
    private static int[] side;
    private static int[] lcc;
    private static Map<String, String> reference;

    @BeforeEach
    void load() {
        Assumptions.assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping polblogs communities");
        if (polblogs == null) {
            polblogs = Polblogs.load();
            CompactGraph w = polblogs.weightedGraph();
            graph = UndirectedGraph.of(w);
            side = IntStream.range(0, polblogs.vertexCount()).map(polblogs::side).toArray();
            lcc = Graphs.largestComponent(graph);
            reference = readReference();
        }
    }

    @Test
    void undirectedGraphHasTheReferenceCounts() {
        assertEquals(1490, graph.vertexCount());
        assertEquals(Integer.parseInt(ref("graph", "edges")), graph.edgeCount(), "unordered linked pairs");
        assertEquals(Double.parseDouble(ref("graph", "total_weight")), graph.totalWeight());
        assertEquals(Integer.parseInt(ref("graph", "lcc_vertices")), lcc.length);
    }

    @Test
    void modularityOfTheLiberalConservativeSplitMatchesNetworkx() {
        for (String gamma : new String[] {"0.5", "1.0", "2.0"}) {
            double expected = Double.parseDouble(ref("split", "modularity_resolution_" + gamma));
            assertEquals(expected, Modularity.of(graph, side, Double.parseDouble(gamma)), 1e-12, "resolution " + gamma);
        }
        assertEquals(Double.parseDouble(ref("split", "modularity_resolution_1.0")),
                Modularity.of(polblogs.weightedGraph(), side, 1.0), 1e-12, "from the directed graph");
    }

    @Test
    void leidenReachesNetworkxLouvainModularityAndRecoversTheSplit() {
        Partition p = new Leiden(LeidenParameters.defaults()).run(graph);
        double networkx = Double.parseDouble(ref("summary", "louvain_modularity_mean"));
        report("Leiden", p, networkx);
        Partition untilStable = new Leiden(LeidenParameters.defaults().withMaxIterations(100)).run(graph);
        report("Leiden until a pass moves nothing", untilStable, networkx);
        assertTrue(untilStable.converged(), untilStable::toString);
        assertTrue(untilStable.modularity() >= p.modularity());
        assertTrue(untilStable.modularity() - p.modularity() < 1e-3, "passes after the second add little");
        assertTrue(Graphs.communitiesConnected(graph, untilStable), "Leiden communities are connected");
        assertTrue(p.modularity() >= 0.99 * networkx, "Q " + p.modularity() + " within 1% of networkx's " + networkx);
        assertTrue(Graphs.communitiesConnected(graph, p), "Leiden communities are connected");
        assertTrue(Agreement.majority(p.communities(), side, lcc) >= 0.9);
        assertTrue(Agreement.adjustedRand(p.communities(), side, lcc) >= 0.7);
        assertTrue(Agreement.nmi(p.communities(), side, lcc) >= 0.55);
    }

    @Test
    void leidenIsAtLeastAsGoodOverSeedsAndDeterministicPerSeed() {
        double networkx = Double.parseDouble(ref("summary", "louvain_modularity_mean"));
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (long seed = 0; seed < 10; seed++) {
            Partition p = new Leiden(LeidenParameters.defaults().withSeed(seed)).run(graph);
            sum += p.modularity();
            min = Math.min(min, p.modularity());
            assertTrue(Graphs.communitiesConnected(graph, p), "seed " + seed);
            assertTrue(Agreement.majority(p.communities(), side, lcc) >= 0.9, "seed " + seed);
        }
        System.out.printf(Locale.ROOT, "polblogs Leiden over seeds 0-9: mean Q %.6f, min %.6f; networkx Louvain mean %.6f,"
                + " min %s%n", sum / 10, min, networkx, ref("summary", "louvain_modularity_min"));
        assertTrue(sum / 10 >= networkx * 0.99);
        Partition a = new Leiden(LeidenParameters.defaults().withSeed(3)).run(graph);
        Partition b = new Leiden(LeidenParameters.defaults().withSeed(3)).run(graph);
        assertArrayEquals(a.communities(), b.communities());
    }

    @Test
    void louvainReachesNetworkxLouvainModularity() {
        Partition p = new Leiden(LeidenParameters.louvain()).run(graph);
        double networkx = Double.parseDouble(ref("summary", "louvain_modularity_mean"));
        report("Louvain", p, networkx);
        assertTrue(p.modularity() >= 0.99 * networkx);
        assertTrue(Agreement.majority(p.communities(), side, lcc) >= 0.9);
    }

    @Test
    void labelPropagationRecoversTheSplit() {
        Partition p = new LabelPropagation(LabelPropagationParameters.defaults()).run(graph);
        report("Label propagation", p, Double.parseDouble(ref("summary", "louvain_modularity_mean")));
        assertTrue(p.converged(), p::toString);
        assertTrue(p.modularity() >= 0.38, "label propagation does not optimise Q, but finds the two camps: " + p);
        assertTrue(Agreement.majority(p.communities(), side, lcc) >= 0.9);
    }

    private static void report(String name, Partition p, double networkx) {
        System.out.printf(Locale.ROOT, "polblogs %s: Q %.6f (networkx Louvain mean %.6f, %+.2f%%), %d communities, "
                        + "largest %d and %d, %d passes/sweeps, %d levels; on the largest component (%d vertices): "
                        + "majority agreement %.4f, ARI %.4f, NMI %.4f%n",
                name, p.modularity(), networkx, 100 * (p.modularity() / networkx - 1), p.communityCount(), p.size(0),
                p.size(1), p.iterations(), p.levels(), lcc.length, Agreement.majority(p.communities(), side, lcc),
                Agreement.adjustedRand(p.communities(), side, lcc), Agreement.nmi(p.communities(), side, lcc));
    }

    private static String ref(String kind, String name) {
        String value = reference.get(kind + "," + name);
        if (value == null) {
            throw new IllegalStateException("no reference figure " + kind + "," + name);
        }
        return value;
    }

    private static Map<String, String> readReference() {
        try (InputStream in = CommunityPolblogsTest.class.getResourceAsStream("/polblogs/community_networkx_reference.csv")) {
            Map<String, String> values = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("kind,") || line.isBlank()) {
                    continue;
                }
                int last = line.lastIndexOf(',');
                values.put(line.substring(0, last), line.substring(last + 1));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
