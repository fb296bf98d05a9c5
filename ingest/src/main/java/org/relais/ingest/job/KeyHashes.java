package org.relais.ingest.job;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.digest.MurmurHash3;
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
    /** The positions of each table's key columns in its rows, found once per table. */
    private static final Map<String, int[]> KEY_COLUMNS = new ConcurrentHashMap<>();

    /** One table's hashes: a growing array and how much of it is used. */
    private static final class Hashes implements Serializable {
        private static final long serialVersionUID = 1L;
        private long[] values = new long[1024];
        private int size;
    }

    private final Map<String, Hashes> byTable = new HashMap<>();
    private long total;

    /** Records the key of {@code row}, a row of {@code table}. */
    void add(Table table, Row row) {
        Hashes h = byTable.computeIfAbsent(table.name(), t -> new Hashes());
        if (h.size == h.values.length) {
            h.values = Arrays.copyOf(h.values, h.values.length * 2);
        }
        h.values[h.size++] = hash(row, table);
        total++;
    }

    /** How many hashes are recorded, all tables together. */
    long size() {
        return total;
    }

    /** How many hashes are recorded for {@code table}. */
    int count(Table table) {
        Hashes h = byTable.get(table.name());
        return h == null ? 0 : h.size;
    }

    /** Whether the hashes that all {@code slices} recorded for {@code table} are all different. */
    static boolean allDistinct(List<KeyHashes> slices, Table table) {
        long[] all = new long[slices.stream().mapToInt(s -> s.count(table)).sum()];
        int at = 0;
        for (KeyHashes s : slices) {
            int n = s.count(table);
            if (n > 0) {
                System.arraycopy(s.byTable.get(table.name()).values, 0, all, at, n);
                at += n;
            }
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
     * MurmurHash3 (128 bits, the first 64 kept) of the key's values as they are stored: each one's
     * UTF-8 bytes (so that two strings Parquet stores alike, such as two different lone surrogates,
     * both written as {@code ?}, hash alike), preceded by its length, or a mark for null.
     */
    static long hash(Row row, Table table) {
        int[] columns = KEY_COLUMNS.computeIfAbsent(table.name(),
                t -> table.key().stream().mapToInt(table.schema()::fieldIndex).toArray());
        byte[][] values = new byte[columns.length][];
        int length = 0;
        for (int i = 0; i < columns.length; i++) {
            Object value = row.get(columns[i]);
            values[i] = value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
            length += Integer.BYTES + (value == null ? 0 : values[i].length);
        }
        ByteBuffer key = ByteBuffer.allocate(length);
        for (byte[] value : values) {
            if (value == null) {
                key.putInt(-1);
            } else {
                key.putInt(value.length).put(value);
            }
        }
        return MurmurHash3.hash128x64(key.array(), 0, length, 0)[0];
    }
}
