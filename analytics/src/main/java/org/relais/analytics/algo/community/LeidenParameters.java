package org.relais.analytics.algo.community;

/**
 * The options of {@link Leiden}, validated when the record is made.
 *
 * @param resolution    {@code γ > 0} in the modularity {@code Σ_c [L_c/m − γ (K_c/2m)²]}: above 1 favours
 *                      more, smaller communities, below 1 fewer, larger ones
 * @param randomness    {@code θ > 0}: in the refinement phase a vertex joins a sub-community with
 *                      probability proportional to {@code exp(ΔH/θ)}, where {@code ΔH} is the gain in
 *                      units of edge weight ({@code ΔQ · m}); the default 0.01 makes it all but greedy,
 *                      choosing at random only between (near) ties. Unused when {@code refinement} is off
 * @param maxIterations the most passes to run, {@code >= 1}; a pass that moves no vertex ends the run
 *                      early and the partition is reported as converged
 * @param seed          the seed of every random choice (vertex orders, refinement); the same seed on the
 *                      same graph gives the same partition
 * @param refinement    true for Leiden (Traag et al. 2019, communities guaranteed connected); false for
 *                      the Louvain method (Blondel et al. 2008), which aggregates the communities of
 *                      the local-moving phase directly and may leave a community disconnected
 */
public record LeidenParameters(double resolution, double randomness, int maxIterations, long seed, boolean refinement)
        implements CommunityParameters {

    /** Newman's modularity. */
    public static final double DEFAULT_RESOLUTION = 1.0;

    /** The randomness of the reference implementations (leidenalg, igraph). */
    public static final double DEFAULT_RANDOMNESS = 0.01;

    /**
     * Two passes, the default of leidenalg and igraph ({@code n_iterations=2}): the second pass repairs
     * most of what the first left, later ones move few vertices for little modularity (on polblogs the
     * fifth pass is the first to move nothing, with Q 0.43240 against 0.43212 after two) but cost a pass each
     * (about 3.5 s on the 1M-vertex bench graph, against 15 s for the first two). Raise it to run until a pass moves nothing.
     */
    public static final int DEFAULT_MAX_ITERATIONS = 2;

    public static final long DEFAULT_SEED = 42;

    public LeidenParameters {
        checkResolution(resolution);
        if (!(randomness > 0 && randomness < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("randomness was " + randomness + ", but must be finite and > 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations was " + maxIterations + ", but must be >= 1");
        }
    }

    static void checkResolution(double resolution) {
        if (!(resolution > 0 && resolution < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("resolution was " + resolution + ", but must be finite and > 0");
        }
    }

    /** Leiden with the defaults above. */
    public static LeidenParameters defaults() {
        return new LeidenParameters(DEFAULT_RESOLUTION, DEFAULT_RANDOMNESS, DEFAULT_MAX_ITERATIONS, DEFAULT_SEED, true);
    }

    /** The Louvain method with the defaults above. */
    public static LeidenParameters louvain() {
        return defaults().withRefinement(false);
    }

    public LeidenParameters withResolution(double resolution) {
        return new LeidenParameters(resolution, randomness, maxIterations, seed, refinement);
    }

    public LeidenParameters withRandomness(double randomness) {
        return new LeidenParameters(resolution, randomness, maxIterations, seed, refinement);
    }

    public LeidenParameters withMaxIterations(int maxIterations) {
        return new LeidenParameters(resolution, randomness, maxIterations, seed, refinement);
    }

    public LeidenParameters withSeed(long seed) {
        return new LeidenParameters(resolution, randomness, maxIterations, seed, refinement);
    }

    public LeidenParameters withRefinement(boolean refinement) {
        return new LeidenParameters(resolution, randomness, maxIterations, seed, refinement);
    }
}
