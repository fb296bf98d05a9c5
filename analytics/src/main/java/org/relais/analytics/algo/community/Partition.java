package org.relais.analytics.algo.community;

import java.util.Arrays;
import java.util.Objects;

import org.relais.analytics.graph.CompactGraph;

/**
 * A partition of the vertices into communities, with its modularity and what each community adds
 * to it, and how it was obtained.
 *
 * <h2>Numbering</h2>
 * Communities are numbered {@code 0..communityCount()-1} by decreasing size, ties by their smallest
 * member vertex: community 0 is the largest, and the numbering depends only on the partition, not on
 * the labels an algorithm happened to use.
 *
 * <h2>Modularity</h2>
 * Newman's weighted modularity with resolution {@code γ}, on the {@link UndirectedGraph} (directions
 * summed, self-loops dropped):
 * <pre>
 *   Q = Σ_c [ L_c / m  −  γ (K_c / 2m)² ]
 * </pre>
 * with {@code m} the total edge weight, {@code L_c} the weight of the edges inside community
 * {@code c} (each once) and {@code K_c} the sum of its members' weighted degrees. The term of each
 * community is {@link #modularityContribution(int)}; they add up to {@link #modularity()}. This is
 * networkx's {@code community.modularity(G, communities, weight="weight", resolution=γ)}. A graph
 * without edges ({@code m = 0}) has {@code Q = 0} and every term 0 (networkx divides by zero).
 */
public final class Partition {

    /** How a partition was obtained. */
    public enum Algorithm {
        /** {@link Leiden} with its refinement phase. */
        LEIDEN,
        /** {@link Leiden} without refinement: the Louvain method. */
        LOUVAIN,
        /** {@link LabelPropagation}. */
        LABEL_PROPAGATION,
        /** Given from outside and only scored, see {@link Partition#of(CompactGraph, int[], double)}. */
        GIVEN
    }

    private final int[] communities;
    private final int[] sizes;
    private final double[] internalWeight;
    private final double[] totalDegree;
    private final double[] contribution;
    private final double modularity;
    private final double resolution;
    private final double totalWeight;
    private final Algorithm algorithm;
    private final CommunityParameters parameters;
    private final int iterations;
    private final int levels;
    private final boolean converged;

    private Partition(int[] communities, int[] sizes, double[] internalWeight, double[] totalDegree,
                      double[] contribution, double modularity, double resolution, double totalWeight,
                      Algorithm algorithm, CommunityParameters parameters, int iterations, int levels,
                      boolean converged) {
        this.communities = communities;
        this.sizes = sizes;
        this.internalWeight = internalWeight;
        this.totalDegree = totalDegree;
        this.contribution = contribution;
        this.modularity = modularity;
        this.resolution = resolution;
        this.totalWeight = totalWeight;
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.iterations = iterations;
        this.levels = levels;
        this.converged = converged;
    }

    /**
     * Scores a partition given from outside (e.g. a known split of the actors), with the
     * algorithm {@link Algorithm#GIVEN}.
     *
     * @param labels     any int per vertex; vertices with equal labels form a community
     * @param resolution {@code γ > 0}
     */
    public static Partition of(CompactGraph graph, int[] labels, double resolution) {
        return of(UndirectedGraph.of(Objects.requireNonNull(graph, "graph")), labels, resolution);
    }

    /** {@link #of(CompactGraph, int[], double)} on an undirected graph already built. */
    public static Partition of(UndirectedGraph graph, int[] labels, double resolution) {
        LeidenParameters.checkResolution(resolution);
        return build(graph, labels, resolution, Algorithm.GIVEN, null, 0, 0, true);
    }

    static Partition build(UndirectedGraph graph, int[] labels, double resolution, Algorithm algorithm,
                           CommunityParameters parameters, int iterations, int levels, boolean converged) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(labels, "labels");
        final int n = graph.vertexCount();
        if (labels.length != n) {
            throw new IllegalArgumentException("labels had " + labels.length
                    + " entries, but must have one per vertex: " + n);
        }
        int[] dense = denseLabels(labels);
        int k = 0;
        for (int c : dense) {
            k = Math.max(k, c + 1);
        }
        // Renumber: decreasing size, ties by smallest member. Dense labels are already numbered by
        // smallest member, so sorting by (size descending, dense label) does it.
        int[] size = new int[k];
        for (int c : dense) {
            size[c]++;
        }
        long[] order = new long[k];
        for (int c = 0; c < k; c++) {
            order[c] = (long) (n - size[c]) << 32 | c;
        }
        Arrays.sort(order);
        int[] rename = new int[k];
        for (int i = 0; i < k; i++) {
            rename[(int) order[i]] = i;
        }
        int[] communities = new int[n];
        int[] sizes = new int[k];
        for (int v = 0; v < n; v++) {
            communities[v] = rename[dense[v]];
            sizes[communities[v]]++;
        }

