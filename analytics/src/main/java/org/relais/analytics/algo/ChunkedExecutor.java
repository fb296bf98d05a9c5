package org.relais.analytics.algo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the chunks of one parallel phase on a fixed set of threads and waits for all of them, so that
 * an iterative algorithm can create its threads once and reuse them for every iteration.
 *
 * <p>Threads claim chunks one at a time from a shared counter, which balances skewed work without
 * making the result depend on the thread count: a chunk's output goes to a slot owned by that
 * chunk, and callers combine the slots in chunk order.
 */
public final class ChunkedExecutor implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads how many threads run the chunks; 1 runs them on the calling thread
     * @param name    a prefix for the worker threads' names, shown in thread dumps
     */
    public ChunkedExecutor(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads was " + threads + ", but must be >= 1");
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger created = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread t = new Thread(runnable, name + "-" + created.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * Calls {@code body} once for every chunk in {@code 0..chunkCount-1}, in parallel, and returns
     * when all calls have returned.
     *
     * @throws RuntimeException        the first failure of any chunk (the others still finish)
     * @throws CancellationException   if the calling thread is interrupted while waiting
     */
    public void forEachChunk(int chunkCount, IntConsumer body) {
        if (pool == null || chunkCount <= 1) {
            for (int c = 0; c < chunkCount; c++) {
                body.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunkCount; c = next.getAndIncrement()) {
                body.accept(c);
            }
        };
        int workers = Math.min(threads, chunkCount);
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(worker));
        }
        Throwable failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(g -> g.cancel(true));
                CancellationException cancelled = new CancellationException("interrupted while waiting for workers");
                cancelled.initCause(e);
                throw cancelled;
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        // As the caller's thread would have thrown it: an OutOfMemoryError stays one.
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error error) {
            throw error;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * Splits the vertices {@code 0..n-1} into consecutive ranges of roughly equal work, counting one
     * unit per vertex plus one per edge in {@code offsets} (a CSR offset array of length {@code n + 1}).
     * The split depends only on the graph, never on the thread count, so results are reproducible.
     *
     * @param unitsPerChunk the work one chunk should get at least; a vertex is never split, so a hub
     *                      may make its chunk larger
     * @return chunk boundaries: chunk {@code c} is {@code [bounds[c], bounds[c+1])}
     */
    public static int[] balancedRanges(int[] offsets, int n, long unitsPerChunk) {
        long total = (long) n + offsets[n];
        int maxChunks = (int) Math.max(1, Math.min(n, (total + unitsPerChunk - 1) / Math.max(1, unitsPerChunk)));
        int[] bounds = new int[maxChunks + 1];
        int chunks = 0;
        long work = 0;
        for (int v = 0; v < n; v++) {
            work += 1 + offsets[v + 1] - offsets[v];
            if (work >= unitsPerChunk && chunks + 1 < maxChunks && v + 1 < n) {
                bounds[++chunks] = v + 1;
                work = 0;
            }
        }
        bounds[++chunks] = n;
        return Arrays.copyOf(bounds, chunks + 1);
    }
}
