package org.relais.analytics.algo.betweenness;

import org.relais.analytics.algo.betweenness.BetweennessParameters.Method;

/**
 * The betweenness of every vertex, with how it was obtained: exactly or by sampling, and for a
 * sampled result the guarantee, the number of samples and the seed.
 */
public final class BetweennessResult {

    private final double[] scores;
    private final Method method;
    private final int samples;
    private final long vertexDiameterBound;
    private final BetweennessParameters parameters;

    BetweennessResult(double[] scores, Method method, int samples, long vertexDiameterBound,
                      BetweennessParameters parameters) {
        this.scores = scores;
        this.method = method;
        this.samples = samples;
        this.vertexDiameterBound = vertexDiameterBound;
        this.parameters = parameters;
    }

    public int vertexCount() {
        return scores.length;
    }

    /** The vertex's betweenness, normalised or not as {@link #normalized()} says. */
    public double score(int vertex) {
        return scores[vertex];
    }

    /** A copy of all scores, indexed by vertex. */
    public double[] scores() {
        return scores.clone();
    }

    /** {@link Method#EXACT} or {@link Method#SAMPLED}: what ran ({@link Method#AUTO} resolved). */
    public Method method() {
        return method;
    }

    public boolean exact() {
        return method == Method.EXACT;
    }

    /** Whether the scores are divided by {@code (n-1)(n-2)}. */
    public boolean normalized() {
        return parameters.normalized();
    }

    /** Whether path lengths were {@code 1/weight} rather than hop counts. */
    public boolean weighted() {
        return parameters.weighted();
    }

    /** The guaranteed error on the normalised scores: 0 when exact, else {@link BetweennessParameters#epsilon()}. */
    public double epsilon() {
        return exact() ? 0 : parameters.epsilon();
    }

    /** The probability that the guarantee fails: 0 when exact, else {@link BetweennessParameters#delta()}. */
    public double delta() {
        return exact() ? 0 : parameters.delta();
    }

    /**
     * The bound on every score's absolute error, in the units of {@link #scores()}: {@link #epsilon()},
     * times {@code (n-1)(n-2)} when not normalised.
     */
    public double absoluteErrorBound() {
        double n = scores.length;
        return normalized() || n < 3 ? epsilon() : epsilon() * (n - 1) * (n - 2);
    }

    /** The shortest paths sampled; 0 when exact. */
    public int samples() {
        return samples;
    }

    /**
     * The upper bound on the number of vertices of a shortest path that fixed the sample size; 0 when
     * exact.
     */
    public long vertexDiameterBound() {
        return vertexDiameterBound;
    }

    /** The seed of the sampled method (unused when exact). */
    public long seed() {
        return parameters.seed();
    }

    public BetweennessParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "BetweennessResult[vertices=" + scores.length + ", method=" + method
                + (exact() ? "" : ", samples=" + samples + ", epsilon=" + parameters.epsilon() + ", delta="
                + parameters.delta() + ", vertexDiameterBound=" + vertexDiameterBound + ", seed=" + parameters.seed())
                + ", " + parameters + "]";
    }
}
