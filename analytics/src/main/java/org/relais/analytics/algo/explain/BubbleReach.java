package org.relais.analytics.algo.explain;

import java.util.Objects;

import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

/**
 * How much of the PageRank an actor receives through links comes from outside its own community:
 * whether its audience is its own camp or reaches across.
 *
 * <h2>Definition</h2>
 * With damping {@code d}, scores {@code PR}, out-strengths {@code W(u)} and communities {@code c}:
 * <pre>
 *   reach(v) = Σ_{u→v, c(u) ≠ c(v)} d·PR(u)·w(u,v)/W(u)  /  Σ_{u→v} d·PR(u)·w(u,v)/W(u)
 * </pre>
 * the share of the mass flowing into {@code v} along edges (the PageRank sum without the baseline of
 * random jumps and dangling score, which no community sends) that comes from other communities. In
 * {@code [0, 1]}; {@code NaN} for a vertex that receives no mass through edges (no in-edges, or
 * {@code d = 0}), because 0 would claim "only its own camp" for an actor nobody links to: the analyze
 * job writes it as null. The damping cancels out of the ratio unless it is 0; it is kept so that
 * {@link #outsideMass(int)} and {@link #totalMass(int)} are masses of PageRank.
 *
 * <h2>Cost</h2>
 * One pass over the in-edges, {@code O(n + m)}, on the calling thread; {@code 24n} bytes for the result.
 */
public final class BubbleReach {

    private final double[] outside;
    private final double[] total;
    private final double damping;

    private BubbleReach(double[] outside, double[] total, double damping) {
        this.outside = outside;
        this.total = total;
        this.damping = damping;
    }

    /**
     * Computes every vertex's reach.
     *
     * @param pageRank    the PageRank of every vertex, as computed on {@code graph}
     * @param damping     the damping the scores were computed with, in {@code [0, 1)}
     * @param communities every vertex's community (any ints; only equality matters)
     * @throws IllegalArgumentException if an array does not have one entry per vertex, or the damping is
     *                                  out of range
     */
    public static BubbleReach of(CompactGraph graph, double[] pageRank, double damping, int[] communities) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        Checks.perVertex(pageRank, "pageRank", n);
        Checks.perVertex(communities, "communities", n);
        Checks.damping(damping);
        final int[] offsets = graph.inOffsets();
        final int[] sources = graph.inSources();
        final EdgeWeights weights = graph.inWeights();
        final double[] strength = graph.outStrengths();
        double[] outside = new double[n];
        double[] total = new double[n];
        for (int v = 0; v < n; v++) {
            final int c = communities[v];
            double all = 0;
            double across = 0;
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                int u = sources[e];
                double mass = damping * pageRank[u] * (weights == null ? 1.0 : weights.get(e)) / strength[u];
                all += mass;
                if (communities[u] != c) {
                    across += mass;
                }
            }
            outside[v] = across;
            total[v] = all;
        }
        return new BubbleReach(outside, total, damping);
    }

    /** The number of vertices. */
    public int vertexCount() {
        return total.length;
    }

    /** {@code reach(v)} in {@code [0, 1]}, or {@code NaN} when the vertex receives no mass through edges. */
    public double share(int vertex) {
        return total[vertex] > 0 ? outside[vertex] / total[vertex] : Double.NaN;
    }

    /** Every vertex's {@link #share(int)}. */
    public double[] shares() {
        double[] s = new double[total.length];
        for (int v = 0; v < s.length; v++) {
            s[v] = share(v);
        }
        return s;
    }

    /** The PageRank mass the vertex receives along edges from other communities. */
    public double outsideMass(int vertex) {
        return outside[vertex];
    }

    /** The PageRank mass the vertex receives along all its in-edges. */
    public double totalMass(int vertex) {
        return total[vertex];
    }

    public double damping() {
        return damping;
    }
}