        double[] internal = new double[k];
        double[] degree = new double[k];
        int[] offsets = graph.offsets();
        int[] neighbours = graph.neighbours();
        double[] weights = graph.weights();
        for (int v = 0; v < n; v++) {
            int c = communities[v];
            degree[c] += graph.strength(v);
            double inside = 0;
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                if (communities[neighbours[e]] == c) {
                    inside += weights[e];
                }
            }
            internal[c] += inside;
        }
        double m = graph.totalWeight();
        double[] contribution = new double[k];
        double q = 0;
        for (int c = 0; c < k; c++) {
            internal[c] /= 2; // every inside edge was seen from both ends
            if (m > 0) {
                double share = degree[c] / (2 * m);
                contribution[c] = internal[c] / m - resolution * share * share;
            }
            q += contribution[c];
        }
        return new Partition(communities, sizes, internal, degree, contribution, q, resolution, m, algorithm,
                parameters, iterations, levels, converged);
    }

    /** Relabels to {@code 0..k-1} in order of each label's first (smallest) vertex. */
    private static int[] denseLabels(int[] labels) {
        int n = labels.length;
        int[] byLabel = new int[n];
        for (int v = 0; v < n; v++) {
            byLabel[v] = v;
        }
        // Sort vertices by (label, vertex) with a primitive sort of packed longs.
        long[] keys = new long[n];
        int min = Integer.MAX_VALUE;
        for (int l : labels) {
            min = Math.min(min, l);
        }
        for (int v = 0; v < n; v++) {
            keys[v] = ((long) labels[v] - min) << 31 | v;
        }
        Arrays.sort(keys);
        // First vertex of each label, then number the labels by their first vertex.
        int[] first = new int[n];
        int[] groupOf = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int v = (int) (keys[i] & 0x7fffffffL);
            if (i == 0 || (keys[i] >>> 31) != (keys[i - 1] >>> 31)) {
                first[groups++] = v;
            }
            groupOf[v] = groups - 1;
        }
        int[] groupRank = new int[groups];
        int[] firstSorted = Arrays.copyOf(first, groups);
        Arrays.sort(firstSorted);
        // A label's first vertex is unique to it, so its position among the first vertices is its number.
        for (int g = 0; g < groups; g++) {
            groupRank[g] = Arrays.binarySearch(firstSorted, first[g]);
        }
        int[] dense = new int[n];
        for (int v = 0; v < n; v++) {
            dense[v] = groupRank[groupOf[v]];
        }
        return dense;
    }

    /** The number of vertices partitioned. */
    public int vertexCount() {
        return communities.length;
    }

    /** The number of communities; every vertex is in exactly one, isolated vertices alone. */
    public int communityCount() {
        return sizes.length;
    }

    /** The community of a vertex, in {@code [0, communityCount())}. */
    public int community(int vertex) {
        return communities[vertex];
    }

    /** A copy of every vertex's community. */
    public int[] communities() {
        return communities.clone();
    }

    /** The number of vertices in the community. */
    public int size(int community) {
        return sizes[community];
    }

    /** {@code L_c}: the sum of the weights of the undirected edges inside the community, each once. */
    public double internalWeight(int community) {
        return internalWeight[community];
    }

    /** {@code K_c}: the sum of the weighted degrees of the community's members. */
    public double totalDegree(int community) {
        return totalDegree[community];
    }

    /** The community's term {@code L_c/m − γ (K_c/2m)²} of the modularity. */
    public double modularityContribution(int community) {
        return contribution[community];
    }

    /** Newman's weighted modularity {@code Q} with resolution {@link #resolution()}. */
    public double modularity() {
        return modularity;
    }

    /** The {@code γ} that {@link #modularity()} was computed with. */
    public double resolution() {
        return resolution;
    }

    /** {@code m}: the total edge weight of the undirected graph. */
    public double totalWeight() {
        return totalWeight;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The parameters of the algorithm, or {@code null} for a {@link Algorithm#GIVEN} partition. */
    public CommunityParameters parameters() {
        return parameters;
    }

    /**
     * Leiden/Louvain: the full passes run (each a local-moving, refinement and aggregation cascade
     * down to one node per community); label propagation: the sweeps over all vertices.
     */
    public int iterations() {
        return iterations;
    }

    /** Leiden/Louvain: the aggregation levels of the last pass; 0 for the others. */
    public int levels() {
        return levels;
    }

    /**
     * Whether the algorithm stopped because its last iteration changed nothing, rather than because
     * {@code maxIterations} ran out.
     */
    public boolean converged() {
        return converged;
    }

    @Override
    public String toString() {
        return "Partition[" + algorithm + ", vertices=" + communities.length + ", communities=" + sizes.length
                + ", modularity=" + modularity + ", iterations=" + iterations + ", levels=" + levels
                + ", converged=" + converged + (parameters == null ? "" : ", " + parameters) + "]";
    }
}
