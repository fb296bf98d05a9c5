package org.relais.ingest.lake;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.relais.ingest.lake.Tables.Table;

/**
 * Merges a batch of new rows into a table of the lake, keeping one row per key.
 *
 * <p>Each row has a <em>priority</em> ({@link #priority}: a post's completeness, a follow's record
 * id and time, 0 for tables where the first copy wins). Among new rows with the same key, the
 * highest priority wins, then the earliest in Kafka order. A new row replaces a stored one only
 * when its priority is strictly higher; otherwise it is a duplicate and dropped. Accounts are
 * merged column by column instead, each column keeping the latest value observed
 * ({@link ColumnMerge}); the priority is not used for them. Deletions ({@link Removal}) take out
 * new rows they cover and stored rows the batch's new deletions cover. Segments that hold replaced
 * or deleted rows are rewritten without them. Everything new (inserted rows and the survivors of
 * rewritten segments) goes into one new segment; nothing existing is modified in place, so a run
 * that dies before committing leaves the committed lake untouched.
 */
public final class SegmentMerge {

    private static final String PRIORITY = "_priority";
    private static final String STORED_PRIORITY = "_stored_priority";
    static final String FILE = "_file";

    private SegmentMerge() {
    }

    /**
     * The priority of a table's rows, which decides the copy the lake keeps. Posts: the most
     * complete. Follows: one with the platform's id of the follow record ({@code follow_id}, which a
     * deletion of the follow names) over one without (a crawl's CSV), and of those the latest
     * observed, so that an unfollow and a follow again, even in one batch, leave the new record.
     * Other tables: the first copy; accounts are merged column by column instead, the latest value
     * of each column winning, and take no priority (see {@code ColumnMerge}).
     */
    static Column priority(Table table) {
        if (table == Tables.Posts.TABLE) {
            return col(Tables.Posts.COMPLETENESS).cast("long");
        }
        if (table == Tables.Follows.TABLE) {
            return when(col(Tables.Follows.FOLLOW_ID).isNull(), lit(0L))
                    .otherwise(coalesce(unix_micros(col(Tables.Follows.OBSERVED_AT)), lit(0L)).plus(1));
        }
        return lit(0L);
    }

    /**
     * What a merge wrote.
     *
     * @param segments the table's segments after the merge (to commit)
     * @param inserted new rows stored
     * @param duplicates new rows dropped because the batch or the lake already had them
     * @param replaced stored rows replaced by a more complete or more recent version
     * @param deleted new and stored rows taken out by deletions
     */
    public record Outcome(List<String> segments, long inserted, long duplicates, long replaced, long deleted) {
    }

    /**
     * A batch's new rows for one table.
     *
     * @param rows the table's columns plus the order columns
     * @param count how many rows there are (the caller has counted them)
     * @param files a directory of Parquet files that hold exactly these rows with the table's
     *     columns, which becomes the new segment as it is when every row is kept; or null
     * @param keysDistinct true when the rows are known to repeat no key, so that the merge need
     *     not look for repeated keys among them; false when unknown
     */
    public record Incoming(Dataset<Row> rows, long count, String files, boolean keysDistinct) {
    }

    /**
     * Merges {@code incoming} into {@code table} and writes the new segment (if any) for version
     * {@code version}; the caller commits {@link Outcome#segments()}. When no row is dropped,
     * replaced or deleted and nothing stored changes, {@link Incoming#files()} is moved in as the
     * segment rather than written again.
     *
     * @param order columns of {@code incoming} that give Kafka order
     * @param removal the rows deletions take out
     */
    public static Outcome merge(SparkSession spark, Lake lake, LakeState current, Table table, Incoming batch,
            List<String> order, long version, Removal removal) {
        Column priority = priority(table);
        Dataset<Row> incoming = batch.rows();
        long incomingCount = batch.count();
        List<String> segments = current.segments(table.name());
        boolean deletesStored = removal.touchesStored() && !segments.isEmpty();
        if (incomingCount == 0 && !deletesStored) {
            return new Outcome(segments, 0, 0, 0, 0);
        }
        long deletedOnArrival = 0;
        if (incomingCount > 0 && removal != Removal.NONE) {
            // Not cached: the batch is read from its staged Parquet files, and the steps below read
            // only the columns they need (the count and the search for repeated keys, the keys
            // alone), which costs less than building an in-memory copy of every column first.
            incoming = removal.keepIncoming(incoming);
            deletedOnArrival = incomingCount - incoming.count();
        }
        long arrived = incomingCount - deletedOnArrival;
        boolean byColumn = ColumnMerge.appliesTo(table);
        if (segments.isEmpty()) {
            // Nothing stored to compare with or delete from: the batch's best rows are the segment.
            Best best = batch.keysDistinct() ? new Best(incoming, 0, null)
                    : byColumn ? ColumnMerge.latestPerKey(table, ColumnMerge.observations(table, incoming, order))
                    : bestPerKey(incoming.withColumn(PRIORITY, priority), table.key(), order);
            try {
                List<String> next = new ArrayList<>();
                long inserted = arrived - best.dropped();
                if (inserted > 0) {
                    String name = lake.segmentName(version);
                    writeSegment(lake, table, name, best.rows(), batch, inserted == incomingCount);
                    next.add(name);
                }
                return new Outcome(next, inserted, best.dropped(), 0, deletedOnArrival);
            } finally {
                best.release();
            }
        }
        Decided decided = byColumn ? ColumnMerge.decide(spark, lake, current, table, incoming, order)
                : byPriority(spark, lake, current, table, incoming, batch.keysDistinct(), order, priority);
        try {
            return write(spark, lake, current, table, decided, batch, arrived, version, removal, deletesStored,
                    deletedOnArrival);
        } finally {
            decided.release().run();
        }
    }

