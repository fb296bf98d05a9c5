package org.relais.analytics.distributed;

import java.util.Iterator;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The scores of {@link DistributedPageRank}, still on the cluster, with how they were obtained.
 */
public final class DistributedPageRankResult {

    private final Dataset<Row> scores;
    private final long vertexCount;
    private final long edgeCount;
    private final boolean converged;
    private final double finalDelta;
    private final DistributedPageRankParameters parameters;
    private final int iterations;
    private final Runnable release;

    DistributedPageRankResult(Dataset<Row> scores, long vertexCount, long edgeCount, boolean converged,
                              double finalDelta, DistributedPageRankParameters parameters, int iterations,
                              Runnable release) {
        this.scores = scores;
        this.release = release;
        this.vertexCount = vertexCount;
        this.edgeCount = edgeCount;
        this.converged = converged;
        this.finalDelta = finalDelta;
        this.parameters = parameters;
        this.iterations = iterations;
    }

    /**
     * Frees the cached partitions the {@link #scores()} are computed from; call it once they are
     * written or collected (reading them after recomputes everything).
     */
    public void release() {
        release.run();
    }

    /**
     * One row per vertex, {@link DistributedPageRank#SCORES_SCHEMA}: {@code id}, {@code pagerank}, in no
     * particular order; the scores sum to 1. Computed from cached partitions: see {@link #release()}.
     */
    public Dataset<Row> scores() {
        return scores;
    }

    /**
     * The scores as an array indexed by vertex, collected to the driver: for tests and for graphs small
     * enough to hold {@code 8n} bytes there.
     */
    public double[] toArray() {
        if (vertexCount > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException(vertexCount + " vertices do not fit in an array");
        }
        double[] out = new double[(int) vertexCount];
        for (Iterator<Row> it = scores.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            out[(int) r.getLong(0)] = r.getDouble(1);
        }
        return out;
    }

    public long vertexCount() {
        return vertexCount;
    }

    /** Distinct (source, target) pairs after merging parallel edges and dropping self-loops. */
    public long edgeCount() {
        return edgeCount;
    }

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

    public DistributedPageRankParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "DistributedPageRankResult[vertices=" + vertexCount + ", edges=" + edgeCount + ", iterations="
                + iterations + ", converged=" + converged + ", finalDelta=" + finalDelta + ", " + parameters + "]";
    }
}
