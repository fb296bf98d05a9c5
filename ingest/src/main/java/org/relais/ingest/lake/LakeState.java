package org.relais.ingest.lake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One committed version of the lake: the segment directories that make up each table, and the
 * Kafka offset up to which records are in those tables. Committing a new state is atomic (one new
 * file under {@code _commits/}), so tables and offsets always move together: this is what makes a
 * re-run after a crash neither lose nor duplicate records.
 *
 * @param version increases by one per commit; 0 is the empty lake
 * @param committedAt when this version was committed
 * @param tables for each table name, its segment directory names in the order they were written
 * @param offsets for each topic, for each partition, the next offset to read
 * @param topicIds for each topic read, Kafka's id of it: a topic deleted and created again under
 *     the same name has a new id, and its offsets start again (absent in lakes written before ids
 *     were kept, until their next batch)
 * @param batch what the ingest batch that made this version read and wrote
 */
public record LakeState(long version, Instant committedAt, Map<String, List<String>> tables,
        Map<String, Map<Integer, Long>> offsets, Map<String, String> topicIds, Batch batch) {

    public LakeState {
        tables = copySorted(tables);
        Map<String, Map<Integer, Long>> o = new TreeMap<>();
        offsets.forEach((topic, parts) -> o.put(topic, Map.copyOf(new TreeMap<>(parts))));
        offsets = java.util.Collections.unmodifiableMap(o);
        topicIds = java.util.Collections.unmodifiableMap(new TreeMap<>(topicIds));
    }

    /** A state without topic ids. */
    public LakeState(long version, Instant committedAt, Map<String, List<String>> tables,
            Map<String, Map<Integer, Long>> offsets, Batch batch) {
        this(version, committedAt, tables, offsets, Map.of(), batch);
    }

    /** The state of a lake nothing was ever committed to. */
    public static LakeState empty() {
        return new LakeState(0, null, Map.of(), Map.of(), Map.of(), null);
    }

    /** Segments of {@code table}, empty when it has none. */
    public List<String> segments(String table) {
        return tables.getOrDefault(table, List.of());
    }

    /** A copy with {@code table}'s segments replaced; the version and offsets stay. */
    public LakeState withTable(String table, List<String> segments) {
        Map<String, List<String>> t = new TreeMap<>(tables);
        t.put(table, segments);
        return new LakeState(version, committedAt, t, offsets, topicIds, batch);
    }

    /** The next offset to read from a partition, or -1 when nothing was read from it yet. */
    public long nextOffset(String topic, int partition) {
        return offsets.getOrDefault(topic, Map.of()).getOrDefault(partition, -1L);
    }

    /**
     * What one ingest batch did.
     *
     * @param runDate the run date it was part of
     * @param ranges for each {@code topic/partition}, {@code [from, to)} offsets read
     * @param records Kafka records read
     * @param rows rows added to each table (after duplicates were dropped)
     * @param duplicates rows dropped per table because the lake already had them
     * @param quarantined records sent to quarantine, by reason code
     * @param deleted rows taken out of each table by deletions, new and stored ones
     * @param byFormat records read, by their format header ({@code "none"} when absent); empty in
     *     commits written before it was kept
     * @param skipped records that held nothing to store (a blog linking to itself), by format;
     *     empty in commits written before it was kept
     */
    public record Batch(String runDate, Map<String, long[]> ranges, long records, Map<String, Long> rows,
            Map<String, Long> duplicates, Map<String, Long> quarantined, Map<String, Long> deleted,
            Map<String, Long> byFormat, Map<String, Long> skipped) {

        /** A batch whose records' formats and skipped records are not known. */
        public Batch(String runDate, Map<String, long[]> ranges, long records, Map<String, Long> rows,
                Map<String, Long> duplicates, Map<String, Long> quarantined, Map<String, Long> deleted) {
            this(runDate, ranges, records, rows, duplicates, quarantined, deleted, Map.of(), Map.of());
        }

        /** A batch in which no deletion removed anything. */
        public Batch(String runDate, Map<String, long[]> ranges, long records, Map<String, Long> rows,
                Map<String, Long> duplicates, Map<String, Long> quarantined) {
            this(runDate, ranges, records, rows, duplicates, quarantined, Map.of());
        }
    }

    private static Map<String, List<String>> copySorted(Map<String, List<String>> in) {
        Map<String, List<String>> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
