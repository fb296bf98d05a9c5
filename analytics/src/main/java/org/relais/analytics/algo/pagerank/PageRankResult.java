package org.relais.analytics.algo.pagerank;

import org.relais.analytics.algo.VertexScores;

/**
 * The PageRank of every vertex, with how it was obtained: the parameters, the iterations run,
 * whether the tolerance was met, and the last L1 change. The scores of all vertices sum to 1.
 */
public final class PageRankResult extends VertexScores {

    private final int iterations;
    private final boolean converged;
    private final double finalDelta;
    private final PageRankParameters parameters;
    private final boolean personalized;
    private final boolean warmStarted;

    PageRankResult(double[] scores, int iterations, boolean converged, double finalDelta,
                   PageRankParameters parameters, boolean personalized, boolean warmStarted) {
        super(scores);
        this.iterations = iterations;
        this.converged = converged;
        this.finalDelta = finalDelta;
        this.parameters = parameters;
        this.personalized = personalized;
        this.warmStarted = warmStarted;
    }

    /** The number of iterations run. */
    public int iterations() {
        return iterations;
    }

    /** Whether the last L1 change was below {@code n * tolerance} before {@code maxIterations} ran out. */
    public boolean converged() {
        return converged;
    }

    /** The L1 norm of the change made by the last iteration (before the final normalisation). */
    public double finalDelta() {
        return finalDelta;
    }

    public PageRankParameters parameters() {
        return parameters;
    }

    /** Whether a teleport vector other than the uniform one was used. */
    public boolean personalized() {
        return personalized;
    }

    /** Whether the iteration started from given scores rather than from {@code 1/n} everywhere. */
    public boolean warmStarted() {
        return warmStarted;
    }

    @Override
    public String toString() {
        return "PageRankResult[vertices=" + vertexCount() + ", iterations=" + iterations + ", converged=" + converged
                + ", finalDelta=" + finalDelta + ", " + parameters + "]";
    }
}
