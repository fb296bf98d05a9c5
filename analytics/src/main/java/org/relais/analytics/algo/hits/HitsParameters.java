package org.relais.analytics.algo.hits;

/**
 * The options of {@link Hits}, validated when the record is made.
 *
 * @param tolerance     the run stops once the L1 norm of the change of the authority vector (scaled
 *                      to sum 1) between two iterations is below {@code n * tolerance}; finite and
 *                      {@code >= 0}, and 0 means "run exactly {@code maxIterations} iterations"
 * @param maxIterations the most iterations to run, {@code >= 1}; reaching it without meeting the
 *                      tolerance is reported as not converged, not as an error
 * @param threads       the threads that run an iteration, {@code >= 1}; the scores do not depend on it
 */
public record HitsParameters(double tolerance, int maxIterations, int threads) {

    /**
     * 1e-15 per vertex, as for PageRank. The error after stopping is about {@code r / (1 - r)} times
     * the last change, with {@code r = (sigma2 / sigma1)^2} the ratio of the two largest squared
     * singular values of the adjacency matrix: 0.67 on the political-blogs network, where this
     * tolerance stops after 66 iterations with every score within 4e-14 of networkx's.
     */
    public static final double DEFAULT_TOLERANCE = 1e-15;

    /** Room for graphs whose two leading singular values are close (slow convergence). */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    public HitsParameters {
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
    public static HitsParameters defaults() {
        return new HitsParameters(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, Runtime.getRuntime().availableProcessors());
    }

    public HitsParameters withTolerance(double tolerance) {
        return new HitsParameters(tolerance, maxIterations, threads);
    }

    public HitsParameters withMaxIterations(int maxIterations) {
        return new HitsParameters(tolerance, maxIterations, threads);
    }

    public HitsParameters withThreads(int threads) {
        return new HitsParameters(tolerance, maxIterations, threads);
    }
}
