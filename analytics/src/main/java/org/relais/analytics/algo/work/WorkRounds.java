package org.relais.analytics.algo.work;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.relais.analytics.algo.ChunkedExecutor;
import org.relais.analytics.algo.ProgressListener;

/**
 * Runs many independent work items (the sources of a shortest-path computation, the samples of an
 * estimate) on a {@link ChunkedExecutor} in up to 100 rounds, so that a long computation reports its
 * progress and can be cancelled between rounds from the calling thread, as {@link ProgressListener}
 * requires, while each worker reuses one scratch object for all the items it runs.
 *
 * <h2>Progress convention</h2>
 * These computations are not iterative, so after round {@code j} the listener receives
 * {@code onIteration(phase, j, remaining)} where {@code remaining} is the fraction of the items not
 * yet done: it falls from just under 1 to 0, like a convergence measure.
 *
 * <h2>Scratch</h2>
 * The caller passes one scratch object per thread. A chunk borrows one from a pool for its whole
 * run and returns it, and at most {@code threads} chunks run at once, so a chunk never waits for
 * one. Which scratch runs which items depends on thread timing: callers must accumulate into them
 * with operations whose result does not depend on the order (integer sums), so that the answer is
 * the same for every thread count.
 */
public final class WorkRounds {

    /** The most rounds a run is split into: one percent of the work per progress report. */
    public static final int MAX_ROUNDS = 100;

    private WorkRounds() {
    }

    /** The work of one chunk: items {@code [from, to)}, with a scratch object nobody else uses meanwhile. */
    @FunctionalInterface
    public interface ChunkBody<S> {
        void run(S scratch, int from, int to);
    }

    /**
     * Runs {@code body} over the items {@code 0..items-1} in chunks of at most {@code chunkSize}
     * items and returns when all have run.
     *
     * @param scratches   one scratch object per thread of {@code executor} (at least one)
     * @param description what the items are, for the cancellation message, e.g. {@code "sources"}
     * @throws CancellationException if {@code cancelled} returns true before a round; the message
     *                               says how many items had run
     */
    public static <S> void run(ChunkedExecutor executor, List<S> scratches, int items, int chunkSize,
                               String phase, String description, ProgressListener progress,
                               BooleanSupplier cancelled, ChunkBody<S> body) {
        Objects.requireNonNull(body, "body");
        if (scratches.isEmpty()) {
            throw new IllegalArgumentException("scratches was empty, but must hold one object per thread");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize was " + chunkSize + ", but must be >= 1");
        }
        if (items <= 0) {
            return;
        }
        ArrayBlockingQueue<S> pool = new ArrayBlockingQueue<>(scratches.size(), false, scratches);
        int chunks = (int) ((items + (long) chunkSize - 1) / chunkSize);
        // Enough chunks per round that the threads stay busy to the end of each round.
        int rounds = Math.max(1, Math.min(MAX_ROUNDS, chunks / (4 * scratches.size())));
        for (int round = 0; round < rounds; round++) {
            int firstChunk = (int) ((long) chunks * round / rounds);
            int endChunk = (int) ((long) chunks * (round + 1) / rounds);
            if (cancelled.getAsBoolean()) {
                int done = (int) Math.min(items, (long) firstChunk * chunkSize);
                throw new CancellationException(phase + " cancelled after " + done + " of " + items + " " + description);
            }
            executor.forEachChunk(endChunk - firstChunk, c -> {
                int chunk = firstChunk + c;
                int from = (int) ((long) chunk * chunkSize);
                int to = (int) Math.min(items, (long) from + chunkSize);
                S scratch = pool.poll();
                if (scratch == null) {
                    throw new IllegalStateException("more chunks ran at once than scratch objects were given");
                }
                try {
                    body.run(scratch, from, to);
                } finally {
                    pool.add(scratch);
                }
            });
            long done = Math.min(items, (long) endChunk * chunkSize);
            progress.onIteration(phase, round + 1, (double) (items - done) / items);
        }
    }
}
