package org.relais.ingest.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A range of offsets {@code [from, to)} of one topic partition, read by one task of the ingest
 * job. The slices of a batch are numbered in Kafka order (topic, partition, offset), so that the
 * slice number, then the position of a row in its slice's file, orders the batch's rows as Kafka
 * ordered their records.
 */
record KafkaSlice(int index, String topic, int partition, long from, long to) implements Serializable {

    long records() {
        return to - from;
    }

    TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /**
     * Cuts {@code ranges} into slices of about {@code total / slices} records, so that every core
     * parses however few partitions a topic has and the cores finish together: each partition into
     * as many slices of that size as it holds (rounded), at least one. Slices are larger when there
     * are not {@code minRecords} records a slice, since each slice costs a task and a consumer; there
     * are more than {@code slices} when small partitions get one each.
     */
    static List<KafkaSlice> cut(Map<TopicPartition, long[]> ranges, int slices, long minRecords) {
        List<Map.Entry<TopicPartition, long[]>> ordered = new ArrayList<>();
        for (Map.Entry<TopicPartition, long[]> e : ranges.entrySet()) {
            if (e.getValue()[1] > e.getValue()[0]) {
                ordered.add(e);
            }
        }
        ordered.sort(Comparator.comparing((Map.Entry<TopicPartition, long[]> e) -> e.getKey().topic())
                .thenComparingInt(e -> e.getKey().partition()));
        if (ordered.isEmpty()) {
            return List.of();
        }
        long total = ordered.stream().mapToLong(e -> e.getValue()[1] - e.getValue()[0]).sum();
        long target = Math.max(1, Math.min(slices, total / Math.max(1, minRecords)));
        double size = (double) total / target;
        List<KafkaSlice> result = new ArrayList<>();
        for (Map.Entry<TopicPartition, long[]> e : ordered) {
            long from = e.getValue()[0];
            long end = e.getValue()[1];
            long pieces = Math.max(1, Math.round((end - from) / size));
            // Sizes differ by one record at most: the first (records % pieces) slices have one more.
            long length = (end - from) / pieces;
            long longer = (end - from) % pieces;
            long start = from;
            for (long p = 0; p < pieces; p++) {
                long stop = start + length + (p < longer ? 1 : 0);
                result.add(new KafkaSlice(result.size(), e.getKey().topic(), e.getKey().partition(), start, stop));
                start = stop;
            }
        }
        return result;
    }
}
