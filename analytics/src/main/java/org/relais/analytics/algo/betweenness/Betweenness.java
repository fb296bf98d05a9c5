package org.relais.analytics.algo.betweenness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ChunkedExecutor;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.betweenness.BetweennessParameters.Method;
import org.relais.analytics.algo.work.Seeds;
import org.relais.analytics.algo.work.WorkRounds;
import org.relais.analytics.graph.CompactGraph;

/**
 * Shortest-path betweenness of every vertex of a directed graph: exact (Brandes) on graphs within a
 * work budget, sampled with a guaranteed error (Riondato–Kornaropoulos) above it.
 *
 * <h2>Variant</h2>
 * <pre>
 *   b(v) = sum over ordered pairs s != v != t of  sigma_st(v) / sigma_st
 * </pre>
 * where {@code sigma_st} counts the shortest paths from {@code s} to {@code t} and
 * {@code sigma_st(v)} those through {@code v}; pairs without a path count 0. Normalised (the
 * default), {@code b(v)} is divided by {@code (n-1)(n-2)}, the number of ordered pairs that could
 * pass through {@code v}: networkx's {@code betweenness_centrality(G, normalized=True)} on a
 * {@code DiGraph}. (networkx does not rescale graphs of 2 vertices or fewer; their betweenness is 0
 * anyway.) Endpoints are not counted.
 *
 * <p><b>Lengths.</b> By default a path's length is its number of edges, networkx's default
 * ({@code weight=None}): Relais's weights measure how strongly one actor relays another, not a
 * distance, so they do not enter. With {@link BetweennessParameters#weighted()} an edge of weight
 * {@code w} is {@code 1/w} long (networkx's {@code weight=} with a {@code 1/w} attribute), so that
 * paths through strong relays are the short ones; ties between paths are exact {@code double}
 * equalities, as in networkx. On an unweighted graph both are the same.
 *
 * <p><b>Exact.</b> U. Brandes, "A faster algorithm for betweenness centrality", Journal of
 * Mathematical Sociology 25(2) (2001) 163–177: from every source, a BFS (hops) or Dijkstra search
 * (lengths) counting shortest paths, then dependencies accumulated in reverse order. Sources are
 * shared among the threads; each thread sums its dependencies in fixed point (see
 * {@code BrandesSearch}), so that the totals do not depend on which thread ran which source, and
 * the per-thread sums are added at the end. Results agree with networkx to about 1e-16 and are
 * bit-for-bit the same for any thread count.
 *
 * <p><b>Sampled.</b> M. Riondato and E. M. Kornaropoulos, "Fast approximation of betweenness
 * centrality through sampling", WSDM 2014; Data Mining and Knowledge Discovery 30(2) (2016) 438–475.
 * Draw {@code r} ordered pairs {@code (s, t)}, {@code s != t}, uniformly; for each, one shortest path
 * uniformly among those from {@code s} to {@code t}; estimate {@code b(v)} by the fraction of sampled
 * paths with {@code v} inside. With
 * <pre>
 *   r = ceil( (c / eps'^2) * ( floor(log2(VD - 2)) + 1 + ln(1/delta) ) ),   c = 0.5,
 * </pre>
 * where {@code VD} bounds the number of vertices of any shortest path, every estimate is within
 * {@code eps'} of the exact {@code b(v) / (n(n-1))} with probability at least {@code 1 - delta},
 * simultaneously for all vertices (their Theorem 2, through the VC dimension of shortest paths, at
 * most {@code floor(log2(VD - 2)) + 1}; {@code c = 0.5} is the universal constant of Löffler and
 * Phillips they use). Their scale divides by {@code n(n-1)}, networkx's by {@code (n-1)(n-2)}; this
 * class samples with {@code eps' = epsilon (n-2)/n} and reports on networkx's scale, so that every
 * normalised score is within {@link BetweennessParameters#epsilon()} of the exact normalised score
 * with probability at least {@code 1 - delta}. {@code VD} comes from {@code VertexDiameterBound}, a
 * rigorous bound for directed graphs. A graph whose shortest paths have at most 2 vertices has no
 * betweenness at all, and none is sampled. Each path is drawn with a balanced bidirectional BFS
 * (Dijkstra stopped at {@code t} for lengths), see {@code PathSampler}. Sample {@code i} draws its
 * pair and path from a random generator seeded by {@code (seed, i)} alone, and per-vertex counts are
 * integers, so the scores depend on the seed only, never on the thread count.
 *
 * <h2>Cost</h2>
 * Exact: {@code n} searches, {@code O(n m)} time with hops and {@code O(n (m + n log n))} with
 * lengths, spread over the threads. Sampled: {@code O(n + m)} for the diameter bound, then {@code r}
 * path samples; one sample costs at most a full search, and on skewed graphs the bidirectional BFS
 * usually scans a small fraction of the edges. With {@code epsilon = 0.01}, {@code delta = 0.1} and
 * {@code VD} between 18 and 33, {@code r} is about 36,500: on a generated graph of a million vertices
 * and ten million edges ({@code VD <= 22}) they took 6 seconds on two threads.
 *
 * <p>Memory besides the graph, per thread: {@code 32n} bytes exact with hops, {@code 48n} with lengths,
 * {@code 36n} sampled (hops) or {@code 32n} (lengths); plus {@code 8n} for the result. At a million
 * vertices and two threads, under 100 MB.
 *
 * <p>Progress goes to the {@link ProgressListener} at every whole percent of the sources or samples done
 * ({@code iteration} counts the reports, {@code delta} is the fraction left), and cancellation is
 * checked between rounds, up to 10,000 per run (see {@code WorkRounds}).
 * An instance holds only configuration, is immutable, and may run on many graphs, concurrently.
 */