    /**
     * What a merge with stored rows decided: the rows to insert (new keys, and replacements of
     * stored rows), the keys of the stored rows they replace with the file holding each
     * ({@link #FILE}), and what to free once they are written.
     */
    record Decided(Dataset<Row> inserts, Dataset<Row> replacedKeys, Runnable release) {
    }

    /** The batch's best rows, each inserted when its key is new or its priority beats the stored row's. */
    private static Decided byPriority(SparkSession spark, Lake lake, LakeState current, Table table,
            Dataset<Row> incoming, boolean keysDistinct, List<String> order, Column priority) {
        Column[] keys = table.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Best best = keysDistinct ? new Best(incoming.withColumn(PRIORITY, priority), 0, null)
                : bestPerKey(incoming.withColumn(PRIORITY, priority), table.key(), order);
        Dataset<Row> stored = lake.read(spark, table, current)
                .select(concat(keys, priority.cast("long").as(STORED_PRIORITY), input_file_name().as(FILE)));
        Dataset<Row> decided = best.rows().join(stored, table.key().toArray(String[]::new), "left")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Column isNew = col(FILE).isNull();
        Column replaces = col(FILE).isNotNull().and(col(PRIORITY).gt(col(STORED_PRIORITY)));
        return new Decided(decided.filter(isNew.or(replaces)).select(columns(table)),
                decided.filter(replaces).select(concat(keys, col(FILE))),
                () -> {
                    decided.unpersist();
                    best.release();
                });
    }

    /**
     * Writes what {@code decided} inserts, with the survivors of the segments that hold replaced or
     * deleted rows, as one new segment; those segments leave the table's list.
     */
    private static Outcome write(SparkSession spark, Lake lake, LakeState current, Table table, Decided decided,
            Incoming batch, long arrived, long version, Removal removal, boolean deletesStored, long deletedOnArrival) {
        List<String> segments = current.segments(table.name());
        Dataset<Row> inserts = decided.inserts();
        Dataset<Row> replacedKeys = decided.replacedKeys();

        long insertCount = inserts.count();
        Set<String> rewrite = new LinkedHashSet<>();
        for (Row r : replacedKeys.select(FILE).distinct().collectAsList()) {
            rewrite.add(segmentOf(r.getString(0)));
        }
        long replacedCount = rewrite.isEmpty() ? 0 : replacedKeys.count();
        long deletedStored = 0;
        if (deletesStored) {
            // Rows per file before and after the deletions, rather than the keys that went: the
            // quarantine's keys (Kafka coordinates) may repeat, and a kept row must not hide a
            // deleted one with the same key.
            Dataset<Row> rows = lake.read(spark, table, current).withColumn(FILE, input_file_name());
            Map<String, Long> kept = new HashMap<>();
            for (Row r : removal.keepStored(rows).groupBy(FILE).count().collectAsList()) {
                kept.put(r.getString(0), r.getLong(1));
            }
            for (Row r : rows.groupBy(FILE).count().collectAsList()) {
                long gone = r.getLong(1) - kept.getOrDefault(r.getString(0), 0L);
                if (gone > 0) {
                    rewrite.add(segmentOf(r.getString(0)));
                    deletedStored += gone;
                }
            }
        }

        Dataset<Row> toWrite = inserts;
        if (!rewrite.isEmpty()) {
            LakeState only = current.withTable(table.name(), new ArrayList<>(rewrite));
            Dataset<Row> survivors = removal.keepStored(lake.read(spark, table, only))
                    .join(replacedKeys.drop(FILE), table.key().toArray(String[]::new), "left_anti")
                    .select(columns(table));
            toWrite = survivors.unionByName(inserts);
        }
        List<String> next = new ArrayList<>(segments);
        next.removeAll(rewrite);
        if (insertCount > 0 || !rewrite.isEmpty()) {
            String name = lake.segmentName(version);
            // Accounts merged column by column are new rows, even when every key is new.
            writeSegment(lake, table, name, toWrite, batch,
                    rewrite.isEmpty() && insertCount == batch.count() && !ColumnMerge.appliesTo(table));
            next.add(name);
        }
        return new Outcome(next, insertCount, arrived - insertCount, replacedCount, deletedOnArrival + deletedStored);
    }

