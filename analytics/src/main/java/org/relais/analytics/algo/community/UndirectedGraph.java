package org.relais.analytics.algo.community;

import java.util.Objects;

import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

/**
 * The undirected, weighted graph that communities are found on: every pair of vertices linked in
 * either direction of a {@link CompactGraph} becomes one undirected edge whose weight is the sum of
 * both directions, {@code w(u,v) + w(v,u)}, and self-loops are left out.
 *
 * <p>Summing the two directions keeps every interaction: a reciprocated pair weighs what its two
 * links weigh together, and the total weight {@link #totalWeight()} equals the directed graph's.
 * (networkx's {@code DiGraph.to_undirected()} instead keeps the attributes of one direction only;
 * the reference figures of the tests build the summed graph by hand.)
 *
 * <h2>Layout and cost</h2>
 * Compressed sparse rows, each edge stored from both ends: the neighbours of {@code v} are
 * {@code neighbours[offsets[v] .. offsets[v+1])}, ascending, with their weights in {@code double} at
 * the same positions. Memory: {@code 4(n+1) + 8n} bytes plus 12 bytes per stored end, i.e. 24 bytes per
 * undirected edge; building it reads the directed graph's out- and in-adjacencies once, merging the
 * two sorted lists of every vertex, in {@code O(n + m)} time on the calling thread.
 *
 * <p>The arrays are shared, read-only, like {@link CompactGraph}'s; instances are immutable and safe
 * to share between threads.
 */
public final class UndirectedGraph {

    private final int vertexCount;
    private final int[] offsets;
    private final int[] neighbours;
    private final double[] weights;
    private final double[] strength;
    private final double totalWeight;

    private UndirectedGraph(int vertexCount, int[] offsets, int[] neighbours, double[] weights) {
        this.vertexCount = vertexCount;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.weights = weights;
        this.strength = new double[vertexCount];
        double twice = 0;
        for (int v = 0; v < vertexCount; v++) {
            double s = 0;
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                s += weights[e];
            }
            strength[v] = s;
            twice += s;
        }
        this.totalWeight = twice / 2;
    }

    /** The undirected graph of {@code graph}: directions summed, self-loops dropped. */
    public static UndirectedGraph of(CompactGraph graph) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        final int[] outOffsets = graph.outOffsets();
        final int[] outTargets = graph.outTargets();
        final EdgeWeights outWeights = graph.outWeights();
        final int[] inOffsets = graph.inOffsets();
        final int[] inSources = graph.inSources();
        final EdgeWeights inWeights = graph.inWeights();

        int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int a = outOffsets[v];
            int aEnd = outOffsets[v + 1];
            int b = inOffsets[v];
            int bEnd = inOffsets[v + 1];
            int count = 0;
            while (a < aEnd || b < bEnd) {
                int x = a < aEnd ? outTargets[a] : Integer.MAX_VALUE;
                int y = b < bEnd ? inSources[b] : Integer.MAX_VALUE;
                int u = Math.min(x, y);
                if (x == u) {
                    a++;
                }
                if (y == u) {
                    b++;
                }
                if (u != v) {
                    count++;
                }
            }
            offsets[v + 1] = offsets[v] + count;
        }
        int[] neighbours = new int[offsets[n]];
        double[] weights = new double[offsets[n]];
        for (int v = 0; v < n; v++) {
            int a = outOffsets[v];
            int aEnd = outOffsets[v + 1];
            int b = inOffsets[v];
            int bEnd = inOffsets[v + 1];
            int p = offsets[v];
            while (a < aEnd || b < bEnd) {
                int x = a < aEnd ? outTargets[a] : Integer.MAX_VALUE;
                int y = b < bEnd ? inSources[b] : Integer.MAX_VALUE;
                int u = Math.min(x, y);
                double w = 0;
                if (x == u) {
                    w += outWeights == null ? 1.0 : outWeights.get(a);
                    a++;
                }
                if (y == u) {
                    w += inWeights == null ? 1.0 : inWeights.get(b);
                    b++;
                }
                if (u != v) {
                    neighbours[p] = u;
                    weights[p] = w;
                    p++;
                }
            }
        }
        return new UndirectedGraph(n, offsets, neighbours, weights);
    }

    /** The number of vertices {@code n}; vertices are {@code 0..n-1}, as in the directed graph. */
    public int vertexCount() {
        return vertexCount;
    }

    /** The number of undirected edges (pairs with a link in either direction). */
    public int edgeCount() {
        return neighbours.length / 2;
    }

    /** The sum of all edge weights, each undirected edge once: Newman's {@code m}. */
    public double totalWeight() {
        return totalWeight;
    }

    /** The sum of the weights of the vertex's edges: its weighted degree {@code k_v}. */
    public double strength(int vertex) {
        return strength[vertex];
    }

    public int degree(int vertex) {
        return offsets[vertex + 1] - offsets[vertex];
    }

    /** Shared, read-only: {@code n + 1} offsets into {@link #neighbours()}. */
    public int[] offsets() {
        return offsets;
    }

    /** Shared, read-only: every vertex's neighbours, grouped by vertex, ascending within a group. */
    public int[] neighbours() {
        return neighbours;
    }

    /** Shared, read-only: the edge weights parallel to {@link #neighbours()}. */
    public double[] weights() {
        return weights;
    }

    /** Shared, read-only: every vertex's {@link #strength(int)}. */
    public double[] strengths() {
        return strength;
    }

    /** The bytes held by the arrays, headers included. */
    public long memoryBytes() {
        return 16 + 4L * offsets.length + 16 + 4L * neighbours.length + 16 + 8L * weights.length
                + 16 + 8L * strength.length;
    }

    @Override
    public String toString() {
        return "UndirectedGraph[vertices=" + vertexCount + ", edges=" + edgeCount() + ", totalWeight=" + totalWeight + "]";
    }
}
