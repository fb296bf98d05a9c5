package org.relais.analytics.distributed;

import org.relais.analytics.algo.pagerank.PageRankParameters;

/**
 * The options of {@link DistributedPageRank}, validated when the record is made.
 *
 * @param damping            as {@link PageRankParameters#damping()}, in {@code [0, 1)}
 * @param tolerance          as {@link PageRankParameters#tolerance()}: stop once the L1 change is below
 *                           {@code n * tolerance}; {@code >= 0}
 * @param maxIterations      as {@link PageRankParameters#maxIterations()}, {@code >= 1}
 * @param checkpointInterval checkpoint the scores every this many iterations, {@code >= 1}, to cut the
 *                           lineage that every iteration lengthens
 * @param partitions         the number of partitions of the links and scores, {@code >= 0}; 0 means
 *                           Spark's default parallelism
 */
public record DistributedPageRankParameters(double damping, double tolerance, int maxIterations,
                                            int checkpointInterval, int partitions) {

    /**
     * Ten iterations between checkpoints: a lineage of ten iterations is quick to plan and to recompute
     * after a lost partition, and writing the scores ({@code ~16n} bytes) every ten iterations costs
     * little beside ten shuffles of the contributions.
     */
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 10;

    public DistributedPageRankParameters {
        // The shared options are checked by PageRankParameters, with its messages.
        new PageRankParameters(damping, tolerance, maxIterations, 1);
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval was " + checkpointInterval + ", but must be >= 1");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions was " + partitions + ", but must be >= 0");
        }
    }

    /** The damping, tolerance and iterations of {@code parameters}, the default checkpoint interval, default partitions. */
    public static DistributedPageRankParameters of(PageRankParameters parameters) {
        return new DistributedPageRankParameters(parameters.damping(), parameters.tolerance(),
                parameters.maxIterations(), DEFAULT_CHECKPOINT_INTERVAL, 0);
    }

    /** {@link #of} the PageRank defaults. */
    public static DistributedPageRankParameters defaults() {
        return of(PageRankParameters.defaults());
    }

    public DistributedPageRankParameters withTolerance(double tolerance) {
        return new DistributedPageRankParameters(damping, tolerance, maxIterations, checkpointInterval, partitions);
    }

    public DistributedPageRankParameters withMaxIterations(int maxIterations) {
        return new DistributedPageRankParameters(damping, tolerance, maxIterations, checkpointInterval, partitions);
    }

    public DistributedPageRankParameters withCheckpointInterval(int checkpointInterval) {
        return new DistributedPageRankParameters(damping, tolerance, maxIterations, checkpointInterval, partitions);
    }

    public DistributedPageRankParameters withPartitions(int partitions) {
        return new DistributedPageRankParameters(damping, tolerance, maxIterations, checkpointInterval, partitions);
    }
}
