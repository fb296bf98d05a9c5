package org.relais.analytics.distributed;

/**
 * Decides whether a graph is analysed in the driver's memory or PageRank iterates on Spark, from an
 * estimate of the bytes the in-memory path needs and a budget.
 *
 * <h2>PageRank alone</h2>
 * {@link #estimateBytes}, for {@link PageRankOnSpark}, from {@code CompactGraph}'s documented layout
 * and {@code PageRank}'s working memory, for {@code n} vertices and {@code m} edges:
 * <pre>
 *   graph    = 8m (out-targets and in-sources, int) + 8m (out- and in-weights, float) + 16n (two offset
 *              arrays and the out-strengths)
 *   pageRank = 32n (scores, next scores, two contribution arrays, double)
 *   total    = 16m + 48n
 * </pre>
 * The weights are counted as plain {@code float}s, even though an unweighted graph does without them
 * and most weighted ones code them in 4 bytes per edge instead of 8 ({@code EdgeWeights}), because the
 * decision is taken before the graph is built: the estimate is an upper bound. Not counted: the transient cost of building the graph (the collected
 * edge arrays, about 16 bytes per edge record, and the builder's scratch, about 24 per record, for a
 * moment) and the JVM's own headroom; choose the budget with them in mind, e.g. a third of the driver's
 * heap ({@link #ofHeapFraction(double)}).
 *
 * <h2>The analyze job</h2>
 * {@link #analyzeBytes}: the analyze job's in-memory path holds much more than PageRank's arrays, at
 * different moments:
 * <ul>
 *   <li>per edge: the collected edge arrays and the builder's scratch while the graph is built
 *       (16 + 24 bytes), the graph (16), and while communities are found the undirected copy (24 per
 *       undirected edge) with Leiden's aggregation, which fills arrays as large as the undirected graph
 *       before trimming them (up to 48 more);</li>
 *   <li>per vertex: the actor id (a {@code String} of about 27 characters, some 72 bytes), the graph's
 *       offsets and strengths, every result (about 130 bytes: PageRank and personalised PageRank, the
 *       Relais score, degrees and strengths, HITS, core numbers, betweenness, closeness, communities,
 *       community ranks, bubble reach), PageRank's working arrays, Leiden's scratch (about 70), and the
 *       slices of the score and community tables (about 110, {@code ColumnSlices});</li>
 *   <li>per vertex and thread: the scratch of betweenness and closeness (36 bytes sampled).</li>
 * </ul>
 * Actor platforms and names, the counts of interactions received and the score rows stay in Spark.
 * The constants were measured rather than added up: {@code AnalyzeMemoryExperiment} (analytics test
 * sources) does in one JVM what the driver does (ids, collected edges, graph, every measure with
 * personalised PageRank, table slices) on a random graph with skewed in-degrees and a fifth of the
 * vertices isolated, and the smallest {@code -Xmx} with which it finished (to within 4 %) was, for
 * {@code (n, m, threads)}: (200k, 2M, 2) 295 MB, (200k, 6M, 2) 703 MB, (600k, 2M, 2) 428 MB,
 * (200k, 2M, 8) 288 MB, (400k, 400k, 1) 206 MB, (400k, 400k, 16) 397 MB. The differences give 107
 * bytes per edge, 350 per vertex and 33 per vertex and thread; rounded up,
 * <pre>
 *   analyze = 108m + (400 + 36t)n
 * </pre>
 * which gives 296, 708, 476, 337, 208 and 413 MB for those runs: at or above every measurement, by
 * at most 17 %. The peak was in Leiden's first aggregation on the denser graphs and in betweenness
 * with 16 threads; the thread term overestimates when the peak is elsewhere, as in the run with 8.
 * The JVM's own headroom and Spark's driver memory come on top: keep the budget at about a third of
 * the driver's heap.
 *
 * <p>The in-memory path is ruled out, whatever the budget, when {@code n} or {@code m} exceeds what
 * {@code int}-indexed arrays hold.
 *
 * @param budgetBytes the most bytes the in-memory path may use, {@code >= 0}
 */
public record MemoryBudget(long budgetBytes) {

