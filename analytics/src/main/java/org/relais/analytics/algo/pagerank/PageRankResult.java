package org.relais.analytics.algo.pagerank;

/**
 * The PageRank of every vertex, with how it was obtained: the parameters, the iterations run,
 * whether the tolerance was met, and the last L1 change.
 */
public final class PageRankResult {

    private final double[] scores;
    private final int iterations;
    private final boolean converged;
    private final double finalDelta;
    private final PageRankParameters parameters;
    private final boolean personalized;
    private final boolean warmStarted;

    PageRankResult(double[] scores, int iterations, boolean converged, double finalDelta,
                   PageRankParameters parameters, boolean personalized, boolean warmStarted) {
        this.scores = scores;
        this.iterations = iterations;
        this.converged = converged;
        this.finalDelta = finalDelta;
        this.parameters = parameters;
        this.personalized = personalized;
        this.warmStarted = warmStarted;
    }

    /** The number of vertices scored. */
    public int vertexCount() {
        return scores.length;
    }

    /** The score of one vertex; the scores of all vertices sum to 1. */
    public double score(int vertex) {
        return scores[vertex];
    }

    /** A copy of all scores, indexed by vertex. */
    public double[] scores() {
        return scores.clone();
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
        return "PageRankResult[vertices=" + scores.length + ", iterations=" + iterations + ", converged=" + converged
                + ", finalDelta=" + finalDelta + ", " + parameters + "]";
    }
}
