package org.relais.analytics.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable directed, weighted graph over the vertices {@code 0..n-1}, held as two compressed
 * sparse row (CSR) adjacencies, so that every score in {@code org.relais.analytics.algo} can run over
 * primitive arrays instead of objects.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>Out-edges: the targets of vertex {@code u} are {@code outTargets[outOffsets[u] ..
 *       outOffsets[u+1])}, sorted ascending, with their weights at the same positions in
 *       {@code outWeights}.</li>
 *   <li>In-edges: the sources of vertex {@code v} are {@code inSources[inOffsets[v] ..
 *       inOffsets[v+1])}, sorted ascending, weights in {@code inWeights}. Pull-style algorithms
 *       (PageRank, HITS authorities) read these; push-style ones and explanations read the other.</li>
 *   <li>{@code outStrength[u]}: the sum of {@code u}'s out-weights (its out-degree when unweighted),
 *       summed in {@code double} from the stored weights, so that the transition probabilities
 *       {@code w(u,v) / outStrength(u)} of one vertex add up to 1 as exactly as doubles allow.</li>
 * </ul>
 * Parallel edges are summed into one edge, so {@link #edgeCount()} counts distinct (source, target)
 * pairs. Self-loops are dropped unless {@link Builder#keepSelfLoops(boolean)} says otherwise.
 *
 * <h2>Weights are {@code float}, and coded when few</h2>
 * Weights are stored as {@code float}. Integer counts up to 2<sup>24</sup> (16,777,216) and short
 * binary fractions such as 0.5 or 0.25 are exact in {@code float}, so graphs weighted by interaction
 * counts or simple type weights lose nothing, and their scores match a {@code double} reference
 * (networkx) to rounding. Any other weight (0.1, 1/3, a count above 2<sup>24</sup>) is rounded to the
 * nearest {@code float}, a relative change of at most 2<sup>-24</sup> (6e-8); {@link #roundedWeightCount()}
 * says how many edges that happened to, so a job can log it. Parallel edges are summed in
 * {@code double} before that one rounding. For PageRank the consequence is bounded by
 * {@code 2 * 2^-24 * d/(1-d)}, about 7e-7, in L1 norm; on a 20,000-vertex, 200,000-edge graph with
 * uniformly random real weights the scores differed from networkx's by at most 1.1e-10 per vertex
 * (7.5e-8 relative), against 1.7e-17 on the same graph with integer weights.
 *
 * <p>An interaction graph has few distinct weights (a count of interactions times its type's
 * weight), so when there are at most {@value EdgeWeights#MAX_CODES} the weights are held as a
 * {@code char} code per edge into a table of the distinct values ({@link EdgeWeights}), 2 bytes per
 * edge and direction instead of 4; the values are the same {@code float}s either way.
 *
 * <p>When every (summed) weight is exactly 1 the graph is <em>unweighted</em>: the weights are
 * {@code null}, {@link #isWeighted()} is false, and algorithms take a faster path without them.
 *
 * <h2>Memory</h2>
 * {@code 8m} bytes for the two target arrays, {@code 4m} more for the two weight arrays when weighted
 * with coded weights ({@code 8m} when there are too many distinct weights to code), and {@code 16n}
 * for the two offset arrays and the strengths. At 1M vertices and 10M edges that is 13.6 bytes per
 * edge weighted (17.6 with plain {@code float} weights) and 9.6 unweighted; {@link #memoryBytes()}
 * computes it.
 *
 * <p>Vertices keep the caller's numbering. Renumbering them by degree or in BFS order for cache
 * locality was tried on a skewed 1M-vertex, 10M-edge graph and showed no consistent PageRank gain
 * (differences of -5% to +25% that changed sign between runs), because the per-vertex array an
 * iteration reads at random (8 MB) fits in the last-level cache; it would have cost every algorithm
 * a translation of its input and output. Graphs whose vertex arrays outgrow that cache may change this.
 *
 * <h2>Sharing</h2>
 * The array accessors ({@link #outOffsets()}, {@link #inSources()}, ...) return the graph's own
 * arrays, not copies, because algorithms read them in hot loops and a copy of a 10M-edge graph costs
 * more than an iteration. Callers must treat them as read-only; the graph stays immutable only while
 * they do. The graph is safe to share between threads.
 */
public final class CompactGraph {

    private final int vertexCount;
    private final int edgeCount;
    private final int[] outOffsets;
    private final int[] outTargets;
    private final EdgeWeights outWeights;
    private final int[] inOffsets;
    private final int[] inSources;
    private final EdgeWeights inWeights;
    private final double[] outStrength;
    private final long droppedSelfLoops;
    private final long mergedParallelEdges;
    private final long roundedWeightCount;

    CompactGraph(int vertexCount, int[] outOffsets, int[] outTargets, EdgeWeights outWeights,
                 int[] inOffsets, int[] inSources, EdgeWeights inWeights, double[] outStrength,
                 long droppedSelfLoops, long mergedParallelEdges, long roundedWeightCount) {
        this.vertexCount = vertexCount;
        this.edgeCount = outTargets.length;
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        this.outWeights = outWeights;
        this.inOffsets = inOffsets;
        this.inSources = inSources;
        this.inWeights = inWeights;
        this.outStrength = outStrength;
        this.droppedSelfLoops = droppedSelfLoops;
        this.mergedParallelEdges = mergedParallelEdges;
        this.roundedWeightCount = roundedWeightCount;
    }

    /**
     * Starts building a graph over the vertices {@code 0..vertexCount-1}.
     *
     * @throws IllegalArgumentException if {@code vertexCount} is negative
     */
    public static Builder builder(int vertexCount) {
        return new Builder(vertexCount);
    }

    /** The number of vertices {@code n}; vertices are {@code 0..n-1}. */
    public int vertexCount() {
        return vertexCount;
    }

    /** The number of distinct directed edges, after parallel edges were summed and self-loops handled. */
    public int edgeCount() {
        return edgeCount;
    }

    /** False when every edge weight is exactly 1; then the weight arrays are {@code null}. */
    public boolean isWeighted() {
        return outWeights != null;
    }

    public int outDegree(int vertex) {
        return outOffsets[vertex + 1] - outOffsets[vertex];
    }

    public int inDegree(int vertex) {
        return inOffsets[vertex + 1] - inOffsets[vertex];
    }

    /** The sum of the vertex's out-edge weights; 0 for a dangling vertex. */
    public double outStrength(int vertex) {
        return outStrength[vertex];
    }

    /** The weight of out-edge slot {@code e} (an index into {@link #outTargets()}); 1 when unweighted. */
    public double outWeight(int e) {
        return outWeights == null ? 1.0 : outWeights.get(e);
    }

    /** The weight of in-edge slot {@code e} (an index into {@link #inSources()}); 1 when unweighted. */
    public double inWeight(int e) {
        return inWeights == null ? 1.0 : inWeights.get(e);
    }

    /** Shared, read-only: {@code n + 1} offsets into {@link #outTargets()}. */
    public int[] outOffsets() {
        return outOffsets;
    }

    /** Shared, read-only: the targets of all out-edges, grouped by source, ascending within a group. */
    public int[] outTargets() {
        return outTargets;
    }

    /** Shared, read-only: the out-edge weights parallel to {@link #outTargets()}, or {@code null} when unweighted. */
    public EdgeWeights outWeights() {
        return outWeights;
    }

    /** Shared, read-only: {@code n + 1} offsets into {@link #inSources()}. */
    public int[] inOffsets() {
        return inOffsets;
    }

    /** Shared, read-only: the sources of all in-edges, grouped by target, ascending within a group. */
    public int[] inSources() {
        return inSources;
    }

    /** Shared, read-only: the in-edge weights parallel to {@link #inSources()}, or {@code null} when unweighted. */
    public EdgeWeights inWeights() {
        return inWeights;
    }

    /** Shared, read-only: every vertex's out-strength, see {@link #outStrength(int)}. */
    public double[] outStrengths() {
        return outStrength;
    }

    /** How many self-loop records the builder dropped (0 when it kept them). */
    public long droppedSelfLoops() {
        return droppedSelfLoops;
    }

    /** How many input records were folded into an earlier record of the same (source, target) pair. */
    public long mergedParallelEdges() {
        return mergedParallelEdges;
    }

    /** How many edges have a summed weight that {@code float} could not hold exactly (see the class comment). */
    public long roundedWeightCount() {
        return roundedWeightCount;
    }

    /**
     * The bytes held by this graph's arrays, including array headers (16 bytes each, as on a 64-bit
     * JVM with compressed references); the few scalar fields are left out.
     */
    public long memoryBytes() {
        return arrayBytes(outOffsets.length, 4) + arrayBytes(outTargets.length, 4)
                + (outWeights == null ? 0 : outWeights.memoryBytes())
                + arrayBytes(inOffsets.length, 4) + arrayBytes(inSources.length, 4)
                + (inWeights == null ? 0 : inWeights.memoryBytes() - (inWeights.isCoded() ? 16
                        + 4L * inWeights.distinctWeights() : 0))
                + arrayBytes(outStrength.length, 8);
    }

    /** {@link #memoryBytes()} divided by the edge count; infinite for a graph without edges. */
    public double bytesPerEdge() {
        return edgeCount == 0 ? Double.POSITIVE_INFINITY : (double) memoryBytes() / edgeCount;
    }

    private static long arrayBytes(long length, int elementBytes) {
        return 16 + length * elementBytes;
    }

    @Override
    public String toString() {
        return "CompactGraph[vertices=" + vertexCount + ", edges=" + edgeCount
                + (isWeighted() ? ", weighted" : ", unweighted") + "]";
    }

    /**
     * Builds a {@link CompactGraph} from parallel edge arrays in {@code O(n + m)} time with two
     * counting sorts, so that no edge becomes an object and no comparison sort runs.
     *
     * <p>Besides the caller's arrays and the finished graph, building holds about 24 bytes per input
     * record of scratch (two int and two double arrays of length {@code m}) for a moment. Building
     * 10M records over 1M vertices takes about 1 s on one core.
     */
    public static final class Builder {
        private final int vertexCount;
        private boolean keepSelfLoops;
        private boolean codeWeights = true;

        private Builder(int vertexCount) {
            if (vertexCount < 0) {
                throw new IllegalArgumentException("vertexCount was " + vertexCount + ", but must be >= 0");
            }
            this.vertexCount = vertexCount;
        }

        /**
         * Whether an edge {@code u -> u} is kept (as an ordinary edge that adds to {@code u}'s
         * out-strength and returns rank to {@code u}) or dropped. Default: dropped, because in
         * interaction data a self-reply or self-link says nothing about influence, and the reference
         * figures drop them too.
         */
        public Builder keepSelfLoops(boolean keep) {
            this.keepSelfLoops = keep;
            return this;
        }

        /**
         * Whether weights are coded when there are few distinct ones ({@link EdgeWeights}), the
         * default, or always held as one {@code float} per edge. The scores are the same either way;
         * {@code false} is for measuring what coding costs and saves.
         */
        public Builder codeWeights(boolean code) {
            this.codeWeights = code;
            return this;
        }

        /**
         * Builds the graph from the first {@code m} records of the arrays: record {@code i} is the
         * edge {@code src[i] -> dst[i]} with weight {@code weight[i]}. Records of the same pair are
         * summed into one edge. The arrays are only read.
         *
         * @param weight the weights, each finite and {@code > 0}; {@code null} means every record has weight 1
         * @throws IllegalArgumentException if {@code m} exceeds an array's length, a vertex is outside
         *     {@code [0, n)}, or a weight is not finite and positive
         */
        public CompactGraph build(int[] src, int[] dst, double[] weight, int m) {
            Objects.requireNonNull(src, "src");
            Objects.requireNonNull(dst, "dst");
            int limit = Math.min(src.length, dst.length);
            if (weight != null) {
                limit = Math.min(limit, weight.length);
            }
            if (m < 0 || m > limit) {
                throw new IllegalArgumentException("m was " + m + ", but must be in [0, " + limit
                        + "] (the length of the shortest edge array)");
            }
            final int n = vertexCount;
            for (int i = 0; i < m; i++) {
                int u = src[i];
                int v = dst[i];
                if (u < 0 || u >= n) {
                    throw new IllegalArgumentException("src[" + i + "] was " + u + ", but must be in [0, " + n + ")");
                }
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException("dst[" + i + "] was " + v + ", but must be in [0, " + n + ")");
                }
                if (weight != null) {
                    double w = weight[i];
                    if (!(w > 0 && w < Double.POSITIVE_INFINITY)) {
                        throw new IllegalArgumentException("weight[" + i + "] was " + w + ", but must be finite and > 0");
                    }
                }
            }

            // Pass 1: counting sort of the kept records by target.
            int[] byTargetStart = new int[n + 1];
            long droppedSelfLoops = 0;
            for (int i = 0; i < m; i++) {
                if (src[i] == dst[i] && !keepSelfLoops) {
                    droppedSelfLoops++;
                } else {
                    byTargetStart[dst[i] + 1]++;
                }
            }
            for (int v = 0; v < n; v++) {
                byTargetStart[v + 1] += byTargetStart[v];
            }
            final int kept = byTargetStart[n];
            int[] sortedSrc = new int[kept];
            double[] sortedW = weight == null ? null : new double[kept];
            int[] cursor = new int[n];
            System.arraycopy(byTargetStart, 0, cursor, 0, n);
            for (int i = 0; i < m; i++) {
                int u = src[i];
                int v = dst[i];
                if (u == v && !keepSelfLoops) {
                    continue;
                }
                int p = cursor[v]++;
                sortedSrc[p] = u;
                if (sortedW != null) {
                    sortedW[p] = weight[i];
                }
            }

            // Pass 2: a stable counting sort by source. Walking targets in ascending order leaves
            // every source's targets ascending, so parallel edges end up next to each other.
            int[] outStart = new int[n + 1];
            for (int p = 0; p < kept; p++) {
                outStart[sortedSrc[p] + 1]++;
            }
            for (int u = 0; u < n; u++) {
                outStart[u + 1] += outStart[u];
            }
            System.arraycopy(outStart, 0, cursor, 0, n);
            int[] rawTargets = new int[kept];
            double[] rawW = new double[kept];
            for (int v = 0; v < n; v++) {
                for (int p = byTargetStart[v], end = byTargetStart[v + 1]; p < end; p++) {
                    int q = cursor[sortedSrc[p]]++;
                    rawTargets[q] = v;
                    rawW[q] = sortedW == null ? 1.0 : sortedW[p];
                }
            }
            sortedSrc = null;
            sortedW = null;
            byTargetStart = null;

            // Merge runs of equal targets in place, summing their weights in double, smallest
            // first: the sum, rounded, is then the same whatever order the records came in.
            int[] outOffsets = new int[n + 1];
            int write = 0;
            for (int u = 0; u < n; u++) {
                outOffsets[u] = write;
                int end = outStart[u + 1];
                for (int p = outStart[u]; p < end; ) {
                    int run = p + 1;
                    while (run < end && rawTargets[run] == rawTargets[p]) {
                        run++;
                    }
                    if (run - p > 1) {
                        Arrays.sort(rawW, p, run);
                    }
                    double w = rawW[p];
                    for (int q = p + 1; q < run; q++) {
                        w += rawW[q];
                    }
                    rawTargets[write] = rawTargets[p];
                    rawW[write] = w;
                    write++;
                    p = run;
                }
            }
            outOffsets[n] = write;
            final int edges = write;
            final long merged = (long) kept - edges;

            boolean weighted = false;
            long rounded = 0;
            for (int e = 0; e < edges; e++) {
                double w = rawW[e];
                if (w != 1.0) {
                    weighted = true;
                }
                if ((double) (float) w != w) {
                    rounded++;
                }
            }
            int[] outTargets = new int[edges];
            System.arraycopy(rawTargets, 0, outTargets, 0, edges);
            rawTargets = null;
            EdgeWeights outWeights = !weighted ? null
                    : codeWeights ? EdgeWeights.of(rawW, edges) : EdgeWeights.plain(EdgeWeights.floats(rawW, edges));
            rawW = null;

            double[] outStrength = new double[n];
            for (int u = 0; u < n; u++) {
                double s = 0;
                for (int e = outOffsets[u], end = outOffsets[u + 1]; e < end; e++) {
                    s += outWeights == null ? 1.0 : outWeights.get(e);
                }
                outStrength[u] = s;
            }

            // In-adjacency: one more counting sort; walking sources in ascending order leaves every
            // target's sources ascending.
            int[] inOffsets = new int[n + 1];
            for (int e = 0; e < edges; e++) {
                inOffsets[outTargets[e] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                inOffsets[v + 1] += inOffsets[v];
            }
            System.arraycopy(inOffsets, 0, cursor, 0, n);
            int[] inSources = new int[edges];
            EdgeWeights inWeights = weighted ? outWeights.emptyLike(edges) : null;
            for (int u = 0; u < n; u++) {
                for (int e = outOffsets[u], end = outOffsets[u + 1]; e < end; e++) {
                    int q = cursor[outTargets[e]]++;
                    inSources[q] = u;
                    if (inWeights != null) {
                        outWeights.copy(e, inWeights, q);
                    }
                }
            }
            return new CompactGraph(n, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights,
                    outStrength, droppedSelfLoops, merged, weighted ? rounded : 0);
        }
    }
}
