package org.relais.analytics.algo.hits;

/**
 * The hub and authority score of every vertex, each vector summing to 1, with how they were
 * obtained: the parameters, the iterations run, whether the tolerance was met, and the last change.
 */
public final class HitsResult {

    private final double[] hubs;
    private final double[] authorities;
    private final int iterations;
    private final boolean converged;
    private final double finalDelta;
    private final HitsParameters parameters;

    HitsResult(double[] hubs, double[] authorities, int iterations, boolean converged, double finalDelta,
               HitsParameters parameters) {
        this.hubs = hubs;
        this.authorities = authorities;
        this.iterations = iterations;
        this.converged = converged;
        this.finalDelta = finalDelta;
        this.parameters = parameters;
    }

    /** The number of vertices scored. */
    public int vertexCount() {
        return authorities.length;
    }

    /** How much the vertex is pointed to by good hubs; the authorities of all vertices sum to 1. */
    public double authority(int vertex) {
        return authorities[vertex];
    }

    /** How much the vertex points to good authorities; the hubs of all vertices sum to 1. */
    public double hub(int vertex) {
        return hubs[vertex];
    }

    /** A copy of all authority scores, indexed by vertex. */
    public double[] authorities() {
        return authorities.clone();
    }

    /** A copy of all hub scores, indexed by vertex. */
    public double[] hubs() {
        return hubs.clone();
    }

    /** The number of iterations run (each one authority and one hub update). */
    public int iterations() {
        return iterations;
    }

    /** Whether the last change was below {@code n * tolerance} before {@code maxIterations} ran out. */
    public boolean converged() {
        return converged;
    }

    /** The L1 norm of the change of the authority vector (scaled to sum 1) in the last iteration. */
    public double finalDelta() {
        return finalDelta;
    }

    public HitsParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "HitsResult[vertices=" + authorities.length + ", iterations=" + iterations + ", converged=" + converged
                + ", finalDelta=" + finalDelta + ", " + parameters + "]";
    }
}
