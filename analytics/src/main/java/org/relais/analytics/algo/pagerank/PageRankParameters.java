package org.relais.analytics.algo.pagerank;

/**
 * The options of {@link PageRank}, validated when the record is made.
 *
 * @param damping       the probability of following a link rather than teleporting, in {@code [0, 1)};
 *                      networkx calls it {@code alpha}
 * @param tolerance     the run stops once the L1 norm of the change between two iterations is below
 *                      {@code n * tolerance} (networkx's {@code tol}); {@code >= 0}, and 0 means
 *                      "run exactly {@code maxIterations} iterations"
 * @param maxIterations the most iterations to run, {@code >= 1}; reaching it without meeting the
 *                      tolerance is reported as not converged, not as an error
 * @param threads       the threads that run an iteration, {@code >= 1}; the scores do not depend on it
 */
public record PageRankParameters(double damping, double tolerance, int maxIterations, int threads) {

    /** The usual 0.85 of Brin and Page, and of networkx and igraph. */
    public static final double DEFAULT_DAMPING = 0.85;

    /**
     * 1e-15 per vertex, networkx's {@code tol} in the reference figures: the L1 change at the stop is
     * then below {@code n * 1e-15}, and the L1 error of the scores below about
     * {@code damping / (1 - damping)} times that, 1e-11 for 1,500 vertices.
     */
    public static final double DEFAULT_TOLERANCE = 1e-15;

    /**
     * Enough for the default tolerance: the error shrinks by the damping factor per iteration, so
     * 0.85 needs about 170 iterations for 1e-12 and 1000 leaves room for higher damping.
     */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    public PageRankParameters {
        if (!(damping >= 0 && damping < 1)) {
            throw new IllegalArgumentException("damping was " + damping + ", but must be in [0, 1)");
        }
        if (!(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance was " + tolerance + ", but must be finite and >= 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations was " + maxIterations + ", but must be >= 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads was " + threads + ", but must be >= 1");
        }
    }

    /** The defaults above, with one thread per available processor. */
    public static PageRankParameters defaults() {
        return new PageRankParameters(DEFAULT_DAMPING, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS,
                Runtime.getRuntime().availableProcessors());
    }

    public PageRankParameters withDamping(double damping) {
        return new PageRankParameters(damping, tolerance, maxIterations, threads);
    }

    public PageRankParameters withTolerance(double tolerance) {
        return new PageRankParameters(damping, tolerance, maxIterations, threads);
    }

    public PageRankParameters withMaxIterations(int maxIterations) {
        return new PageRankParameters(damping, tolerance, maxIterations, threads);
    }

    public PageRankParameters withThreads(int threads) {
        return new PageRankParameters(damping, tolerance, maxIterations, threads);
    }
}
