package org.relais.analytics.distributed;

/**
 * Decides whether PageRank runs on the driver's compact in-memory graph or iterates on Spark, from
 * an estimate of the bytes the in-memory path needs and a budget.
 *
 * <h2>Estimate</h2>
 * From {@code CompactGraph}'s documented layout and {@code PageRank}'s working memory, for {@code n}
 * vertices and {@code m} edges:
 * <pre>
 *   graph    = 8m (out-targets and in-sources, int) + 8m (out- and in-weights, float) + 16n (two offset
 *              arrays and the out-strengths)
 *   pageRank = 32n (scores, next scores, two contribution arrays, double)
 *   total    = 16m + 48n
 * </pre>
 * The weights are counted even though an unweighted graph does without them, because the decision is
 * taken before the graph is built. Not counted: the transient cost of building the graph (the collected
 * edge arrays, about 16 bytes per edge record, and the builder's scratch, about 24 per record, for a
 * moment) and the JVM's own headroom; choose the budget with them in mind, e.g. a third of the driver's
 * heap ({@link #ofHeapFraction(double)}). The in-memory path is also ruled out, whatever the budget,
 * when {@code n} or {@code m} exceeds what {@code int}-indexed arrays hold.
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

    /**
     * {@link Path#IN_MEMORY} when {@link #estimateBytes} fits the budget and the sizes fit {@code int}
     * arrays, else {@link Path#DISTRIBUTED}.
     *
     * @param edges the number of edges, or an upper bound such as the number of edge records
     */
    public Path decide(long vertices, long edges) {
        long estimate = estimateBytes(vertices, edges);
        boolean fitsArrays = vertices <= MAX_IN_MEMORY_SIZE && edges <= MAX_IN_MEMORY_SIZE;
        return fitsArrays && estimate <= budgetBytes ? Path.IN_MEMORY : Path.DISTRIBUTED;
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
