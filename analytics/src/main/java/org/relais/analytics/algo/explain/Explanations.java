package org.relais.analytics.algo.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.relais.analytics.graph.CompactGraph;

/**
 * Splits a vertex's PageRank into what each in-neighbour passes on and a baseline, so that a ranking
 * can say who made an actor rank where it does.
 *
 * <h2>Definition</h2>
 * PageRank ({@link org.relais.analytics.algo.pagerank.PageRank}) is the fixed point of
 * <pre>
 *   PR(v) = ((1 − d) + d·D)·t(v)  +  Σ_{u→v} d·PR(u)·w(u,v)/W(u)
 * </pre>
 * with {@code D} the total score of the dangling vertices ({@code W(u) = 0}) and {@code t} the teleport
 * vector ({@code 1/N} unless personalised, {@link #withTeleport(double[])}). The first term is the
 * <em>baseline</em>; each term of the sum is the <em>mass</em> contributor {@code u} passes on, and its
 * <em>share</em> is {@code mass / PR(v)}. Baseline plus all masses equals {@code PR(v)} at convergence.
 * Contributors are listed by decreasing mass, ties by vertex id, top K.
 *
 * <h2>Cost</h2>
 * {@code O(n)} once for {@code D}, then per target {@code O(k log k)} for its {@code k} in-neighbours.
 */
public final class Explanations {

    private final CompactGraph graph;
    private final double[] pageRank;
    private final double damping;
    private final double[] teleport;
    private final double dangling;
    private final double spread;

    private Explanations(CompactGraph graph, double[] pageRank, double damping, double[] teleport) {
        this.graph = graph;
        this.pageRank = pageRank;
        this.damping = damping;
        this.teleport = teleport;
        double dangling = 0;
        for (int u = 0; u < graph.vertexCount(); u++) {
            if (graph.outStrength(u) == 0) {
                dangling += pageRank[u];
            }
        }
        this.dangling = dangling;
        this.spread = (1 - damping) + damping * dangling;
    }

    /**
     * Explanations of the scores {@code pageRank}, computed on {@code graph} with {@code damping} and
     * the uniform teleport. The array is copied.
     *
     * @throws IllegalArgumentException if {@code pageRank} does not have one entry per vertex or the
     *                                  damping is not in {@code [0, 1)}
     */
    public static Explanations of(CompactGraph graph, double[] pageRank, double damping) {
        Objects.requireNonNull(graph, "graph");
        Checks.perVertex(pageRank, "pageRank", graph.vertexCount());
        Checks.damping(damping);
        return new Explanations(graph, pageRank.clone(), damping, null);
    }

    /**
     * The same for a personalised PageRank that teleported (and spread dangling score) in proportion to
     * {@code weights}, as {@code PageRank.withTeleport} does; normalised to sum 1 here too.
     */
    public Explanations withTeleport(double[] weights) {
        Checks.perVertex(weights, "teleport", graph.vertexCount());
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("teleport[" + i + "] was " + w + ", but must be finite and >= 0");
            }
            sum += w;
        }
        if (!(sum > 0 && sum < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("teleport summed to " + sum + ", but must sum to a finite value > 0");
        }
        double[] t = new double[weights.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = weights[i] / sum;
        }
        return new Explanations(graph, pageRank, damping, t);
    }

    /** {@code D}: the total score of the dangling vertices. */
    public double danglingMass() {
        return dangling;
    }

    /** The baseline {@code ((1 − d) + d·D)·t(v)} of a vertex. */
    public double baseline(int vertex) {
        return teleport == null ? spread / graph.vertexCount() : spread * teleport[vertex];
    }

    /**
     * Explains one vertex with its {@code k} largest contributors.
     *
     * @throws IllegalArgumentException if {@code k < 0} or the vertex is not in the graph
     */
    public Explanation explain(int vertex, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k was " + k + ", but must be >= 0");
        }
        if (vertex < 0 || vertex >= graph.vertexCount()) {
            throw new IllegalArgumentException("vertex was " + vertex + ", but must be in [0, " + graph.vertexCount() + ")");
        }
        int start = graph.inOffsets()[vertex];
        int count = graph.inOffsets()[vertex + 1] - start;
        int[] sources = new int[count];
        double[] masses = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            int e = start + i;
            int u = graph.inSources()[e];
            double mass = damping * pageRank[u] * graph.inWeight(e) / graph.outStrength(u);
            sources[i] = u;
            masses[i] = mass;
            total += mass;
        }
        int[] byMass = TopK.largest(masses, sources, Math.min(k, count));
        int[] top = new int[byMass.length];
        double[] topMass = new double[byMass.length];
        for (int i = 0; i < byMass.length; i++) {
            top[i] = sources[byMass[i]];
            topMass[i] = masses[byMass[i]];
        }
        return new Explanation(vertex, pageRank[vertex], baseline(vertex), top, topMass, total, count);
    }

    /** Explains each of {@code vertices}, in the order given. */
    public List<Explanation> explain(int[] vertices, int k) {
        List<Explanation> out = new ArrayList<>(vertices.length);
        for (int v : vertices) {
            out.add(explain(v, k));
        }
        return out;
    }

    public double damping() {
        return damping;
    }

    /** Whether a personalised teleport vector was given. */
    public boolean personalized() {
        return teleport != null;
    }
}
