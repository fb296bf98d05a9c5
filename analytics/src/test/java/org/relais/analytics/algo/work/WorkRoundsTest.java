package org.relais.analytics.algo.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.relais.analytics.algo.ChunkedExecutor;
import org.relais.analytics.algo.ProgressListener;

class WorkRoundsTest {

    /** A scratch object that notices if two chunks ever use it at once. */
    private static final class Scratch {
        final AtomicBoolean inUse = new AtomicBoolean();
        long sum;
    }

    @Test
    void runsEveryItemOnceWithExclusiveScratchAndReportsShrinkingWork() {
        for (int threads : new int[] {1, 2, 4}) {
            int items = 100_003;
            AtomicIntegerArray seen = new AtomicIntegerArray(items);
            List<Scratch> scratches = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                scratches.add(new Scratch());
            }
            List<Double> remaining = new ArrayList<>();
            try (ChunkedExecutor executor = new ChunkedExecutor(threads, "test")) {
                WorkRounds.run(executor, scratches, items, 7, "phase", "items",
                        (phase, round, left) -> {
                            assertEquals("phase", phase);
                            assertEquals(remaining.size() + 1, round);
                            remaining.add(left);
                        }, () -> false, (scratch, from, to) -> {
                            assertTrue(scratch.inUse.compareAndSet(false, true), "a scratch object used by two chunks");
                            for (int i = from; i < to; i++) {
                                seen.incrementAndGet(i);
                                scratch.sum += i;
                            }
                            scratch.inUse.set(false);
                        });
            }
            for (int i = 0; i < items; i++) {
                assertEquals(1, seen.get(i), "item " + i + " with " + threads + " threads");
            }
            assertEquals((long) items * (items - 1) / 2, scratches.stream().mapToLong(s -> s.sum).sum());
            assertEquals(100, remaining.size(), "one report per percent");
            assertEquals(0.0, remaining.get(remaining.size() - 1));
            for (int i = 1; i < remaining.size(); i++) {
                assertTrue(remaining.get(i) < remaining.get(i - 1));
            }
        }
    }

    @Test
    void fewItemsRunInOneRoundAndNoItemsInNone() {
        AtomicInteger rounds = new AtomicInteger();
        ProgressListener count = (phase, round, left) -> rounds.incrementAndGet();
        try (ChunkedExecutor executor = new ChunkedExecutor(2, "test")) {
            WorkRounds.run(executor, List.of(new Scratch(), new Scratch()), 5, 1, "p", "items", count, () -> false,
                    (s, from, to) -> { });
            assertEquals(1, rounds.get());
            WorkRounds.run(executor, List.of(new Scratch()), 0, 1, "p", "items", count, () -> false,
                    (s, from, to) -> { throw new AssertionError("no items"); });
            assertEquals(1, rounds.get());
        }
    }

    @Test
    void cancellationBetweenRoundsSaysHowFarItGot() {
        AtomicInteger rounds = new AtomicInteger();
        try (ChunkedExecutor executor = new ChunkedExecutor(1, "test")) {
            // 1000 chunks, 250 rounds of 4 items; the third report comes at 3.2%, after round 8.
            AtomicInteger ran = new AtomicInteger();
            CancellationException e = assertThrows(CancellationException.class, () ->
                    WorkRounds.run(executor, List.of(new Scratch()), 1000, 1, "closeness", "sources",
                            (phase, report, left) -> rounds.set(report), () -> rounds.get() == 3,
                            (s, from, to) -> ran.addAndGet(to - from)));
            assertEquals("closeness cancelled after 32 of 1000 sources", e.getMessage());
            assertEquals(32, ran.get());
        }
    }

    @Test
    void rejectsMissingScratchAndEmptyChunks() {
        try (ChunkedExecutor executor = new ChunkedExecutor(1, "test")) {
            assertEquals("scratches was empty, but must hold one object per thread",
                    assertThrows(IllegalArgumentException.class, () -> WorkRounds.run(executor, List.<Scratch>of(), 1, 1,
                            "p", "items", ProgressListener.NONE, () -> false, (s, from, to) -> { })).getMessage());
            assertEquals("chunkSize was 0, but must be >= 1",
                    assertThrows(IllegalArgumentException.class, () -> WorkRounds.run(executor, List.of(new Scratch()), 1,
                            0, "p", "items", ProgressListener.NONE, () -> false, (s, from, to) -> { })).getMessage());
        }
    }

    @Test
    void seedsDifferPerItemAndAreStable() {
        assertEquals(Seeds.forItem(42, 7), Seeds.forItem(42, 7));
        assertNotEquals(Seeds.forItem(42, 7), Seeds.forItem(42, 8));
        assertNotEquals(Seeds.forItem(42, 7), Seeds.forItem(43, 7));
        assertNotEquals(Seeds.forItem(0, 0), 0L);
    }
}
