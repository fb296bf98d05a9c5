package org.relais.analytics.algo;

/**
 * One score per vertex of a graph, as a measure's result holds them: the common part of the result
 * classes of {@code org.relais.analytics.algo}. What a score means (its scale, what it sums to) is
 * said by each subclass.
 */
public abstract class VertexScores {

    private final double[] scores;

    /** @param scores the scores, indexed by vertex; kept, not copied */
    protected VertexScores(double[] scores) {
        this.scores = scores;
    }

    /** The number of vertices scored. */
    public final int vertexCount() {
        return scores.length;
    }

    /** The score of {@code vertex}. */
    public final double score(int vertex) {
        return scores[vertex];
    }

    /** A copy of all scores, indexed by vertex. */
    public final double[] scores() {
        return scores.clone();
    }
}
