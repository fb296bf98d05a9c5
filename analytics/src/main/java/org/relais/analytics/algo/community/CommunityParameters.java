package org.relais.analytics.algo.community;

/**
 * The parameters of a community algorithm, carried by the {@link Partition} it returns so that a
 * partition says how it was obtained.
 */
public sealed interface CommunityParameters permits LeidenParameters, LabelPropagationParameters {

    /** The seed of the algorithm's random choices; the same seed gives the same partition. */
    long seed();

    /** The resolution {@code γ} the partition's modularity is computed with. */
    double resolution();
}
