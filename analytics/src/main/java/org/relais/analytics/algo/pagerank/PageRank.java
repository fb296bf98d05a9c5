package org.relais.analytics.algo.pagerank;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ChunkedExecutor;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

/**
 * Weighted PageRank by power iteration, with the conventions of networkx's {@code pagerank} and
 * igraph's PRPACK, so that its scores can be checked against either.
 *
 * <h2>Variant</h2>
 * With damping {@code d}, teleport vector {@code t} (uniform {@code 1/n} unless
 * {@link #withTeleport(double[]) personalised}) and {@code S(u)} the out-strength of {@code u}:
 * <pre>
 *   x'(v) = (1 - d) t(v) + d D t(v) + d  sum over edges u-&gt;v of  x(u) w(u,v) / S(u)
 * </pre>
 * where {@code D} is the total score of the dangling vertices ({@code S(u) = 0}): their score is
 * spread like the teleport, uniformly by default, rather than lost (networkx's {@code dangling=None};
 * GraphX instead drops it each round). Weights enter only through {@code w(u,v) / S(u)}, so an
 * unweighted graph is the special case {@code w = 1}. The scores are normalised to sum 1.
 * Iteration starts from {@code 1/n} everywhere, or from {@link #withInitialScores(double[]) given
 * scores} (a warm start), and stops when the L1 change {@code sum |x' - x|} is below
 * {@code n * tolerance} or after {@code maxIterations}.
 *
 * <p>Reference: S. Brin and L. Page, "The anatomy of a large-scale hypertextual Web search engine",
 * Computer Networks and ISDN Systems 30 (1998) 107–117; the dangling-vertex treatment is the one
 * analysed by A. N. Langville and C. D. Meyer, "Deeper inside PageRank", Internet Mathematics 1(3)
 * (2004).
 *
 * <h2>Cost</h2>
 * Each iteration reads every in-edge once: {@code O(n + m)} time, run on {@code threads} threads
 * over vertex ranges balanced by in-edge count. Every vertex's new score is pulled from its
 * in-edges and written by one thread only, so no atomics or locks are involved, and the scores are
 * bit-for-bit the same for any thread count. Memory besides the graph: four {@code double} arrays of
 * length {@code n} (scores, next scores, and two arrays of per-vertex contributions {@code x(u)/S(u)}
 * that alternate between iterations), i.e. {@code 32n} bytes, plus {@code 8n} for a teleport or
 * initial vector if given; it does not grow with the thread count.
 *
 * <p>An instance holds only configuration, is immutable, and may run on many graphs, concurrently.
 */
public final class PageRank {

    /** The phase name given to the {@link ProgressListener}. */
    public static final String PHASE = "pagerank";

    /**
     * The least work (vertices plus in-edges) per parallel chunk: small enough that skewed graphs
     * still balance over a few threads, large enough that claiming a chunk costs nothing.
     */
    private static final long WORK_PER_CHUNK = 16_384;

    private final PageRankParameters parameters;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;
    private final double[] teleport;
    private final double[] initialScores;

    /** A PageRank with the given parameters, silent, never cancelled, uniform teleport, cold start. */
    public PageRank(PageRankParameters parameters) {
        this(Objects.requireNonNull(parameters, "parameters"), ProgressListener.NONE, () -> false, null, null);
    }

    private PageRank(PageRankParameters parameters, ProgressListener progress, BooleanSupplier cancelled,
                     double[] teleport, double[] initialScores) {
        this.parameters = parameters;
        this.progress = progress;
        this.cancelled = cancelled;
        this.teleport = teleport;
        this.initialScores = initialScores;
    }

    /** Runs PageRank with the given parameters and nothing else: the common case. */
    public static PageRankResult compute(CompactGraph graph, PageRankParameters parameters) {
        return new PageRank(parameters).run(graph);
    }

    /** The same PageRank, reporting every iteration to {@code listener}. */
    public PageRank withProgress(ProgressListener listener) {
        return new PageRank(parameters, Objects.requireNonNull(listener, "listener"), cancelled, teleport, initialScores);
    }

    /**
     * The same PageRank, checking {@code isCancelled} before every iteration; once it returns true,
     * {@link #run} throws a {@link CancellationException}.
     */
    public PageRank withCancellation(BooleanSupplier isCancelled) {
        return new PageRank(parameters, progress, Objects.requireNonNull(isCancelled, "isCancelled"), teleport,
                initialScores);
    }

