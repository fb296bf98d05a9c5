package org.relais.analytics.algo.closeness;

import org.relais.analytics.algo.SampledScores;
import org.relais.analytics.algo.closeness.HarmonicClosenessParameters.Method;

/**
 * The harmonic closeness of every vertex, with how it was obtained: exactly or from sampled sources,
 * and for a sampled result the guarantee, the number of sources and the seed. Normalised scores are
 * divided by {@code n - 1}.
 */
public final class HarmonicClosenessResult extends SampledScores {

    private final Method method;
    private final int sources;
    private final HarmonicClosenessParameters parameters;

    HarmonicClosenessResult(double[] scores, Method method, int sources, HarmonicClosenessParameters parameters) {
        super(scores, method == Method.EXACT, parameters.normalized(), parameters.epsilon(), parameters.delta(),
                parameters.seed());
        this.method = method;
        this.sources = sources;
        this.parameters = parameters;
    }

    /** {@link Method#EXACT} or {@link Method#SAMPLED}: what ran ({@link Method#AUTO} resolved). */
    public Method method() {
        return method;
    }

    /** {@code n - 1}, or 1 below two vertices. */
    @Override
    protected double normalizer() {
        return vertexCount() < 2 ? 1 : vertexCount() - 1;
    }

    /** The sources whose searches were run: {@code n} when exact, {@code k} when sampled. */
    public int sources() {
        return sources;
    }

    public HarmonicClosenessParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "HarmonicClosenessResult[vertices=" + vertexCount() + ", method=" + method + ", sources=" + sources
                + (exact() ? "" : ", epsilon=" + parameters.epsilon() + ", delta=" + parameters.delta()
                + ", seed=" + parameters.seed()) + ", " + parameters + "]";
    }
}
