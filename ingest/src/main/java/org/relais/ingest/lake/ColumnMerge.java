package org.relais.ingest.lake;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.relais.ingest.lake.SegmentMerge.Best;
import org.relais.ingest.lake.Tables.Table;

/**
 * The merge of a table whose rows are observations of a thing that changes, and whose observations
 * each see only part of it: accounts. A follow record knows only the account's id and maybe its
 * handle; a post's author block has a handle and a name but no follower count; a profile has all.
 * Keeping one whole observation would lose either what the older ones knew or what the newer one
 * changed, so the row kept for a key is built column by column: each column holds the value of
 * the latest observation that has one. "Latest" is by {@code observed_at} (an observation without
 * one is the oldest), then the stored row before the batch's rows, then Kafka order.
 *
 * <p>{@code ingest_batch} is the newest batch among the observations merged. A stored row is
 * rewritten only when the merge changes one of its {@link Tables.Accounts#OBSERVED} values (a new
 * handle, a filled-in display name); an observation that changes none of them, such as a follow
 * record repeating a known handle, counts as a duplicate and leaves the stored row, its
 * {@code observed_at} included, as it is: accounts recur in nearly every batch, and such
 * observations would otherwise rewrite most of the table's segments each time.
 *
 * <p>Like {@link SegmentMerge#bestPerKey}, only keys that occur more than once are aggregated.
 */
final class ColumnMerge {

    /** An observation's place in time, see {@link #latest}. */
    private static final String LATEST = "_latest";
    private static final String STORED = "_stored_";

    private ColumnMerge() {
    }

    /** Whether {@code table} is merged column by column rather than by keeping one whole row. */
    static boolean appliesTo(Table table) {
        return table == Tables.Accounts.TABLE;
    }

    /**
     * The batch's rows ({@code incoming}: the table's columns plus {@code order}) as observations,
     * each with its place in time.
     */
    static Dataset<Row> observations(Table table, Dataset<Row> incoming, List<String> order) {
        return incoming.select(with(table, latest(lit(1), order.stream().map(c -> col(c)).toList())));
    }

    /**
     * One row per key: for keys with one observation, that row; for the others, each column from
     * the latest observation that has a value for it. Only the keys that occur more than once are
     * aggregated. {@link Best#dropped()} counts the observations merged into another.
     */
    static Best latestPerKey(Table table, Dataset<Row> observations) {
        Column[] keys = table.key().stream().map(c -> col(c)).toArray(Column[]::new);
        String[] keyNames = table.key().toArray(String[]::new);
        Dataset<Row> repeated = observations.groupBy(keys).count().filter(col("count").gt(1))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Row totals = repeated.agg(org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.sum(col("count").minus(1))).first();
        if (totals.getLong(0) == 0) {
            repeated.unpersist();
            return new Best(observations.select(SegmentMerge.columns(table)), 0, null);
        }
        Dataset<Row> repeatedKeys = repeated.drop("count");
        List<Column> merged = new ArrayList<>();
        for (String c : table.schema().fieldNames()) {
            if (table.key().contains(c)) {
                continue;
            }
            merged.add(c.equals(Tables.INGEST_BATCH) ? max(c).as(c)
                    : max_by(col(c), when(col(c).isNotNull(), col(LATEST))).as(c));
        }
        Dataset<Row> single = observations.join(repeatedKeys, keyNames, "left_anti")
                .select(SegmentMerge.columns(table));
        Dataset<Row> combined = observations.join(repeatedKeys, keyNames, "left_semi").groupBy(keys)
                .agg(merged.get(0), merged.subList(1, merged.size()).toArray(Column[]::new))
                .select(SegmentMerge.columns(table));
        return new Best(single.unionByName(combined), totals.getLong(1), repeated);
    }

    /**
     * Merges the batch's rows ({@code incoming}: the table's columns plus {@code order}) with the
     * stored rows of the same keys, in one step, so that each column gets the latest value among
     * all of them. Returns the rows to insert (new keys, and stored keys whose row changes) and
     * the keys of the stored rows they replace, with the file that holds each.
     */
    static SegmentMerge.Decided decide(SparkSession spark, Lake lake, LakeState current, Table table,
            Dataset<Row> incoming, List<String> order) {
        String[] keyNames = table.key().toArray(String[]::new);
        Column[] keys = table.key().stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> observations = observations(table, incoming, order);
        Dataset<Row> stored = lake.read(spark, table, current).withColumn(SegmentMerge.FILE, input_file_name())
                .join(incoming.select(keys).distinct(), keyNames, "left_semi")
                .persist(StorageLevel.MEMORY_AND_DISK());
        // A stored row has no Kafka order; it comes before the batch's rows anyway.
        List<Column> none = order.stream().map(c -> lit(null).cast(incoming.schema().apply(c).dataType())).toList();
        Dataset<Row> storedObservations = stored.select(with(table, latest(lit(0), none)));
        Best merged = latestPerKey(table, observations.unionByName(storedObservations));

        List<Column> before = new ArrayList<>(List.of(keys));
        Tables.Accounts.OBSERVED.forEach(c -> before.add(col(c).as(STORED + c)));
        before.add(col(SegmentMerge.FILE));
        Dataset<Row> decided = merged.rows().join(stored.select(before.toArray(Column[]::new)), keyNames, "left")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Column changes = lit(false);
        for (String c : Tables.Accounts.OBSERVED) {
            changes = changes.or(col(c).eqNullSafe(col(STORED + c)).unary_$bang());
        }
        Column isNew = col(SegmentMerge.FILE).isNull();
        Column replaces = col(SegmentMerge.FILE).isNotNull().and(changes);
        return new SegmentMerge.Decided(decided.filter(isNew.or(replaces)).select(SegmentMerge.columns(table)),
                decided.filter(replaces).select(SegmentMerge.concat(keys, col(SegmentMerge.FILE))),
                () -> {
                    decided.unpersist();
                    merged.release();
                    stored.unpersist();
                });
    }

    /** The table's columns and the ordering column. */
    private static Column[] with(Table table, Column latest) {
        return SegmentMerge.concat(SegmentMerge.columns(table), latest.as(LATEST));
    }

    /**
     * Where an observation stands in time: its {@code observed_at} (none is the oldest), then
     * {@code arrival} (0 for the stored row, 1 for the batch's), then its Kafka order.
     */
    private static Column latest(Column arrival, List<Column> order) {
        List<Column> fields = new ArrayList<>();
        fields.add(coalesce(unix_micros(col(Tables.Accounts.OBSERVED_AT)), lit(Long.MIN_VALUE)).as("observed"));
        fields.add(arrival.as("arrival"));
        for (int i = 0; i < order.size(); i++) {
            fields.add(order.get(i).as("o" + i));
        }
        return struct(fields.toArray(Column[]::new));
    }
}