    /**
     * Personalised PageRank: teleports (and spreads dangling score, as networkx does) in proportion
     * to {@code weights} instead of uniformly. The weights are normalised to sum 1; they must be
     * finite, non-negative, not all zero, and as many as the graph's vertices (checked by
     * {@link #run}). The array is copied.
     */
    public PageRank withTeleport(double[] weights) {
        return new PageRank(parameters, progress, cancelled, checkedCopy(weights, "teleport"), initialScores);
    }

    /**
     * Warm start: begins the iteration from {@code scores} (normalised to sum 1) instead of
     * {@code 1/n} everywhere, e.g. from yesterday's scores. Same checks as {@link #withTeleport}.
     * The result is the same PageRank, reached in fewer iterations when the start is close.
     */
    public PageRank withInitialScores(double[] scores) {
        return new PageRank(parameters, progress, cancelled, teleport, checkedCopy(scores, "initialScores"));
    }

    public PageRankParameters parameters() {
        return parameters;
    }

    /**
     * Computes the scores of every vertex of {@code graph}.
     *
     * @throws IllegalArgumentException if a teleport or initial vector does not have one entry per vertex
     * @throws CancellationException    if cancelled (see {@link #withCancellation})
     */
    public PageRankResult run(CompactGraph graph) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        double[] tele = teleport == null ? null : normalised(teleport, n, "teleport");
        double[] start = initialScores == null ? null : normalised(initialScores, n, "initialScores");
        if (n == 0) {
            return new PageRankResult(new double[0], 0, true, 0.0, parameters, tele != null, start != null);
        }
        try (ChunkedExecutor executor = new ChunkedExecutor(parameters.threads(), PHASE)) {
            return new Run(graph, parameters, tele, start, executor).iterate(progress, cancelled);
        }
    }

    private static double[] checkedCopy(double[] values, String name) {
        Objects.requireNonNull(values, name);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + "[" + i + "] was " + v + ", but must be finite and >= 0");
            }
            sum += v;
        }
        if (values.length > 0 && !(sum > 0 && sum < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " summed to " + sum + ", but must sum to a finite value > 0");
        }
        return values.clone();
    }

    private static double[] normalised(double[] values, int n, String name) {
        if (values.length != n) {
            throw new IllegalArgumentException(name + " had " + values.length
                    + " entries, but must have one per vertex: " + n);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i] / sum;
        }
        return out;
    }

    /** The state of one computation: the graph's arrays in fields, and the score vectors. */
    private static final class Run {
        private final int n;
        private final int[] inOffsets;
        private final int[] inSources;
        private final EdgeWeights inWeights;
        private final double[] outStrength;
        private final double damping;
        private final double[] teleport;
        private final PageRankParameters parameters;
        private final ChunkedExecutor executor;
        private final int[] chunkBounds;
        private final double[] chunkDelta;
        private final double[] chunkDangling;
        private final boolean warmStarted;

        private double[] scores;
        private double[] next;
        private double[] contrib;
        private double[] nextContrib;
        /** The teleport and dangling share of the current iteration, see {@link #pullChunk}. */
        private double uniformBase;
        private double teleportScale;

        Run(CompactGraph graph, PageRankParameters parameters, double[] teleport, double[] start,
            ChunkedExecutor executor) {
            this.n = graph.vertexCount();
            this.inOffsets = graph.inOffsets();
            this.inSources = graph.inSources();
            this.inWeights = graph.inWeights();
            this.outStrength = graph.outStrengths();
            this.damping = parameters.damping();
            this.teleport = teleport;
            this.parameters = parameters;
            this.executor = executor;
            this.chunkBounds = ChunkedExecutor.balancedRanges(inOffsets, n, WORK_PER_CHUNK);
            int chunks = chunkBounds.length - 1;
            this.chunkDelta = new double[chunks];
            this.chunkDangling = new double[chunks];
            this.warmStarted = start != null;

            scores = new double[n];
            next = new double[n];
            contrib = new double[n];
            nextContrib = new double[n];
            if (start == null) {
                Arrays.fill(scores, 1.0 / n);
            } else {
                System.arraycopy(start, 0, scores, 0, n);
            }
        }

        PageRankResult iterate(ProgressListener progress, BooleanSupplier cancelled) {
            double dangling = 0;
            for (int u = 0; u < n; u++) {
                double s = outStrength[u];
                if (s > 0) {
                    contrib[u] = scores[u] / s;
                } else {
                    dangling += scores[u];
                }
            }
            final double threshold = n * parameters.tolerance();
            final int chunks = chunkBounds.length - 1;
            int iteration = 0;
            double delta = Double.POSITIVE_INFINITY;
            boolean converged = false;
            while (iteration < parameters.maxIterations()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("PageRank cancelled after " + iteration + " iterations");
                }
                // Teleport and dangling score both go where the teleport vector says: one term.
                double spread = (1 - damping) + damping * dangling;
                uniformBase = spread / n;
                teleportScale = spread;
                if (inWeights == null) {
                    executor.forEachChunk(chunks, this::pullChunkUnweighted);
                } else {
                    executor.forEachChunk(chunks, this::pullChunk);
                }
                iteration++;
                delta = 0;
                dangling = 0;
                for (int c = 0; c < chunks; c++) {
                    delta += chunkDelta[c];
                    dangling += chunkDangling[c];
                }
                double[] t = scores;
                scores = next;
                next = t;
                t = contrib;
                contrib = nextContrib;
                nextContrib = t;
                progress.onIteration(PHASE, iteration, delta);
                if (delta < threshold) {
                    converged = true;
                    break;
                }
            }
            double sum = 0;
            for (int v = 0; v < n; v++) {
                sum += scores[v];
            }
            for (int v = 0; v < n; v++) {
                scores[v] /= sum;
            }
            return new PageRankResult(scores, iteration, converged, delta, parameters, teleport != null, warmStarted);
        }

        /**
         * Computes the new score of the chunk's vertices from the current contributions, and
         * prepares the contributions of the next iteration for the same vertices, so that an
         * iteration needs one pass over the vertices and one barrier.
         */
        private void pullChunk(int chunk) {
            final int[] offsets = inOffsets;
            final int[] sources = inSources;
            final EdgeWeights weights = inWeights;
            final double[] c = contrib;
            final double[] x = scores;
            final double[] xNext = next;
            final double[] cNext = nextContrib;
            final double[] strength = outStrength;
            final double[] tele = teleport;
            final double d = damping;
            final double base = uniformBase;
            final double scale = teleportScale;
            double delta = 0;
            double dangling = 0;
            int e = offsets[chunkBounds[chunk]];
            for (int v = chunkBounds[chunk], end = chunkBounds[chunk + 1]; v < end; v++) {
                final int stop = offsets[v + 1];
                double sum = 0;
                for (; e < stop; e++) {
                    sum += weights.get(e) * c[sources[e]];
                }
                double value = (tele == null ? base : scale * tele[v]) + d * sum;
                delta += Math.abs(value - x[v]);
                xNext[v] = value;
                double s = strength[v];
                if (s > 0) {
                    cNext[v] = value / s;
                } else {
                    dangling += value;
                }
            }
            chunkDelta[chunk] = delta;
            chunkDangling[chunk] = dangling;
        }

        /** {@link #pullChunk} for a graph whose weights are all 1: one less load per edge. */
        private void pullChunkUnweighted(int chunk) {
            final int[] offsets = inOffsets;
            final int[] sources = inSources;
            final double[] c = contrib;
            final double[] x = scores;
            final double[] xNext = next;
            final double[] cNext = nextContrib;
            final double[] strength = outStrength;
            final double[] tele = teleport;
            final double d = damping;
            final double base = uniformBase;
            final double scale = teleportScale;
            double delta = 0;
            double dangling = 0;
            int e = offsets[chunkBounds[chunk]];
            for (int v = chunkBounds[chunk], end = chunkBounds[chunk + 1]; v < end; v++) {
                final int stop = offsets[v + 1];
                double sum = 0;
                for (; e < stop; e++) {
                    sum += c[sources[e]];
                }
                double value = (tele == null ? base : scale * tele[v]) + d * sum;
                delta += Math.abs(value - x[v]);
                xNext[v] = value;
                double s = strength[v];
                if (s > 0) {
                    cNext[v] = value / s;
                } else {
                    dangling += value;
                }
            }
            chunkDelta[chunk] = delta;
            chunkDangling[chunk] = dangling;
        }
    }
}
