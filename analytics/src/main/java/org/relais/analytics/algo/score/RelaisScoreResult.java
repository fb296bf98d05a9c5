package org.relais.analytics.algo.score;

import org.relais.analytics.algo.VertexScores;

/**
 * The Relais score (0 to 100) of every vertex, with the floor it was measured from and how many
 * vertices reached the top of the scale. Every score is in [0, 100].
 */
public final class RelaisScoreResult extends VertexScores {

    private final double floor;
    private final int saturated;
    private final double damping;
    private final RelaisScoreParameters parameters;

    RelaisScoreResult(double[] scores, double floor, int saturated, double damping, RelaisScoreParameters parameters) {
        super(scores);
        this.floor = floor;
        this.saturated = saturated;
        this.damping = damping;
        this.parameters = parameters;
    }

    /** The PageRank of a vertex without in-edges in this graph: the score's 0. */
    public double floor() {
        return floor;
    }

    /** {@link #floor()} times the number of vertices: the floor relative to the average PageRank {@code 1/N}. */
    public double relativeFloor() {
        return floor * vertexCount();
    }

    /** How many vertices have a PageRank of at least {@code 10^decades} times the floor, and so score 100. */
    public int saturated() {
        return saturated;
    }

    /** The damping of the PageRank the scores come from. */
    public double damping() {
        return damping;
    }

    public RelaisScoreParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "RelaisScoreResult[vertices=" + vertexCount() + ", floor=" + floor + ", saturated=" + saturated
                + ", damping=" + damping + ", " + parameters + "]";
    }
}
