package org.relais.analytics.algo.community;

/**
 * The options of {@link LabelPropagation}, validated when the record is made.
 *
 * @param maxIterations the most sweeps over all vertices, {@code >= 1}; a sweep that changes no label
 *                      ends the run early and the partition is reported as converged
 * @param seed          the seed of the sweep orders and tie-breaks; the same seed on the same graph gives
 *                      the same partition
 * @param resolution    {@code γ > 0}, used only to compute the modularity reported with the partition
 *                      (label propagation does not optimise it)
 */
public record LabelPropagationParameters(int maxIterations, long seed, double resolution)
        implements CommunityParameters {

    /**
     * Label propagation usually settles in a few tens of sweeps (Raghavan et al. report 95% of
     * vertices labelled finally after 5); the cap stops the rare graph where ties keep labels moving.
     */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    public static final long DEFAULT_SEED = 42;

    public static final double DEFAULT_RESOLUTION = LeidenParameters.DEFAULT_RESOLUTION;

    public LabelPropagationParameters {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations was " + maxIterations + ", but must be >= 1");
        }
        LeidenParameters.checkResolution(resolution);
    }

    public static LabelPropagationParameters defaults() {
        return new LabelPropagationParameters(DEFAULT_MAX_ITERATIONS, DEFAULT_SEED, DEFAULT_RESOLUTION);
    }

    public LabelPropagationParameters withMaxIterations(int maxIterations) {
        return new LabelPropagationParameters(maxIterations, seed, resolution);
    }

    public LabelPropagationParameters withSeed(long seed) {
        return new LabelPropagationParameters(maxIterations, seed, resolution);
    }

    public LabelPropagationParameters withResolution(double resolution) {
        return new LabelPropagationParameters(maxIterations, seed, resolution);
    }
}
