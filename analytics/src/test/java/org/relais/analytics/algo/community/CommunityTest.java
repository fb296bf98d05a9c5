package org.relais.analytics.algo.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.analytics.graph.CompactGraph;

class CommunityTest {

    private static final double EXACT = 1e-12;

    private static final LeidenParameters LEIDEN = LeidenParameters.defaults();
    private static final LeidenParameters LOUVAIN = LeidenParameters.louvain();
    private static final LabelPropagationParameters LPA = LabelPropagationParameters.defaults();

    // --- the undirected graph ---

    @Test
    void undirectedGraphSumsBothDirectionsAndDropsSelfLoops() {
        CompactGraph g = CompactGraph.builder(3).keepSelfLoops(true)
                .build(new int[] {0, 1, 1, 2, 0}, new int[] {1, 0, 1, 0, 1}, new double[] {2, 3, 7, 0.5, 1}, 5);
        UndirectedGraph u = UndirectedGraph.of(g);
        assertEquals(2, u.edgeCount(), "{0,1} and {0,2}; the self-loop 1->1 is dropped");
        assertArrayEquals(new int[] {0, 2, 3, 4}, u.offsets());
        assertArrayEquals(new int[] {1, 2, 0, 0}, u.neighbours());
        assertArrayEquals(new double[] {6, 0.5, 6, 0.5}, u.weights(), "w(0,1) = 2 + 1 (parallel) + 3 (reverse)");
        assertEquals(6.5, u.totalWeight());
        assertEquals(6.5, u.strength(0));
        assertEquals(6.0, u.strength(1));
    }

    // --- modularity and the partition's numbering ---

    @Test
    void twoCliquesWithBridgeHaveTheModularityOfTheirSplit() {
        CompactGraph g = Graphs.twoCliquesWithBridge(4);
        int[] split = {0, 0, 0, 0, 1, 1, 1, 1};
        // m = 13, each side L = 6, K = 13: Q = 2 (6/13 - (13/26)^2) = 11/26.
        assertEquals(11.0 / 26, Modularity.of(g, split, 1.0), EXACT);
        // gamma = 2: 2 (6/13 - 2/4) = -1/13.
        assertEquals(-1.0 / 13, Modularity.of(g, split, 2.0), EXACT);
        int[] together = new int[8];
        assertEquals(0.0, Modularity.of(g, together, 1.0), EXACT, "one community: L/m - (2m/2m)^2 = 0");
    }

    @Test
    void modularityMatchesItsDefinitionOnARandomGraph() {
        CompactGraph g = Graphs.planted(3, 12, 0.3, 0.05, 7);
        UndirectedGraph u = UndirectedGraph.of(g);
        int[] labels = IntStream.range(0, 36).map(v -> (v * 7) % 5 - 2).toArray(); // any ints, negatives too
        for (double gamma : new double[] {0.5, 1.0, 1.7}) {
            assertEquals(Graphs.bruteForceModularity(u, labels, gamma), Modularity.of(u, labels, gamma), EXACT);
        }
    }

    @Test
    void partitionNumbersCommunitiesBySizeThenSmallestMember() {
        CompactGraph g = new Graphs.Edges().add(0, 1).add(2, 3).add(3, 4).add(4, 2).add(5, 0, 2).build(7);
        Partition p = Partition.of(g, new int[] {5, 5, 9, 9, 9, -1, 8}, 1.0);
        assertArrayEquals(new int[] {1, 1, 0, 0, 0, 2, 3}, p.communities(),
                "size 3 first; then sizes 2 and 1 (vertex 5's label -1 before vertex 6's 8 by smallest member)");
        assertEquals(4, p.communityCount());
        assertArrayEquals(new int[] {3, 2, 1, 1}, IntStream.range(0, 4).map(p::size).toArray());
        // m = 1 + 3 + 2 = 6; community 0: the triangle, L = 3, K = 6; community 1: {0,1}, L = 1, K = 1 + 1 + 2.
        assertEquals(3.0, p.internalWeight(0));
        assertEquals(6.0, p.totalDegree(0));
        assertEquals(1.0, p.internalWeight(1));
        assertEquals(4.0, p.totalDegree(1));
        assertEquals(0.0, p.internalWeight(2));
        assertEquals(2.0, p.totalDegree(2));
        assertEquals(0.0, p.totalDegree(3), "an isolated vertex");
        assertEquals(3.0 / 6 - 0.25, p.modularityContribution(0), EXACT);
        double sum = IntStream.range(0, 4).mapToDouble(p::modularityContribution).sum();
        assertEquals(p.modularity(), sum, EXACT, "the terms add up to Q");
        assertEquals(Partition.Algorithm.GIVEN, p.algorithm());
        assertNull(p.parameters());
    }

