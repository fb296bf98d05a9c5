package org.relais.analytics.algo.betweenness;

import org.relais.analytics.algo.SampledScores;
import org.relais.analytics.algo.betweenness.BetweennessParameters.Method;

/**
 * The betweenness of every vertex, with how it was obtained: exactly or by sampling, and for a
 * sampled result the guarantee, the number of samples and the seed. Normalised scores are divided
 * by {@code (n-1)(n-2)}.
 */
public final class BetweennessResult extends SampledScores {

    private final Method method;
    private final int samples;
    private final long vertexDiameterBound;
    private final BetweennessParameters parameters;

    BetweennessResult(double[] scores, Method method, int samples, long vertexDiameterBound,
                      BetweennessParameters parameters) {
        super(scores, method == Method.EXACT, parameters.normalized(), parameters.epsilon(), parameters.delta(),
                parameters.seed());
        this.method = method;
        this.samples = samples;
        this.vertexDiameterBound = vertexDiameterBound;
        this.parameters = parameters;
    }

    /** {@link Method#EXACT} or {@link Method#SAMPLED}: what ran ({@link Method#AUTO} resolved). */
    public Method method() {
        return method;
    }

    /** Whether path lengths were {@code 1/weight} rather than hop counts. */
    public boolean weighted() {
        return parameters.weighted();
    }

    /** {@code (n-1)(n-2)}, or 1 below three vertices. */
    @Override
    protected double normalizer() {
        double n = vertexCount();
        return n < 3 ? 1 : (n - 1) * (n - 2);
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

    public BetweennessParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "BetweennessResult[vertices=" + vertexCount() + ", method=" + method
                + (exact() ? "" : ", samples=" + samples + ", epsilon=" + parameters.epsilon() + ", delta="
                + parameters.delta() + ", vertexDiameterBound=" + vertexDiameterBound + ", seed=" + parameters.seed())
                + ", " + parameters + "]";
    }
}
