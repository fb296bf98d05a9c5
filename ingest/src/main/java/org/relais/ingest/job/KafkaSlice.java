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
     * Cuts {@code ranges} into at least {@code minSlices} slices of about equal size, so that every
     * core parses however few partitions a topic has; but no partition is cut into slices of fewer
     * than {@code minRecords} records, since each slice costs a task and a consumer.
     */
    static List<KafkaSlice> cut(Map<TopicPartition, long[]> ranges, int minSlices, long minRecords) {
        long total = ranges.values().stream().mapToLong(r -> r[1] - r[0]).sum();
        long size = Math.max(Math.max(1, minRecords), (total + minSlices - 1) / Math.max(1, minSlices));
        List<Map.Entry<TopicPartition, long[]>> ordered = new ArrayList<>(ranges.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<TopicPartition, long[]> e) -> e.getKey().topic())
                .thenComparingInt(e -> e.getKey().partition()));
        List<KafkaSlice> slices = new ArrayList<>();
        for (Map.Entry<TopicPartition, long[]> e : ordered) {
            long from = e.getValue()[0];
            long end = e.getValue()[1];
            long pieces = Math.max(1, (end - from + size - 1) / size);
            long step = (end - from + pieces - 1) / pieces;
            for (long start = from; start < end; start += step) {
                slices.add(new KafkaSlice(slices.size(), e.getKey().topic(), e.getKey().partition(), start,
                        Math.min(end, start + step)));
            }
        }
        return slices;
    }
}