    // --- Leiden, Louvain and label propagation on graphs with a known answer ---

    @ParameterizedTest
    @ValueSource(strings = {"leiden", "louvain", "lpa"})
    void twoCliquesWithBridgeAreFound(String algorithm) {
        Partition p = run(algorithm, Graphs.twoCliquesWithBridge(4));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, p.communities(),
                "equal sizes: the clique holding vertex 0 is community 0");
        assertEquals(11.0 / 26, p.modularity(), EXACT);
        assertEquals(6.0, p.internalWeight(0));
        assertEquals(13.0, p.totalDegree(1));
        assertTrue(p.converged());
    }

    @ParameterizedTest
    @ValueSource(strings = {"leiden", "louvain", "lpa"})
    void ringOfCliquesSplitsIntoItsCliques(String algorithm) {
        int k = 6;
        int size = 5;
        Partition p = run(algorithm, Graphs.ringOfCliques(k, size));
        assertEquals(k, p.communityCount());
        for (int v = 0; v < k * size; v++) {
            assertEquals(p.community(v / size * size), p.community(v), "vertex " + v + " with its clique");
        }
        // m = 6 * 10 + 6 = 66; each clique L = 10, K = 22: Q = 60/66 - 6 (22/132)^2 = 10/11 - 1/6.
        assertEquals(10.0 / 11 - 1.0 / 6, p.modularity(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"leiden", "louvain", "lpa"})
    void disconnectedGraphKeepsComponentsApartAndIsolatedVerticesAlone(String algorithm) {
        CompactGraph g = new Graphs.Edges().clique(0, 3).clique(4, 3).build(8); // 3 and 7 isolated
        Partition p = run(algorithm, g);
        assertArrayEquals(new int[] {0, 0, 0, 2, 1, 1, 1, 3}, p.communities());
        // m = 6: 2 (3/6 - (6/12)^2) = 1/2.
        assertEquals(0.5, p.modularity(), EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"leiden", "louvain", "lpa"})
    void emptyGraphHasNoCommunities(String algorithm) {
        Partition p = run(algorithm, CompactGraph.builder(0).build(new int[0], new int[0], null, 0));
        assertEquals(0, p.vertexCount());
        assertEquals(0, p.communityCount());
        assertEquals(0.0, p.modularity());
        assertTrue(p.converged());
    }

    @ParameterizedTest
    @ValueSource(strings = {"leiden", "louvain", "lpa"})
    void singleVertexIsItsOwnCommunity(String algorithm) {
        Partition p = run(algorithm, CompactGraph.builder(1).build(new int[0], new int[0], null, 0));
        assertArrayEquals(new int[] {0}, p.communities());
        assertEquals(1, p.size(0));
        assertEquals(0.0, p.modularity(), "no edges: Q is 0 by convention");
    }

    @Test
    void resolutionChangesTheGranularity() {
        CompactGraph ring = Graphs.ringOfCliques(6, 5);
        assertEquals(1, Leiden.compute(ring, LEIDEN.withResolution(0.01)).communityCount(),
                "a tiny resolution rewards one big community");
        Partition fine = Leiden.compute(ring, LEIDEN.withResolution(100));
        assertTrue(fine.communityCount() > 6, "a large resolution splits the cliques: " + fine);
        assertEquals(100.0, fine.resolution());
    }

    @Test
    void plantedGroupsAreRecoveredAndLeidenCommunitiesAreConnected() {
        CompactGraph g = Graphs.planted(4, 40, 0.2, 0.01, 3);
        UndirectedGraph u = UndirectedGraph.of(g);
        int[] truth = IntStream.range(0, 160).map(v -> v / 40).toArray();
        for (String algorithm : List.of("leiden", "louvain", "lpa")) {
            Partition p = run(algorithm, g);
            int[] all = IntStream.range(0, 160).toArray();
            assertEquals(1.0, Agreement.adjustedRand(p.communities(), truth, all), EXACT, algorithm + ": " + p);
        }
        Partition leiden = new Leiden(LEIDEN).run(u);
        assertTrue(Graphs.communitiesConnected(u, leiden));
        assertTrue(leiden.modularity() >= Partition.of(u, truth, 1.0).modularity() - EXACT);
    }

    @Test
    void leidenCommunitiesAreConnectedOnSparseRandomGraphs() {
        for (long seed = 1; seed <= 20; seed++) {
            CompactGraph g = Graphs.planted(5, 30, 0.06, 0.01, seed);
            UndirectedGraph u = UndirectedGraph.of(g);
            Partition p = new Leiden(LEIDEN.withSeed(seed)).run(u);
            assertTrue(Graphs.communitiesConnected(u, p), "seed " + seed + ": " + p);
        }
    }

    // --- determinism, progress, cancellation ---

    @ParameterizedTest
    @ValueSource(strings = {"leiden", "louvain", "lpa"})
    void sameSeedGivesTheSamePartition(String algorithm) {
        CompactGraph g = Graphs.planted(6, 50, 0.05, 0.01, 11);
        Partition a = run(algorithm, g);
        Partition b = run(algorithm, g);
        assertArrayEquals(a.communities(), b.communities());
        assertEquals(a.modularity(), b.modularity());
        assertEquals(a.iterations(), b.iterations());
    }

    @Test
    void progressIsReportedAndCancellationStops() {
        CompactGraph g = Graphs.planted(4, 30, 0.2, 0.02, 5);
        List<String> reports = new ArrayList<>();
        Partition p = new Leiden(LEIDEN.withMaxIterations(50)).withProgress((phase, i, moved) -> reports.add(phase + " " + i + " " + moved)).run(g);
        assertEquals(p.iterations(), reports.size());
        assertTrue(reports.get(reports.size() - 1).matches("leiden \\d+ 0\\.0"), "a converged run ends with a pass "
                + "that moved nothing: " + reports);
        assertThrows(CancellationException.class, () -> new Leiden(LEIDEN).withCancellation(() -> true).run(g));

        List<String> sweeps = new ArrayList<>();
        Partition lpa = new LabelPropagation(LPA).withProgress((phase, i, changed) -> sweeps.add(phase + " " + i))
                .run(g);
        assertEquals(lpa.iterations(), sweeps.size());
        assertEquals(LabelPropagation.PHASE + " 1", sweeps.get(0));
        assertThrows(CancellationException.class, () -> new LabelPropagation(LPA).withCancellation(() -> true).run(g));
    }

    @Test
    void maxIterationsCapsTheRunAndIsReported() {
        CompactGraph g = Graphs.planted(4, 30, 0.2, 0.02, 5);
        Partition p = Leiden.compute(g, LEIDEN.withMaxIterations(1));
        assertEquals(1, p.iterations());
        assertFalse(p.converged(), "the first pass always moves vertices, so one pass cannot show convergence");
        Partition lpa = LabelPropagation.compute(g, LPA.withMaxIterations(1));
        assertEquals(1, lpa.iterations());
        assertFalse(lpa.converged());
        assertEquals(LPA.withMaxIterations(1), lpa.parameters());
        assertEquals(Partition.Algorithm.LABEL_PROPAGATION, lpa.algorithm());
    }

    // --- parameters ---

    @Test
    void invalidParametersAreRejectedWithTheOptionTheValueAndTheRange() {
        assertMessage("resolution was -1.0, but must be finite and > 0", () -> LEIDEN.withResolution(-1));
        assertMessage("resolution was 0.0, but must be finite and > 0", () -> LEIDEN.withResolution(0));
        assertMessage("resolution was NaN, but must be finite and > 0", () -> LEIDEN.withResolution(Double.NaN));
        assertMessage("randomness was 0.0, but must be finite and > 0", () -> LEIDEN.withRandomness(0));
        assertMessage("maxIterations was 0, but must be >= 1", () -> LEIDEN.withMaxIterations(0));
        assertMessage("maxIterations was -3, but must be >= 1", () -> LPA.withMaxIterations(-3));
        assertMessage("resolution was Infinity, but must be finite and > 0",
                () -> LPA.withResolution(Double.POSITIVE_INFINITY));
        CompactGraph g = Graphs.twoCliquesWithBridge(3);
        assertMessage("labels had 2 entries, but must have one per vertex: 6", () -> Modularity.of(g, new int[2], 1));
        assertMessage("resolution was -0.5, but must be finite and > 0", () -> Modularity.of(g, new int[6], -0.5));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(new LeidenParameters(1.0, 0.01, 2, 42, true), LeidenParameters.defaults());
        assertEquals(new LeidenParameters(1.0, 0.01, 2, 42, false), LeidenParameters.louvain());
        assertEquals(new LabelPropagationParameters(100, 42, 1.0), LabelPropagationParameters.defaults());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    static Partition run(String algorithm, CompactGraph g) {
        return switch (algorithm) {
            case "leiden" -> Leiden.compute(g, LEIDEN);
            case "louvain" -> Leiden.compute(g, LOUVAIN);
            case "lpa" -> LabelPropagation.compute(g, LPA);
            default -> throw new IllegalArgumentException(algorithm);
        };
    }
}
