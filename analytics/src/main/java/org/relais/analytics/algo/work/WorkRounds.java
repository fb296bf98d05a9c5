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
 * estimate) on a {@link ChunkedExecutor} in rounds, so that a long computation reports its progress
 * and can be cancelled between rounds from the calling thread, as {@link ProgressListener} requires,
 * while each worker reuses one scratch object for all the items it runs.
 *
 * <h2>Rounds</h2>
 * A round gives every thread at least four chunks, so that threads stay busy to its end; there are
 * at most {@link #MAX_ROUNDS} rounds. Cancellation is checked before every round, so on a long run it
 * takes effect within 1/10,000 of the work (a few dozen shortest-path searches on a million-vertex
 * graph), and a cancelled run stops at a round boundary.
 *
 * <h2>Progress convention</h2>
 * These computations are not iterative, so the listener is called each time another whole percent
 * of the items is done (at most 100 times), with {@code onIteration(phase, report, remaining)}:
 * {@code report} counts the calls from 1, and {@code remaining} is the fraction of the items not yet
 * done, falling to 0 at the end like a convergence measure.
 *
 * <h2>Scratch</h2>
 * The caller passes one scratch object per thread. A chunk borrows one from a pool for its whole
 * run and returns it, and at most {@code threads} chunks run at once, so a chunk never waits for
 * one. Which scratch runs which items depends on thread timing: callers must accumulate into them
 * with operations whose result does not depend on the order (integer sums), so that the answer is
 * the same for every thread count.
 */
public final class WorkRounds {

    /** The most rounds a run is split into. */
    public static final int MAX_ROUNDS = 10_000;

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
        int rounds = Math.max(1, Math.min(MAX_ROUNDS, chunks / (4 * scratches.size())));
        int reports = 0;
        long reportedPercent = 0;
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
            long percent = done * 100 / items;
            if (percent > reportedPercent) {
                reportedPercent = percent;
                progress.onIteration(phase, ++reports, (double) (items - done) / items);
            }
        }
    }
}
