package org.relais.analytics.algo;

/**
 * Receives progress from a long-running algorithm, once per iteration, so that a job can log it
 * and a test can stay silent with {@link #NONE}.
 *
 * <p>Implementations are called from the thread that runs the algorithm, between iterations (never
 * from a worker thread in the middle of one), and should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every report. */
    ProgressListener NONE = (phase, iteration, delta) -> { };

    /**
     * Called after each completed iteration.
     *
     * @param phase     what is running, e.g. {@code "pagerank"}
     * @param iteration the 1-based number of the iteration just completed
     * @param delta     the algorithm's convergence measure after it (for PageRank the L1 change)
     */
    void onIteration(String phase, int iteration, double delta);
}
