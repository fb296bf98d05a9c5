package org.relais.analytics.algo;

/**
 * {@link VertexScores} computed either exactly or from a random sample, with the sample's
 * guarantee: with probability at least {@code 1 - delta}, every normalised score is within
 * {@code epsilon} of the exact one. A result says which method ran and, for a sample, its bound
 * and seed, so that a report can state them.
 */
public abstract class SampledScores extends VertexScores {

    private final boolean exact;
    private final boolean normalized;
    private final double epsilon;
    private final double delta;
    private final long seed;

    /**
     * @param exact whether the exact method ran; then {@code epsilon} and {@code delta} are not used
     * @param normalized whether the scores are on the normalised scale
     * @param epsilon the sample's bound on the normalised scores
     * @param delta the probability that the sample misses that bound
     * @param seed the seed of the sample
     */
    protected SampledScores(double[] scores, boolean exact, boolean normalized, double epsilon, double delta,
            long seed) {
        super(scores);
        this.exact = exact;
        this.normalized = normalized;
        this.epsilon = epsilon;
        this.delta = delta;
        this.seed = seed;
    }

    /** Whether the exact method ran. */
    public final boolean exact() {
        return exact;
    }

    /** Whether the scores are on the normalised scale (each subclass says which scale that is). */
    public final boolean normalized() {
        return normalized;
    }

    /** The guaranteed error on the normalised scores: 0 when exact. */
    public final double epsilon() {
        return exact ? 0 : epsilon;
    }

    /** The probability that the guarantee fails: 0 when exact. */
    public final double delta() {
        return exact ? 0 : delta;
    }

    /** The seed of the sample (unused when exact). */
    public final long seed() {
        return seed;
    }

    /**
     * The bound on every score's absolute error, in the units of {@link #scores()}: {@link #epsilon()},
     * times {@link #normalizer()} when the scores are not normalised.
     */
    public final double absoluteErrorBound() {
        return normalized ? epsilon() : epsilon() * normalizer();
    }

    /** What a score is divided by to normalise it, for this result's number of vertices. */
    protected abstract double normalizer();
}
