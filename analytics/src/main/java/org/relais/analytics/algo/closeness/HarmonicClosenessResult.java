package org.relais.analytics.algo.closeness;

import org.relais.analytics.algo.closeness.HarmonicClosenessParameters.Method;

/**
 * The harmonic closeness of every vertex, with how it was obtained: exactly or from sampled sources,
 * and for a sampled result the guarantee, the number of sources and the seed.
 */
public final class HarmonicClosenessResult {

    private final double[] scores;
    private final Method method;
    private final int sources;
    private final HarmonicClosenessParameters parameters;

    HarmonicClosenessResult(double[] scores, Method method, int sources, HarmonicClosenessParameters parameters) {
        this.scores = scores;
        this.method = method;
        this.sources = sources;
        this.parameters = parameters;
    }

    public int vertexCount() {
        return scores.length;
    }

    /** The vertex's harmonic closeness, normalised or not as {@link #normalized()} says. */
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

    /** Whether the scores are divided by {@code n - 1}. */
    public boolean normalized() {
        return parameters.normalized();
    }

    /** The guaranteed error on the normalised scores: 0 when exact, else {@link HarmonicClosenessParameters#epsilon()}. */
    public double epsilon() {
        return exact() ? 0 : parameters.epsilon();
    }

    /** The probability that the guarantee fails: 0 when exact, else {@link HarmonicClosenessParameters#delta()}. */
    public double delta() {
        return exact() ? 0 : parameters.delta();
    }

    /** The bound on every score's absolute error, in the units of {@link #scores()}. */
    public double absoluteErrorBound() {
        return normalized() || scores.length < 2 ? epsilon() : epsilon() * (scores.length - 1);
    }

    /** The sources whose searches were run: {@code n} when exact, {@code k} when sampled. */
    public int sources() {
        return sources;
    }

    /** The seed that picked the sources (unused when exact). */
    public long seed() {
        return parameters.seed();
    }

    public HarmonicClosenessParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "HarmonicClosenessResult[vertices=" + scores.length + ", method=" + method + ", sources=" + sources
                + (exact() ? "" : ", epsilon=" + parameters.epsilon() + ", delta=" + parameters.delta()
                + ", seed=" + parameters.seed()) + ", " + parameters + "]";
    }
}