    /**
     * The best row of each key, and how many rows were dropped as duplicates within the batch.
     * {@link #release()} frees what was cached to compute it.
     */
    record Best(Dataset<Row> rows, long dropped, Dataset<Row> cached) {
        void release() {
            if (cached != null) {
                cached.unpersist();
            }
        }
    }

    /**
     * The best row of each key: highest priority, then earliest in Kafka order. Only the keys that
     * occur more than once are ranked (a sort of those rows alone); the others, usually nearly
     * all, pass straight through, and a batch without repeated keys costs one aggregation of its
     * keys rather than a sort of its rows.
     */
    static Best bestPerKey(Dataset<Row> rows, List<String> key, List<String> order) {
        String[] keyNames = key.toArray(String[]::new);
        Column[] keys = key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> repeated = rows.groupBy(keys).count().filter(col("count").gt(1))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Row totals = repeated.agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                org.apache.spark.sql.functions.sum(col("count").minus(1))).first();
        if (totals.getLong(0) == 0) {
            repeated.unpersist();
            return new Best(rows, 0, null);
        }
        Dataset<Row> repeatedKeys = repeated.drop("count");
        Dataset<Row> single = rows.join(repeatedKeys, keyNames, "left_anti");
        List<Column> ordering = new ArrayList<>();
        ordering.add(col(PRIORITY).desc());
        order.forEach(c -> ordering.add(col(c).asc()));
        WindowSpec byKey = Window.partitionBy(keys).orderBy(ordering.toArray(Column[]::new));
        Dataset<Row> ranked = rows.join(repeatedKeys, keyNames, "left_semi")
                .withColumn("_rank", row_number().over(byKey))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
        return new Best(single.unionByName(ranked), totals.getLong(1), repeated);
    }

    /**
     * Appends {@code incoming} as a new segment, without looking for duplicates (the quarantine's
     * keys are Kafka coordinates, which a topic created again repeats), less the rows that
     * deletions take out, new and stored.
     */
    public static Outcome append(SparkSession spark, Lake lake, LakeState current, Table table, Incoming batch,
            long version, Removal removal) {
        List<String> segments = current.segments(table.name());
        boolean deletesStored = removal.touchesStored() && !segments.isEmpty();
        if (removal == Removal.NONE || (batch.count() == 0 && !deletesStored)) {
            List<String> next = new ArrayList<>(segments);
            if (batch.count() > 0) {
                String name = lake.segmentName(version);
                writeSegment(lake, table, name, batch.rows(), batch, true);
                next.add(name);
            }
            return new Outcome(next, batch.count(), 0, 0, 0);
        }
        Dataset<Row> kept = removal.keepIncoming(batch.rows()).select(columns(table));
        long deletedOnArrival = batch.count() == 0 ? 0 : batch.count() - kept.count();
        Dataset<Row> noneReplaced = kept.select(concat(table.key().stream().map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new), org.apache.spark.sql.functions.lit(null).cast("string").as(FILE))).limit(0);
        return write(spark, lake, current, table, new Decided(kept, noneReplaced, () -> { }), batch,
                batch.count() - deletedOnArrival, version, removal, deletesStored, deletedOnArrival);
    }

    /**
     * Writes {@code rows} as {@code table}'s new segment {@code name}; when they are the batch's
     * rows exactly as they arrived ({@code asArrived}) and its staged files exist, moves those in
     * instead of writing them again.
     */
    private static void writeSegment(Lake lake, Table table, String name, Dataset<Row> rows, Incoming batch,
            boolean asArrived) {
        if (asArrived && batch.files() != null) {
            lake.moveInAsSegment(batch.files(), table.name(), name);
        } else {
            rows.select(columns(table)).write().mode("errorifexists").parquet(lake.segmentPath(table.name(), name));
        }
    }

    private static String segmentOf(String file) {
        return new Path(file).getParent().getName();
    }

    static Column[] columns(Table table) {
        return java.util.Arrays.stream(table.schema().fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
    }

    static Column[] concat(Column[] keys, Column... more) {
        Column[] all = java.util.Arrays.copyOf(keys, keys.length + more.length);
        System.arraycopy(more, 0, all, keys.length, more.length);
        return all;
    }
}
