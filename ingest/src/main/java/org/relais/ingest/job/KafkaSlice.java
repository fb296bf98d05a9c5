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
     * Cuts {@code ranges} into {@code slices} slices of about equal size, so that every core
     * parses however few partitions a topic has and the cores finish together; fewer when there are
     * not {@code minRecords} records a slice, since each slice costs a task and a consumer; more
     * when more partitions have records, since a slice reads one partition. Each partition gets a
     * number of slices in proportion to its records (largest remainder), at least one.
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
        long[] pieces = new long[ordered.size()];
        double[] remainders = new double[ordered.size()];
        long assigned = 0;
        for (int i = 0; i < pieces.length; i++) {
            long records = ordered.get(i).getValue()[1] - ordered.get(i).getValue()[0];
            double exact = (double) records * target / total;
            pieces[i] = Math.max(1, (long) exact);
            remainders[i] = pieces[i] > exact ? -1 : exact - pieces[i];
            assigned += pieces[i];
        }
        for (; assigned < target; assigned++) {
            int largest = 0;
            for (int i = 1; i < pieces.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            if (remainders[largest] < 0) {
                break;
            }
            pieces[largest]++;
            remainders[largest] = -1;
        }
        List<KafkaSlice> result = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            TopicPartition tp = ordered.get(i).getKey();
            long from = ordered.get(i).getValue()[0];
            long end = ordered.get(i).getValue()[1];
            for (long p = 0; p < pieces[i]; p++) {
                // Sizes differ by one record at most.
                long start = from + (end - from) * p / pieces[i];
                long stop = from + (end - from) * (p + 1) / pieces[i];
                result.add(new KafkaSlice(result.size(), tp.topic(), tp.partition(), start, stop));
            }
        }
        return result;
    }
}
