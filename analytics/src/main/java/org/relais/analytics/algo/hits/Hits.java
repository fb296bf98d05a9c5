package org.relais.analytics.algo.hits;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ChunkedExecutor;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

/**
 * Weighted HITS (hubs and authorities) by power iteration, scaled like networkx's
 * {@code hits(G, normalized=True)} so that its scores can be checked against it.
 *
 * <h2>Variant</h2>
 * With {@code A} the weighted adjacency matrix ({@code A[u][v] = w(u,v)}, 1 when the graph is
 * unweighted), starting from hubs {@code h = 1/n} everywhere, each iteration computes
 * <pre>
 *   a = A^T h,  a = a / sum(a)        (authority: weighted sum of the hubs pointing to v)
 *   h = A a,    h = h / sum(h)        (hub: weighted sum of the authorities u points to)
 * </pre>
 * and stops when the L1 change of {@code a} is below {@code n * tolerance} or after
 * {@code maxIterations}. Both vectors are non-negative and sum to 1. This is Kleinberg's algorithm
 * with the weights entering both {@code A} and {@code A^T}; {@code a} converges to the leading right
 * singular vector of {@code A} (the Perron vector of {@code A^T A}) and {@code h} to the left one.
 * A vertex without in-edges has authority 0, one without out-edges hub 0. A graph without edges has
 * no leading singular vector; every vertex then gets {@code 1/n} for both, after 0 iterations.
 *
 * <p><b>When it matches networkx.</b> networkx 3.x computes HITS with a sparse SVD (ARPACK) rather
 * than by iteration. When the largest singular value {@code sigma1} of {@code A} is simple, the
 * leading singular vectors are unique up to sign and scale, and this iteration converges to the
 * same vectors, at the rate {@code (sigma2 / sigma1)^2} per iteration. When {@code sigma1} is
 * repeated (for example two disconnected parts with equal leading singular values), any vector of
 * the leading singular subspace is a valid answer: the SVD returns one that depends on ARPACK's
 * random start, while this iteration returns the projection of the uniform start onto the subspace
 * (so two identical disconnected parts get equal scores). The two then disagree, and neither is
 * wrong. On the political-blogs network {@code sigma1} is simple (56.19 against 46.14 unweighted,
 * 56.42 against 46.60 weighted), and with the default tolerance the scores agree with networkx's
 * to 3e-14.
 *
 * <p>Reference: J. M. Kleinberg, "Authoritative sources in a hyperlinked environment", Journal of
 * the ACM 46(5) (1999) 604–632; the scaling is networkx's (sum 1).
 *
 * <h2>Cost</h2>
 * Each iteration reads every edge twice (in-edges for the authorities, out-edges for the hubs):
 * {@code O(n + m)} time, on {@code threads} threads over vertex ranges balanced by edge count. Each
 * score is pulled and written by one thread, so no atomics or locks are involved, and the scores are
 * bit-for-bit the same for any thread count. Memory besides the graph: three {@code double} arrays
 * of length {@code n} (authorities, the previous authorities, hubs), {@code 24n} bytes, independent
 * of the thread count.
 *
 * <p>An instance holds only configuration, is immutable, and may run on many graphs, concurrently.
 */
public final class Hits {

    /** The phase name given to the {@link ProgressListener}; the delta reported is the authorities' L1 change. */
    public static final String PHASE = "hits";

    /** The least work (vertices plus edges) per parallel chunk, as for PageRank. */
    private static final long WORK_PER_CHUNK = 16_384;

    private final HitsParameters parameters;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    /** HITS with the given parameters, silent, never cancelled. */
    public Hits(HitsParameters parameters) {
        this(Objects.requireNonNull(parameters, "parameters"), ProgressListener.NONE, () -> false);
    }