public final class Betweenness {

    /** The phase name given to the {@link ProgressListener}. */
    public static final String PHASE = "betweenness";

    /** Riondato and Kornaropoulos' universal constant (from Löffler and Phillips). */
    public static final double SAMPLE_SIZE_CONSTANT = 0.5;

    private final BetweennessParameters parameters;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    public Betweenness(BetweennessParameters parameters) {
        this(Objects.requireNonNull(parameters, "parameters"), ProgressListener.NONE, () -> false);
    }

    private Betweenness(BetweennessParameters parameters, ProgressListener progress, BooleanSupplier cancelled) {
        this.parameters = parameters;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** Betweenness with the given parameters and nothing else: the common case. */
    public static BetweennessResult compute(CompactGraph graph, BetweennessParameters parameters) {
        return new Betweenness(parameters).run(graph);
    }

    public Betweenness withProgress(ProgressListener listener) {
        return new Betweenness(parameters, Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /** Checks {@code isCancelled} between rounds; once true, {@link #run} throws {@link CancellationException}. */
    public Betweenness withCancellation(BooleanSupplier isCancelled) {
        return new Betweenness(parameters, progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    public BetweennessParameters parameters() {
        return parameters;
    }

    /** The method {@code AUTO} picks for {@code graph}: exact when {@code n (n + m) <= exactWorkLimit}. */
    public static Method resolve(CompactGraph graph, BetweennessParameters parameters) {
        if (parameters.method() != Method.AUTO) {
            return parameters.method();
        }
        double work = (double) graph.vertexCount() * ((double) graph.vertexCount() + graph.edgeCount());
        return work <= parameters.exactWorkLimit() ? Method.EXACT : Method.SAMPLED;
    }

    /**
     * The number of samples the sampled method draws for a graph of {@code n} vertices whose shortest
     * paths have at most {@code vertexDiameter} vertices (0 when that is below 3).
     *
     * @throws IllegalArgumentException if it exceeds {@code Integer.MAX_VALUE}
     */
    public static int sampleSize(int n, long vertexDiameter, double epsilon, double delta) {
        if (vertexDiameter < 3 || n < 3) {
            return 0;
        }
        double eps = epsilon * (n - 2) / n;
        int vcDimension = 63 - Long.numberOfLeadingZeros(vertexDiameter - 2) + 1;
        double r = Math.ceil(SAMPLE_SIZE_CONSTANT / (eps * eps) * (vcDimension + Math.log(1 / delta)));
        if (r > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("epsilon was " + epsilon + ", which needs " + (long) r
                    + " samples on this graph, but at most " + Integer.MAX_VALUE + " are supported");
        }
        return (int) r;
    }

    /**
     * @throws CancellationException    if cancelled (see {@link #withCancellation})
     * @throws IllegalArgumentException if the sampled method would need more than {@code 2^31 - 1} samples
     */
    public BetweennessResult run(CompactGraph graph) {
        Objects.requireNonNull(graph, "graph");
        final int n = graph.vertexCount();
        final Method method = resolve(graph, parameters);
        final boolean realLengths = parameters.weighted() && graph.isWeighted();
        if (n < 3) {
            return new BetweennessResult(new double[n], method, 0, 0, parameters);
        }
        try (ChunkedExecutor executor = new ChunkedExecutor(parameters.threads(), PHASE)) {
            return method == Method.EXACT
                    ? exact(graph, realLengths, executor)
                    : sampled(graph, realLengths, executor);
        }
    }

    private BetweennessResult exact(CompactGraph graph, boolean realLengths, ChunkedExecutor executor) {
        final int n = graph.vertexCount();
        List<BrandesSearch> searches = new ArrayList<>();
        for (int i = 0; i < parameters.threads(); i++) {
            searches.add(new BrandesSearch(graph, realLengths));
        }
        // About a million edge scans per chunk: claiming a chunk costs nothing next to it.
        int chunk = (int) Math.max(1, Math.min(256, 1_000_000L / ((long) n + graph.edgeCount() + 1)));
        WorkRounds.run(executor, searches, n, chunk, PHASE, "sources", progress, cancelled, (search, from, to) -> {
            for (int source = from; source < to; source++) {
                search.accumulate(source);
            }
        });
        double[] scores = new double[n];
        double toScale = parameters.normalized() ? 1.0 : (double) (n - 1) * (n - 2);
        for (int v = 0; v < n; v++) {
            long total = 0;
            for (BrandesSearch search : searches) {
                total += search.sum[v];
            }
            scores[v] = total / BrandesSearch.FIXED_ONE * toScale;
        }
        return new BetweennessResult(scores, Method.EXACT, 0, 0, parameters);
    }

    private BetweennessResult sampled(CompactGraph graph, boolean realLengths, ChunkedExecutor executor) {
        final int n = graph.vertexCount();
        long diameter = VertexDiameterBound.compute(graph, !realLengths);
        int samples = sampleSize(n, diameter, parameters.epsilon(), parameters.delta());
        double[] scores = new double[n];
        if (samples == 0) {
            return new BetweennessResult(scores, Method.SAMPLED, 0, diameter, parameters);
        }
        List<PathSampler> samplers = new ArrayList<>();
        for (int i = 0; i < parameters.threads(); i++) {
            samplers.add(new PathSampler(graph, realLengths));
        }
        final long seed = parameters.seed();
        WorkRounds.run(executor, samplers, samples, 64, PHASE, "samples", progress, cancelled, (sampler, from, to) -> {
            for (int i = from; i < to; i++) {
                SplittableRandom random = new SplittableRandom(Seeds.forItem(seed, i));
                int s = random.nextInt(n);
                int t = random.nextInt(n - 1);
                if (t >= s) {
                    t++;
                }
                sampler.sample(s, t, random);
            }
        });
        // count / r estimates b(v) / (n(n-1)); networkx's scale is b(v) / ((n-1)(n-2)).
        double toScale = parameters.normalized() ? (double) n / (n - 2) : (double) n * (n - 1);
        for (int v = 0; v < n; v++) {
            long hits = 0;
            for (PathSampler sampler : samplers) {
                hits += sampler.hits[v];
            }
            scores[v] = (double) hits / samples * toScale;
        }
        return new BetweennessResult(scores, Method.SAMPLED, samples, diameter, parameters);
    }
}
