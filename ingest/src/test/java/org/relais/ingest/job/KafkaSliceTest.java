package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                new KafkaSlice(3, "posts", 1, 104, 108),
                new KafkaSlice(4, "posts", 1, 108, 110)), slices);
    }

    @Test
    void oneSliceWhenOneIsAskedFor() {
        Map<TopicPartition, long[]> ranges = Map.of(new TopicPartition("posts", 0), new long[] {7, 1_000_007});
        assertEquals(List.of(new KafkaSlice(0, "posts", 0, 7, 1_000_007)), KafkaSlice.cut(ranges, 1, 1));
    }

    @Test
    void smallPartitionsAreNotCutBelowTheMinimum() {
        Map<TopicPartition, long[]> ranges = new LinkedHashMap<>();
        ranges.put(new TopicPartition("posts", 0), new long[] {0, 52});
        ranges.put(new TopicPartition("posts", 1), new long[] {0, 30_000});
        assertEquals(List.of(
                new KafkaSlice(0, "posts", 0, 0, 52),
                new KafkaSlice(1, "posts", 1, 0, 10_000),
                new KafkaSlice(2, "posts", 1, 10_000, 20_000),
                new KafkaSlice(3, "posts", 1, 20_000, 30_000)), KafkaSlice.cut(ranges, 8, 10_000));
    }
}
