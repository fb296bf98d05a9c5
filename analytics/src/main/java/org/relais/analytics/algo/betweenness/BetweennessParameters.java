package org.relais.analytics.algo.betweenness;

import java.util.Objects;

/**
 * The options of {@link Betweenness}, validated when the record is made.
 *
 * @param method          {@link Method#EXACT}, {@link Method#SAMPLED}, or {@link Method#AUTO}: exact when
 *                        its work {@code n * (n + m)} is at most {@code exactWorkLimit}, sampled above
 * @param weighted        false: shortest paths count hops (networkx's default, {@code weight=None});
 *                        true: an edge of weight {@code w} is {@code 1/w} long, so strong relays are short
 * @param normalized      true: divided by {@code (n-1)(n-2)}, networkx's {@code normalized=True} for
 *                        directed graphs, so that scores are fractions of ordered pairs, in [0, 1]
 * @param exactWorkLimit  the most work, counted as {@code n * (n + m)}, that {@link Method#AUTO} spends on
 *                        the exact method; {@code >= 0}
 * @param epsilon         the sampled method's guaranteed additive error on the normalised scores, in (0, 1)
 * @param delta           the probability that the sampled method misses that guarantee, in (0, 1)
 * @param seed            the seed of the sampled method; the same seed gives the same scores
 * @param threads         the threads that run sources or samples, {@code >= 1}; the scores do not depend on it
 */
public record BetweennessParameters(Method method, boolean weighted, boolean normalized, long exactWorkLimit,
                                    double epsilon, double delta, long seed, int threads) {

    /** How the scores are computed. */
    public enum Method {
        /** Exact below {@code exactWorkLimit}, sampled above. */
        AUTO,
        /** Brandes' algorithm: one shortest-path search from every vertex. */
        EXACT,
        /** Riondato and Kornaropoulos' sampling of shortest paths, with an error guarantee. */
        SAMPLED
    }

    public static final Method DEFAULT_METHOD = Method.AUTO;

    /**
     * 1e10 units of {@code n * (n + m)}: about 40 seconds of exact work on two free cores of the
     * reference machine (measured at 7.2e-9 CPU seconds per unit on a generated graph of 20,000
     * vertices and 250,000 edges), e.g. 25,000 actors with 375,000 edges.
     */
    public static final long DEFAULT_EXACT_WORK_LIMIT = 10_000_000_000L;

    /** Every normalised score within 0.01 of the exact one (a pair fraction of 1%). */
    public static final double DEFAULT_EPSILON = 0.01;

    /** ... with probability at least 90%. */
    public static final double DEFAULT_DELTA = 0.1;

    public static final long DEFAULT_SEED = 42;

    public BetweennessParameters {
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

    /** Hop distances, normalised, AUTO with the defaults above, one thread per available processor. */
    public static BetweennessParameters defaults() {
        return new BetweennessParameters(DEFAULT_METHOD, false, true, DEFAULT_EXACT_WORK_LIMIT, DEFAULT_EPSILON,
                DEFAULT_DELTA, DEFAULT_SEED, Runtime.getRuntime().availableProcessors());
    }

    public BetweennessParameters withMethod(Method method) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withWeighted(boolean weighted) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withNormalized(boolean normalized) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withExactWorkLimit(long exactWorkLimit) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withEpsilon(double epsilon) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withDelta(double delta) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withSeed(long seed) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }

    public BetweennessParameters withThreads(int threads) {
        return new BetweennessParameters(method, weighted, normalized, exactWorkLimit, epsilon, delta, seed, threads);
    }
}
