package org.relais.analytics.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ChunkedExecutorTest {

    @Test
    void rangesCoverAllVerticesAndKeepAHubInAChunkOfItsOwn() {
        // Vertex 2 has 100 in-edges, the others 1 each: offsets of a CSR array.
        int[] offsets = {0, 1, 2, 102, 103, 104, 105};
        assertArrayEquals(new int[] {0, 3, 6}, ChunkedExecutor.balancedRanges(offsets, 6, 50),
                "the first chunk closes after the hub, the rest form the last one");
        assertArrayEquals(new int[] {0, 6}, ChunkedExecutor.balancedRanges(offsets, 6, 1_000));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, ChunkedExecutor.balancedRanges(offsets, 6, 1));
        assertArrayEquals(new int[] {0, 0}, ChunkedExecutor.balancedRanges(new int[] {0}, 0, 10));
    }

    @Test
    void runsEveryChunkExactlyOnce() {
        for (int threads : new int[] {1, 2, 5}) {
            try (ChunkedExecutor executor = new ChunkedExecutor(threads, "test")) {
                for (int round = 0; round < 3; round++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(100);
                    executor.forEachChunk(100, runs::incrementAndGet);
                    for (int c = 0; c < 100; c++) {
                        assertEquals(1, runs.get(c), "chunk " + c + " with " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void rethrowsAChunksFailure() {
        IllegalStateException boom = new IllegalStateException("boom");
        try (ChunkedExecutor executor = new ChunkedExecutor(2, "test")) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> executor.forEachChunk(10, c -> {
                if (c == 7) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            OutOfMemoryError full = new OutOfMemoryError("Java heap space");
            assertSame(full, assertThrows(OutOfMemoryError.class, () -> executor.forEachChunk(10, c -> {
                if (c == 3) {
                    throw full;
                }
            })), "an error stays the error it was, as on the caller's thread");
        }
        assertEquals("threads was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> new ChunkedExecutor(0, "test")).getMessage());
    }
}
