package org.relais.analytics.algo.kcore;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.graph.CompactGraph;

/**
 * Core numbers (k-core decomposition) of the undirected simple graph underlying the interaction
 * graph, by the bucket algorithm of Batagelj and Zaversnik.
 *
 * <h2>Variant</h2>
 * Two actors are neighbours when an edge joins them in either direction; an edge in both directions
 * is one undirected edge, weights are ignored, and self-loops are ignored. The k-core is the largest
 * subgraph in which every vertex has at least {@code k} neighbours; a vertex's core number is the
 * largest {@code k} whose k-core contains it. This is networkx's
 * {@code core_number(G.to_undirected())} after {@code G.remove_edges_from(nx.selfloop_edges(G))}
 * (networkx refuses graphs with self-loops), and JGraphT's {@code Coreness} on the undirected simple graph.
 *
 * <p>There are no options, so there is no parameters record: the algorithm is exact, deterministic
 * and sequential.
 *
 * <p>Reference: V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of
 * networks", arXiv:cs/0310049 (2003); Advances in Data Analysis and Classification 5 (2011) 129–145.
 *
 * <h2>Cost</h2>
 * {@code O(n + m)} time on one thread. The undirected neighbourhoods are never built: a vertex's
 * neighbours are read by merging its sorted out- and in-lists on the fly, so memory besides the
 * graph is three {@code int} arrays of length {@code n} (degrees, positions, vertices in degree
 * order) and one of length {@code maxDegree + 1}, {@code 12n} bytes or a little more. It does not
 * use threads. Progress is reported every 1% of vertices processed
 * ({@code iteration} = percent done, {@code delta} = fraction left), and cancellation is checked at
 * the same points.
 */
public final class Coreness {

    /** The phase name given to the {@link ProgressListener}. */
    public static final String PHASE = "coreness";

    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    /** A silent, never cancelled computation. */
    public Coreness() {
        this(ProgressListener.NONE, () -> false);
    }

    private Coreness(ProgressListener progress, BooleanSupplier cancelled) {
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** The core numbers of {@code graph}: the common case. */
    public static CorenessResult compute(CompactGraph graph) {
        return new Coreness().run(graph);
    }

    public Coreness withProgress(ProgressListener listener) {
        return new Coreness(Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /** Checks {@code isCancelled} every 1% of the vertices; once true, {@link #run} throws {@link CancellationException}. */
    public Coreness withCancellation(BooleanSupplier isCancelled) {
        return new Coreness(progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    /**
     * @throws CancellationException if cancelled (see {@link #withCancellation})
     */
    public CorenessResult run(CompactGraph graph) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        final int[] outOffsets = graph.outOffsets();
        final int[] outTargets = graph.outTargets();
        final int[] inOffsets = graph.inOffsets();
        final int[] inSources = graph.inSources();

        // Undirected degrees: the size of the union of the sorted out- and in-lists, without v itself.
        int[] degree = new int[n];
        int maxDegree = 0;
        long degreeSum = 0;
        for (int v = 0; v < n; v++) {
            int count = 0;
            int i = outOffsets[v];
            int iEnd = outOffsets[v + 1];
            int j = inOffsets[v];
            int jEnd = inOffsets[v + 1];
            while (i < iEnd || j < jEnd) {
                int u;
                if (j >= jEnd || (i < iEnd && outTargets[i] < inSources[j])) {
                    u = outTargets[i++];
                } else if (i >= iEnd || inSources[j] < outTargets[i]) {
                    u = inSources[j++];
                } else {
                    u = outTargets[i++];
                    j++;
                }
                if (u != v) {
                    count++;
                }
            }
            degree[v] = count;
            degreeSum += count;
            maxDegree = Math.max(maxDegree, count);
        }

        // Bucket sort the vertices by degree: bin[d] is where degree d starts in vert.
        int[] bin = new int[maxDegree + 1];
        for (int v = 0; v < n; v++) {
            bin[degree[v]]++;
        }
        int start = 0;
        for (int d = 0; d <= maxDegree; d++) {
            int count = bin[d];
            bin[d] = start;
            start += count;
        }
        int[] position = new int[n];
        int[] vert = new int[n];
        for (int v = 0; v < n; v++) {
            position[v] = bin[degree[v]];
            vert[position[v]] = v;
            bin[degree[v]]++;
        }
        for (int d = maxDegree; d > 0; d--) {
            bin[d] = bin[d - 1];
        }
        bin[0] = 0;

        // Peel in order of current degree; when v goes, each neighbour of higher degree moves down one bucket.
        // Progress at every whole percent of the vertices peeled (none for fewer than 100 vertices).
        int percent = 1;
        long nextReport = n >= 100 ? n / 100 : Long.MAX_VALUE;
        int degeneracy = 0;
        for (int k = 0; k < n; k++) {
            if (k >= nextReport) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("coreness cancelled after " + k + " of " + n + " vertices");
                }
                progress.onIteration(PHASE, percent, (double) (n - k) / n);
                percent++;
                nextReport = percent < 100 ? (long) percent * n / 100 : Long.MAX_VALUE;
            }
            final int v = vert[k];
            final int dv = degree[v];
            degeneracy = Math.max(degeneracy, dv);
            int i = outOffsets[v];
            int iEnd = outOffsets[v + 1];
            int j = inOffsets[v];
            int jEnd = inOffsets[v + 1];
            while (i < iEnd || j < jEnd) {
                int u;
                if (j >= jEnd || (i < iEnd && outTargets[i] < inSources[j])) {
                    u = outTargets[i++];
                } else if (i >= iEnd || inSources[j] < outTargets[i]) {
                    u = inSources[j++];
                } else {
                    u = outTargets[i++];
                    j++;
                }
                int du = degree[u];
                if (du > dv) { // also skips a kept self-loop, u == v
                    int pu = position[u];
                    int pw = bin[du];
                    int w = vert[pw];
                    if (u != w) {
                        position[u] = pw;
                        vert[pu] = w;
                        position[w] = pu;
                        vert[pw] = u;
                    }
                    bin[du]++;
                    degree[u] = du - 1;
                }
            }
        }
        if (n > 0) {
            progress.onIteration(PHASE, 100, 0.0);
        }
        return new CorenessResult(degree, degeneracy, degreeSum / 2);
    }
}
