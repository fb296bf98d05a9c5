package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaSliceTest {

    @Test
    void slicesCoverEveryRangeExactlyInKafkaOrder() {
        Map<TopicPartition, long[]> ranges = new LinkedHashMap<>();
        ranges.put(new TopicPartition("posts", 1), new long[] {100, 110});
        ranges.put(new TopicPartition("blogs", 0), new long[] {0, 3});
        ranges.put(new TopicPartition("posts", 0), new long[] {5, 6});
        List<KafkaSlice> slices = KafkaSlice.cut(ranges, 4, 1);
        assertEquals(List.of(
                new KafkaSlice(0, "blogs", 0, 0, 3),
                new KafkaSlice(1, "posts", 0, 5, 6),
                new KafkaSlice(2, "posts", 1, 100, 104),
                new KafkaSlice(3, "posts", 1, 104, 107),
                new KafkaSlice(4, "posts", 1, 107, 110)), slices);
    }

    @Test
    void oneSliceWhenOneIsAskedFor() {
        Map<TopicPartition, long[]> ranges = Map.of(new TopicPartition("posts", 0), new long[] {7, 1_000_007});
        assertEquals(List.of(new KafkaSlice(0, "posts", 0, 7, 1_000_007)), KafkaSlice.cut(ranges, 1, 1));
    }

    @Test
    void smallPartitionsAreNotCutBelowTheMinimum() {
        Map<TopicPartition, long[]> ranges = posts(new long[] {0, 52}, new long[] {0, 30_000});
        assertEquals(List.of(
                new KafkaSlice(0, "posts", 0, 0, 52),
                new KafkaSlice(1, "posts", 1, 0, 10_000),
                new KafkaSlice(2, "posts", 1, 10_000, 20_000),
                new KafkaSlice(3, "posts", 1, 20_000, 30_000)), KafkaSlice.cut(ranges, 8, 10_000));
    }

    /**
     * Two partitions a little unequal, eight slices asked for: four each, all of about the same
     * size, so that two cores run four rounds of two and finish together (rounding each partition
     * up instead gave five and four, and a last round with one core idle).
     */
    @Test
    void theSlicesAskedForOfAboutEqualSize() {
        Map<TopicPartition, long[]> ranges = posts(new long[] {0, 100_500}, new long[] {1_000, 100_500});
        List<KafkaSlice> slices = KafkaSlice.cut(ranges, 8, 20_000);
        assertEquals(8, slices.size());
        assertEquals(4, slices.stream().filter(s -> s.partition() == 0).count());
        for (KafkaSlice s : slices) {
            assertEquals(25_000, s.records(), 200, s.toString());
        }
        assertEquals(200_000, slices.stream().mapToLong(KafkaSlice::records).sum());
    }

    @Test
    void aTinyPartitionTakesNothingFromABigOnesShare() {
        Map<TopicPartition, long[]> ranges = posts(new long[] {0, 1_000_000}, new long[] {7, 8});
        assertEquals(List.of(
                new KafkaSlice(0, "posts", 0, 0, 250_000),
                new KafkaSlice(1, "posts", 0, 250_000, 500_000),
                new KafkaSlice(2, "posts", 0, 500_000, 750_000),
                new KafkaSlice(3, "posts", 0, 750_000, 1_000_000),
                new KafkaSlice(4, "posts", 1, 7, 8)), KafkaSlice.cut(ranges, 4, 1));
    }

    @Test
    void hugeRangesAreCutWithoutOverflow() {
        List<KafkaSlice> slices = KafkaSlice.cut(posts(new long[] {0, Long.MAX_VALUE}), 4, 1);
        assertEquals(4, slices.size());
        long next = 0;
        for (KafkaSlice s : slices) {
            assertEquals(next, s.from());
            assertTrue(s.to() > s.from(), s.toString());
            next = s.to();
        }
        assertEquals(Long.MAX_VALUE, next);
    }

    @Test
    void emptyPartitionsGetNoSliceAndManyPartitionsOneEach() {
        long[][] given = new long[12][];
        for (int p = 0; p < given.length; p++) {
            given[p] = p == 3 ? new long[] {40, 40} : new long[] {0, 10 + p};
        }
        Map<TopicPartition, long[]> ranges = posts(given);
        List<KafkaSlice> slices = KafkaSlice.cut(ranges, 4, 1);
        assertEquals(11, slices.size());
        assertEquals(false, slices.stream().anyMatch(s -> s.partition() == 3));
        assertEquals(List.of(), KafkaSlice.cut(posts(new long[] {5, 5}), 4, 1));
    }

    /** The offset ranges {@code [from, to)} of partitions 0, 1, ... of topic {@code posts}. */
    private static Map<TopicPartition, long[]> posts(long[]... ranges) {
        Map<TopicPartition, long[]> result = new LinkedHashMap<>();
        for (int p = 0; p < ranges.length; p++) {
            result.put(new TopicPartition("posts", p), ranges[p]);
        }
        return result;
    }
}
