package org.relais.analytics.algo.closeness;

import java.util.Objects;

/**
 * The options of {@link HarmonicCloseness}, validated when the record is made.
 *
 * @param method         {@link Method#EXACT}, {@link Method#SAMPLED}, or {@link Method#AUTO}: exact when
 *                       its work {@code n * (n + m)} is at most {@code exactWorkLimit}, sampled above
 * @param normalized     false: networkx's {@code harmonic_centrality} (a sum over vertices, up to
 *                       {@code n - 1}); true: that sum divided by {@code n - 1}, in [0, 1]
 * @param exactWorkLimit the most work, counted as {@code n * (n + m)}, that {@link Method#AUTO} spends on
 *                       the exact method; {@code >= 0}
 * @param epsilon        the sampled method's guaranteed additive error on the normalised scores, in (0, 1)
 * @param delta          the probability that the sampled method misses that guarantee, in (0, 1)
 * @param seed           the seed that picks the sampled sources; the same seed gives the same scores
 * @param threads        the threads that run the searches, {@code >= 1}; the scores do not depend on it
 */
public record HarmonicClosenessParameters(Method method, boolean normalized, long exactWorkLimit, double epsilon,
                                          double delta, long seed, int threads) {

    /** How the scores are computed. */
    public enum Method {
        /** Exact below {@code exactWorkLimit}, sampled above. */
        AUTO,
        /** One BFS per vertex. */
        EXACT,
        /** One BFS per sampled source, with a Hoeffding guarantee. */
        SAMPLED
    }

    public static final Method DEFAULT_METHOD = Method.AUTO;

    /**
     * 5e10 units of {@code n * (n + m)}: about 25 seconds of exact work on two free cores of the
     * reference machine (measured at 9.7e-10 CPU seconds per unit on a generated graph of 20,000
     * vertices and 250,000 edges; larger graphs cost more per unit, as their arrays outgrow the
     * caches), e.g. 70,000 actors with 650,000 edges. A harmonic search is about seven times
     * cheaper than a Brandes search, hence the higher limit than betweenness's.
     */
    public static final long DEFAULT_EXACT_WORK_LIMIT = 50_000_000_000L;

    /**
     * 0.05 on the normalised scale. The number of sources grows as {@code 1/epsilon^2}
     * ({@code ln(2n/delta) / (2 epsilon^2)}): 3,400 full BFS at a million vertices, against 84,000
     * for 0.01.
     */
    public static final double DEFAULT_EPSILON = 0.05;

    public static final double DEFAULT_DELTA = 0.1;

    public static final long DEFAULT_SEED = 42;

    public HarmonicClosenessParameters {
        Objects.requireNonNull(method, "method");
        if (exactWorkLimit < 0) {
            throw new IllegalArgumentException("exactWorkLimit was " + exactWorkLimit + ", but must be >= 0");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon was " + epsilon + ", but must be in (0, 1)");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta was " + delta + ", but must be in (0, 1)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads was " + threads + ", but must be >= 1");
        }
    }

    /** networkx's scale (not normalised), AUTO with the defaults above, one thread per available processor. */
    public static HarmonicClosenessParameters defaults() {
        return new HarmonicClosenessParameters(DEFAULT_METHOD, false, DEFAULT_EXACT_WORK_LIMIT, DEFAULT_EPSILON,
                DEFAULT_DELTA, DEFAULT_SEED, Runtime.getRuntime().availableProcessors());
    }

    public HarmonicClosenessParameters withMethod(Method method) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public HarmonicClosenessParameters withNormalized(boolean normalized) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public HarmonicClosenessParameters withExactWorkLimit(long exactWorkLimit) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public HarmonicClosenessParameters withEpsilon(double epsilon) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public HarmonicClosenessParameters withDelta(double delta) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public HarmonicClosenessParameters withSeed(long seed) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public HarmonicClosenessParameters withThreads(int threads) {
        return new HarmonicClosenessParameters(method, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }
}
