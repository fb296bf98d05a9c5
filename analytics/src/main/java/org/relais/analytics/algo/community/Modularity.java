package org.relais.analytics.algo.community;

import org.relais.analytics.graph.CompactGraph;

/**
 * Newman's weighted modularity of any partition, with a resolution: see {@link Partition} for the
 * definition. Agrees with networkx's {@code community.modularity} on the graph whose undirected
 * weights are the sums of both directions (the test checks it on polblogs).
 *
 * <p>Cost: builds the {@link UndirectedGraph} ({@code 24} bytes per undirected edge) and reads it once;
 * pass an undirected graph already built to skip that.
 */
public final class Modularity {

    private Modularity() {
    }

    /**
     * The modularity of the partition that puts vertices with equal labels together.
     *
     * @param labels     one int per vertex, any values
     * @param resolution {@code γ > 0}; 1 is Newman's original
     * @throws IllegalArgumentException if {@code labels} does not have one entry per vertex or
     *                                  {@code γ} is not positive
     */
    public static double of(CompactGraph graph, int[] labels, double resolution) {
        return Partition.of(graph, labels, resolution).modularity();
    }

    /** {@link #of(CompactGraph, int[], double)} on an undirected graph already built. */
    public static double of(UndirectedGraph graph, int[] labels, double resolution) {
        return Partition.of(graph, labels, resolution).modularity();
    }
}
