package org.relais.ingest.job;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.relais.ingest.lake.Tables.Table;

/**
 * A 64-bit hash of the key of every row a slice parsed, per table, so that the driver can tell,
 * without a Spark job, that a table's new rows repeat no key: then the merge need not look for
 * repeated keys within the batch. Two equal keys always have equal hashes, so distinct hashes
 * prove distinct keys; equal hashes (a repeated key, or very rarely two keys that collide) only
 * send the merge the exact way. Eight bytes per row reach the driver, so each slice sends them
 * only up to its share of {@link IngestJob}'s limit.
 */
final class KeyHashes implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, long[]> hashes = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    private long total;

    /** Records the key of {@code row}, a row of {@code table}. */
    void add(Table table, Row row) {
        long[] values = hashes.get(table.name());
        int size = sizes.getOrDefault(table.name(), 0);
        if (values == null || size == values.length) {
            values = values == null ? new long[1024] : Arrays.copyOf(values, values.length * 2);
            hashes.put(table.name(), values);
        }
        values[size] = hash(row, table);
        sizes.put(table.name(), size + 1);
        total++;
    }

    /** How many hashes are recorded, all tables together. */
    long size() {
        return total;
    }

    /** The hashes recorded for {@code table}. */
    long[] of(Table table) {
        long[] values = hashes.get(table.name());
        return values == null ? new long[0] : Arrays.copyOf(values, sizes.get(table.name()));
    }

    /** Whether the hashes of all slices, for one table, are all different. */
    static boolean allDistinct(List<long[]> slices) {
        long[] all = new long[slices.stream().mapToInt(s -> s.length).sum()];
        int at = 0;
        for (long[] s : slices) {
            System.arraycopy(s, 0, all, at, s.length);
            at += s.length;
        }
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key's values as they are stored, UTF-8 bytes (so that two strings Parquet stores alike,
     * such as two different lone surrogates, both written as {@code ?}, hash alike), each followed
     * by a separator, through a multiply-and-add hash and MurmurHash3's 64-bit finalizer, so that
     * keys that differ in any byte differ in all bits alike.
     */
    static long hash(Row row, Table table) {
        long h = 0x9E3779B97F4A7C15L;
        for (String column : table.key()) {
            Object value = row.get(table.schema().fieldIndex(column));
            byte[] bytes = value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                h = (h + (b & 0xFF)) * 0x100000001B3L;
            }
            h = (h + (value == null ? 1 : 2)) * 0xC2B2AE3D27D4EB4FL;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