    private Hits(HitsParameters parameters, ProgressListener progress, BooleanSupplier cancelled) {
        this.parameters = parameters;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** Runs HITS with the given parameters and nothing else: the common case. */
    public static HitsResult compute(CompactGraph graph, HitsParameters parameters) {
        return new Hits(parameters).run(graph);
    }

    /** The same HITS, reporting every iteration to {@code listener}. */
    public Hits withProgress(ProgressListener listener) {
        return new Hits(parameters, Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /**
     * The same HITS, checking {@code isCancelled} before every iteration; once it returns true,
     * {@link #run} throws a {@link CancellationException}.
     */
    public Hits withCancellation(BooleanSupplier isCancelled) {
        return new Hits(parameters, progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    public HitsParameters parameters() {
        return parameters;
    }

    /**
     * Computes the hub and authority scores of every vertex of {@code graph}.
     *
     * @throws CancellationException if cancelled (see {@link #withCancellation})
     */
    public HitsResult run(CompactGraph graph) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        if (graph.edgeCount() == 0) {
            double[] uniform = new double[n];
            Arrays.fill(uniform, 1.0 / n);
            return new HitsResult(uniform, uniform.clone(), 0, true, 0.0, parameters);
        }
        try (ChunkedExecutor executor = new ChunkedExecutor(parameters.threads(), PHASE)) {
            return new Run(graph, parameters, executor).iterate(progress, cancelled);
        }
    }

    /**
     * The state of one computation. The vectors are kept unscaled, each with the reciprocal of its
     * sum, so that scaling costs one multiplication per vertex inside the passes instead of a pass
     * of its own.
     */
    private static final class Run {
        private final int n;
        private final int[] inOffsets;
        private final int[] inSources;
        private final EdgeWeights inWeights;
        private final int[] outOffsets;
        private final int[] outTargets;
        private final EdgeWeights outWeights;
        private final HitsParameters parameters;
        private final ChunkedExecutor executor;
        private final int[] inBounds;
        private final int[] outBounds;
        private final double[] inChunkSum;
        private final double[] outChunkSum;
        private final double[] outChunkDelta;

        private double[] authority;
        private double[] previousAuthority;
        private final double[] hub;
        /** 1 / sum of {@link #hub}, {@link #authority} and {@link #previousAuthority}. */
        private double hubScale;
        private double authorityScale;
        private double previousAuthorityScale;

        Run(CompactGraph graph, HitsParameters parameters, ChunkedExecutor executor) {
            this.n = graph.vertexCount();
            this.inOffsets = graph.inOffsets();
            this.inSources = graph.inSources();
            this.inWeights = graph.inWeights();
            this.outOffsets = graph.outOffsets();
            this.outTargets = graph.outTargets();
            this.outWeights = graph.outWeights();
            this.parameters = parameters;
            this.executor = executor;
            this.inBounds = ChunkedExecutor.balancedRanges(inOffsets, n, WORK_PER_CHUNK);
            this.outBounds = ChunkedExecutor.balancedRanges(outOffsets, n, WORK_PER_CHUNK);
            this.inChunkSum = new double[inBounds.length - 1];
            this.outChunkSum = new double[outBounds.length - 1];
            this.outChunkDelta = new double[outBounds.length - 1];
            authority = new double[n];
            previousAuthority = new double[n];
            hub = new double[n];
            // Uniform hubs to start with; the change of the first iteration is measured from uniform authorities.
            Arrays.fill(hub, 1.0);
            Arrays.fill(previousAuthority, 1.0);
            hubScale = 1.0 / n;
            previousAuthorityScale = 1.0 / n;
        }

        HitsResult iterate(ProgressListener progress, BooleanSupplier cancelled) {
            final double threshold = n * parameters.tolerance();
            int iteration = 0;
            double delta = Double.POSITIVE_INFINITY;
            boolean converged = false;
            while (iteration < parameters.maxIterations()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("HITS cancelled after " + iteration + " iterations");
                }
                executor.forEachChunk(inChunkSum.length, this::authorityChunk);
                authorityScale = 1.0 / sumInOrder(inChunkSum);
                executor.forEachChunk(outChunkSum.length, this::hubChunk);
                hubScale = 1.0 / sumInOrder(outChunkSum);
                delta = sumInOrder(outChunkDelta);
                double[] t = previousAuthority;
                previousAuthority = authority;
                authority = t;
                previousAuthorityScale = authorityScale;
                iteration++;
                progress.onIteration(PHASE, iteration, delta);
                if (delta < threshold) {
                    converged = true;
                    break;
                }
            }
            return new HitsResult(scaledToSumOne(hub), scaledToSumOne(previousAuthority), iteration, converged, delta,
                    parameters);
        }

        private static double sumInOrder(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum;
        }

        private static double[] scaledToSumOne(double[] raw) {
            double sum = sumInOrder(raw);
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = raw[i] / sum;
            }
            return out;
        }

        /** {@code a(v) = sum over u -> v of w(u,v) h(u)} for the chunk's vertices, with h scaled to sum 1. */
        private void authorityChunk(int chunk) {
            final int[] offsets = inOffsets;
            final int[] sources = inSources;
            final EdgeWeights weights = inWeights;
            final double[] h = hub;
            final double[] a = authority;
            final double scale = hubScale;
            double chunkSum = 0;
            int e = offsets[inBounds[chunk]];
            for (int v = inBounds[chunk], end = inBounds[chunk + 1]; v < end; v++) {
                final int stop = offsets[v + 1];
                double sum = 0;
                if (weights == null) {
                    for (; e < stop; e++) {
                        sum += h[sources[e]];
                    }
                } else {
                    for (; e < stop; e++) {
                        sum += weights.get(e) * h[sources[e]];
                    }
                }
                double value = sum * scale;
                a[v] = value;
                chunkSum += value;
            }
            inChunkSum[chunk] = chunkSum;
        }

        /**
         * {@code h(u) = sum over u -> v of w(u,v) a(v)} for the chunk's vertices, with a scaled to sum 1;
         * and, over the same vertices, the L1 change of the authorities, so that no extra pass is needed.
         */
        private void hubChunk(int chunk) {
            final int[] offsets = outOffsets;
            final int[] targets = outTargets;
            final EdgeWeights weights = outWeights;
            final double[] a = authority;
            final double[] aPrevious = previousAuthority;
            final double[] h = hub;
            final double scale = authorityScale;
            final double previousScale = previousAuthorityScale;
            double chunkSum = 0;
            double delta = 0;
            int e = offsets[outBounds[chunk]];
            for (int u = outBounds[chunk], end = outBounds[chunk + 1]; u < end; u++) {
                final int stop = offsets[u + 1];
                double sum = 0;
                if (weights == null) {
                    for (; e < stop; e++) {
                        sum += a[targets[e]];
                    }
                } else {
                    for (; e < stop; e++) {
                        sum += weights.get(e) * a[targets[e]];
                    }
                }
                double value = sum * scale;
                h[u] = value;
                chunkSum += value;
                delta += Math.abs(a[u] * scale - aPrevious[u] * previousScale);
            }
            outChunkSum[chunk] = chunkSum;
            outChunkDelta[chunk] = delta;
        }
    }
}
