package org.relais.ingest.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
        offsets = Collections.unmodifiableMap(o);
        topicIds = Collections.unmodifiableMap(new TreeMap<>(topicIds));
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

    /** This state as its commit file holds it, {@code _commits/<version>.json}. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("version", version);
        n.put("committed_at", committedAt == null ? null : committedAt.toString());
        ObjectNode segments = n.putObject("tables");
        tables.forEach((t, segs) -> segs.forEach(segments.putArray(t)::add));
        ObjectNode nextOffsets = n.putObject("offsets");
        offsets.forEach((topic, parts) -> {
            ObjectNode o = nextOffsets.putObject(topic);
            new TreeMap<>(parts).forEach((p, off) -> o.put(Integer.toString(p), off));
        });
        topicIds.forEach(n.putObject("topic_ids")::put);
        if (batch != null) {
            ObjectNode b = n.putObject("batch");
            b.put("run_date", batch.runDate());
            ObjectNode ranges = b.putObject("ranges");
            batch.ranges().forEach((tp, r) -> ranges.putArray(tp).add(r[0]).add(r[1]));
            b.put("records", batch.records());
            batch.rows().forEach(b.putObject("rows")::put);
            batch.duplicates().forEach(b.putObject("duplicates")::put);
            batch.quarantined().forEach(b.putObject("quarantined")::put);
            batch.deleted().forEach(b.putObject("deleted")::put);
            batch.byFormat().forEach(b.putObject("by_format")::put);
            batch.skipped().forEach(b.putObject("skipped")::put);
        }
        return n;
    }

    /** A state read back from its commit file; fields a commit of an older Relais lacks are empty. */
    static LakeState fromJson(JsonNode n) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        n.path("tables").fields().forEachRemaining(e -> {
            List<String> segs = new ArrayList<>();
            e.getValue().forEach(v -> segs.add(v.asText()));
            tables.put(e.getKey(), segs);
        });
        Map<String, Map<Integer, Long>> offsets = new LinkedHashMap<>();
        n.path("offsets").fields().forEachRemaining(e -> {
            Map<Integer, Long> parts = new TreeMap<>();
            e.getValue().fields().forEachRemaining(p -> parts.put(Integer.parseInt(p.getKey()), p.getValue().asLong()));
            offsets.put(e.getKey(), parts);
        });
        Batch batch = null;
        JsonNode b = n.get("batch");
        if (b != null && !b.isNull()) {
            Map<String, long[]> ranges = new TreeMap<>();
            b.path("ranges").fields().forEachRemaining(e ->
                    ranges.put(e.getKey(), new long[] {e.getValue().get(0).asLong(), e.getValue().get(1).asLong()}));
            batch = new Batch(b.path("run_date").asText(null), ranges, b.path("records").asLong(),
                    longs(b.path("rows")), longs(b.path("duplicates")), longs(b.path("quarantined")),
                    longs(b.path("deleted")), longs(b.path("by_format")), longs(b.path("skipped")));
        }
        String committed = n.path("committed_at").asText(null);
        Map<String, String> topicIds = new TreeMap<>();
        n.path("topic_ids").fields().forEachRemaining(e -> topicIds.put(e.getKey(), e.getValue().asText()));
        return new LakeState(n.path("version").asLong(), committed == null ? null : Instant.parse(committed),
                tables, offsets, topicIds, batch);
    }

    private static Map<String, Long> longs(JsonNode n) {
        Map<String, Long> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asLong());
        }
        return m;
    }

    private static Map<String, List<String>> copySorted(Map<String, List<String>> in) {
        Map<String, List<String>> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
