package org.relais.ingest.job;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.relais.ingest.lake.Tables.Table;

/**
 * What the parse step made of a batch, counted while parsing: records read (by format header,
 * {@code "none"} when absent), quarantined (by reason code, and by format), skipped because they
 * held nothing to store (by format), and rows per table. Each slice of the batch counts its own
 * on its executor; the driver adds them up ({@link #add}), so counting needs no second read of
 * what was parsed.
 */
final class BatchCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    private long records;
    private final Map<String, Long> byFormat = new TreeMap<>();
    private final Map<String, Long> quarantined = new TreeMap<>();
    private final Map<String, Long> quarantinedByFormat = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> rowsByTable = new TreeMap<>();

    void record(String format) {
        records++;
        byFormat.merge(format == null ? "none" : format, 1L, Long::sum);
    }

    void quarantined(String reasonCode, String format) {
        quarantined.merge(reasonCode, 1L, Long::sum);
        quarantinedByFormat.merge(format == null ? "none" : format, 1L, Long::sum);
    }

    void skipped(String format) {
        skipped.merge(format == null ? "none" : format, 1L, Long::sum);
    }

    void row(Table table) {
        rowsByTable.merge(table.name(), 1L, Long::sum);
    }

    /** Adds {@code other}'s counts to these. */
    BatchCounts add(BatchCounts other) {
        records += other.records;
        other.byFormat.forEach((k, v) -> byFormat.merge(k, v, Long::sum));
        other.quarantined.forEach((k, v) -> quarantined.merge(k, v, Long::sum));
        other.quarantinedByFormat.forEach((k, v) -> quarantinedByFormat.merge(k, v, Long::sum));
        other.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        other.rowsByTable.forEach((k, v) -> rowsByTable.merge(k, v, Long::sum));
        return this;
    }

    long records() {
        return records;
    }

    Map<String, Long> byFormat() {
        return byFormat;
    }

    Map<String, Long> quarantined() {
        return quarantined;
    }

    /** The formats of the quarantined records, each with how many of its records were read: "8 of 11". */
    Map<String, String> badOfReadByFormat() {
        Map<String, String> result = new TreeMap<>();
        quarantinedByFormat.forEach((f, n) -> result.put(f, n + " of " + byFormat.getOrDefault(f, 0L)));
        return result;
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    long rows(Table table) {
        return rowsByTable.getOrDefault(table.name(), 0L);
    }

    long bad() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "BatchCounts[records=" + records + ", byFormat=" + byFormat + ", quarantined=" + quarantined
                + ", skipped=" + skipped + ", rows=" + rowsByTable + "]";
    }
}