    /** Where PageRank runs. */
    public enum Path {
        /** On the driver: {@code CompactGraph} and {@code PageRank}. */
        IN_MEMORY,
        /** On the cluster: {@link DistributedPageRank}. */
        DISTRIBUTED
    }

    /** The largest {@code n} or {@code m} the in-memory arrays can index (Java arrays hold a little less than 2^31). */
    public static final long MAX_IN_MEMORY_SIZE = Integer.MAX_VALUE - 16;

    public MemoryBudget {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes was " + budgetBytes + ", but must be >= 0");
        }
    }

    /**
     * A budget of a fraction of the heap this JVM may grow to ({@code Runtime.maxMemory()}): on the driver,
     * the driver's heap.
     *
     * @param fraction in {@code (0, 1]}
     */
    public static MemoryBudget ofHeapFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction was " + fraction + ", but must be in (0, 1]");
        }
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * fraction));
    }

    /** The bytes of a weighted {@code CompactGraph}: {@code 16m + 16n}. */
    public static long graphBytes(long vertices, long edges) {
        checkSizes(vertices, edges);
        return 8 * edges + 8 * edges + 16 * vertices;
    }

    /** PageRank's working memory besides the graph: {@code 32n}. */
    public static long pageRankBytes(long vertices) {
        checkSizes(vertices, 0);
        return 32 * vertices;
    }

    /** {@link #graphBytes} + {@link #pageRankBytes}: {@code 16m + 48n}. */
    public static long estimateBytes(long vertices, long edges) {
        return graphBytes(vertices, edges) + pageRankBytes(vertices);
    }

    /** The analyze job's bytes per edge, measured (see the class comment). */
    public static final long ANALYZE_BYTES_PER_EDGE = 108;
    /** The analyze job's bytes per vertex whatever the threads, measured (see the class comment). */
    public static final long ANALYZE_BYTES_PER_VERTEX = 400;
    /** The analyze job's bytes per vertex and thread, measured (see the class comment). */
    public static final long ANALYZE_BYTES_PER_VERTEX_AND_THREAD = 36;

    /**
     * The driver memory of the analyze job's in-memory path: the graph, every measure, the actor ids
     * and the slices of the tables it writes, {@code 108m + (400 + 36t)n} for {@code t} threads (see
     * the class comment).
     *
     * @param threads the threads of the in-memory measures, {@code >= 1}
     */
    public static long analyzeBytes(long vertices, long edges, int threads) {
        checkSizes(vertices, edges);
        if (threads < 1) {
            throw new IllegalArgumentException("threads was " + threads + ", but must be >= 1");
        }
        return ANALYZE_BYTES_PER_EDGE * edges
                + (ANALYZE_BYTES_PER_VERTEX + ANALYZE_BYTES_PER_VERTEX_AND_THREAD * threads) * vertices;
    }

    /**
     * {@link Path#IN_MEMORY} when {@link #estimateBytes} fits the budget and the sizes fit {@code int}
     * arrays, else {@link Path#DISTRIBUTED}.
     *
     * @param edges the number of edges, or an upper bound such as the number of edge records
     */
    public Path decide(long vertices, long edges) {
        return decide(vertices, edges, estimateBytes(vertices, edges));
    }

    /**
     * {@link Path#IN_MEMORY} when {@code estimatedBytes} (e.g. {@link #analyzeBytes}) fits the budget
     * and the sizes fit {@code int} arrays, else {@link Path#DISTRIBUTED}.
     */
    public Path decide(long vertices, long edges, long estimatedBytes) {
        checkSizes(vertices, edges);
        boolean fitsArrays = vertices <= MAX_IN_MEMORY_SIZE && edges <= MAX_IN_MEMORY_SIZE;
        return fitsArrays && estimatedBytes <= budgetBytes ? Path.IN_MEMORY : Path.DISTRIBUTED;
    }

    private static void checkSizes(long vertices, long edges) {
        if (vertices < 0) {
            throw new IllegalArgumentException("vertices was " + vertices + ", but must be >= 0");
        }
        if (edges < 0) {
            throw new IllegalArgumentException("edges was " + edges + ", but must be >= 0");
        }
    }
}
