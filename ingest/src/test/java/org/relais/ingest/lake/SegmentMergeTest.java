package org.relais.ingest.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.lake.Tables.Table;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Post;
import org.relais.ingest.testing.SparkExtension;

/** Merging batches into stored tables, on real Parquet segments. */
class SegmentMergeTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final List<String> ORDER = List.of("_topic", "_partition", "_offset", "_index");
    private static final Instant T1 = Instant.parse("2026-11-18T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-19T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private Lake lake;

    @BeforeEach
    void open() {
        lake = Lake.open(dir.toString(), spark.session());
    }

    @Test
    void aLaterObservationChangesWhatItSaysAndKeepsWhatEarlierOnesKnew() {
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "old_handle", "Alice", null, "bio", 100L,
                20L, false, true, T1)));
        SegmentMerge.Outcome o = ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "new_handle",
                null, null, null, null, null, null, null, T2)));

        assertEquals(List.of(1L, 0L, 1L), List.of(o.inserted(), o.duplicates(), o.replaced()));
        Row a = only(Tables.Accounts.TABLE);
        assertEquals("new_handle", a.getAs(Tables.Accounts.HANDLE));
        assertEquals("Alice", a.getAs(Tables.Accounts.DISPLAY_NAME));
        assertEquals("bio", a.getAs(Tables.Accounts.DESCRIPTION));
        assertEquals(100L, (Long) a.getAs(Tables.Accounts.FOLLOWERS_COUNT));
        assertEquals(20L, (Long) a.getAs(Tables.Accounts.FOLLOWING_COUNT));
        assertEquals(false, a.getAs(Tables.Accounts.PROTECTED));
        assertEquals(true, a.getAs(Tables.Accounts.VERIFIED));
        assertEquals(Timestamp.from(T2), a.getAs(Tables.Accounts.OBSERVED_AT));
        assertEquals(2L, (Long) a.getAs(Tables.INGEST_BATCH));
        assertEquals(List.of("seg-000002"), lake.state().segments("accounts"), "the first segment was rewritten");
    }

    @Test
    void anObservationThatChangesNothingIsADuplicateAndRewritesNothing() {
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "alice", "Alice", null, null, 100L, null,
                null, null, T1)));
        SegmentMerge.Outcome o = ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "alice", null,
                null, null, null, null, null, null, T2)));

        assertEquals(List.of(0L, 1L, 0L), List.of(o.inserted(), o.duplicates(), o.replaced()));
        assertEquals(List.of("seg-000001"), o.segments());
        assertFalse(Files.exists(dir.resolve("accounts/seg-000002")));
        Row a = only(Tables.Accounts.TABLE);
        assertEquals(Timestamp.from(T1), a.getAs(Tables.Accounts.OBSERVED_AT));
        assertEquals(1L, (Long) a.getAs(Tables.INGEST_BATCH));
    }

    @Test
    void anEarlierObservationArrivingLateOnlyFillsGaps() {
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "alice_2026", null, null, null, 150L,
                null, null, null, T2)));
        SegmentMerge.Outcome o = ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "alice_2025",
                "Alice", null, null, 100L, null, null, null, T1)));

        assertEquals(List.of(1L, 0L, 1L), List.of(o.inserted(), o.duplicates(), o.replaced()));
        Row a = only(Tables.Accounts.TABLE);
        assertEquals("alice_2026", a.getAs(Tables.Accounts.HANDLE));
        assertEquals("Alice", a.getAs(Tables.Accounts.DISPLAY_NAME));
        assertEquals(150L, (Long) a.getAs(Tables.Accounts.FOLLOWERS_COUNT));
        assertEquals(Timestamp.from(T2), a.getAs(Tables.Accounts.OBSERVED_AT));
    }

    @Test
    void anOlderUnprotectNoticeArrivingLateLeavesTheAccountProtected() {
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "alice", null, null, null, 5000L, null,
                false, null, T1)));
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", null, null, null, null, null, null, true,
                null, T3)));
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", null, null, null, null, null, null, false,
                null, T2)));
        assertEquals(true, only(Tables.Accounts.TABLE).getAs(Tables.Accounts.PROTECTED));
    }

    @Test
    void withinABatchEachColumnTakesTheLatestValueObserved() {
        SegmentMerge.Outcome o = ingest(Tables.Accounts.TABLE, accounts(
                new Account("twitter", "1", "a", "A", null, null, 5L, null, null, null, T1),
                new Account("twitter", "1", "c", null, null, null, null, null, null, null, T3),
                new Account("twitter", "1", "b", "B", null, null, null, null, null, null, T2),
                new Account("mastodon", "1", "m", null, null, null, null, null, null, null, T1)));

        assertEquals(List.of(2L, 2L), List.of(o.inserted(), o.duplicates()));
        Map<String, Row> rows = byPlatform(lake.read(spark.session(), Tables.Accounts.TABLE));
        Row a = rows.get("twitter");
        assertEquals(List.of("c", "B", 5L), List.of(a.getAs(Tables.Accounts.HANDLE),
                a.getAs(Tables.Accounts.DISPLAY_NAME), a.getAs(Tables.Accounts.FOLLOWERS_COUNT)));
        assertEquals(Timestamp.from(T3), a.getAs(Tables.Accounts.OBSERVED_AT));
        assertEquals("m", rows.get("mastodon").getAs(Tables.Accounts.HANDLE));
        assertNull(rows.get("mastodon").getAs(Tables.Accounts.DISPLAY_NAME));
    }

    @Test
    void batchAndStoredObservationsAreMergedTogetherColumnByColumn() {
        ingest(Tables.Accounts.TABLE, accounts(new Account("twitter", "1", "h2", null, null, null, 200L, null, null,
                null, T2)));
        // In the batch: an older observation with another handle and a name, a newer one without handle.
        ingest(Tables.Accounts.TABLE, accounts(
                new Account("twitter", "1", "h1", "Alice", null, null, 100L, null, null, null, T1),
                new Account("twitter", "1", null, null, null, null, 300L, null, null, null, T3)));

        Row a = only(Tables.Accounts.TABLE);
        assertEquals(List.of("h2", "Alice", 300L), List.of(a.getAs(Tables.Accounts.HANDLE),
                a.getAs(Tables.Accounts.DISPLAY_NAME), a.getAs(Tables.Accounts.FOLLOWERS_COUNT)));
    }

    @Test
    void aFollowWithItsRecordIdReplacesOneWithoutAndTheLatestRecordWins() {
        ingest(Tables.Follows.TABLE, follows(new Follow("bluesky", "alice", "bob", T2, "follows-csv", null)));
        SegmentMerge.Outcome o = ingest(Tables.Follows.TABLE,
                follows(new Follow("bluesky", "alice", "bob", T1, "bluesky-jetstream", "at://alice/follow/1")));
        assertEquals(List.of(1L, 0L, 1L), List.of(o.inserted(), o.duplicates(), o.replaced()));
        assertEquals("at://alice/follow/1", only(Tables.Follows.TABLE).getAs(Tables.Follows.FOLLOW_ID),
                "the copy a deletion of the follow can find");

        SegmentMerge.Outcome crawl = ingest(Tables.Follows.TABLE,
                follows(new Follow("bluesky", "alice", "bob", T3, "follows-csv", null)));
        assertEquals(List.of(0L, 1L, 0L), List.of(crawl.inserted(), crawl.duplicates(), crawl.replaced()));
        SegmentMerge.Outcome older = ingest(Tables.Follows.TABLE,
                follows(new Follow("bluesky", "alice", "bob", T1, "bluesky-jetstream", "at://alice/follow/0")));
        assertEquals(List.of(0L, 1L, 0L), List.of(older.inserted(), older.duplicates(), older.replaced()));
        assertEquals("at://alice/follow/1", only(Tables.Follows.TABLE).getAs(Tables.Follows.FOLLOW_ID));
    }

    @Test
    void anUnfollowAndAFollowAgainInOneBatchLeaveTheNewFollow() {
        ingest(Tables.Follows.TABLE, follows(new Follow("bluesky", "alice", "bob", T1, "bluesky-jetstream",
                "at://alice/follow/1")));
        Dataset<Row> unfollow = spark.session().createDataFrame(List.of(Rows.deletion(
                org.relais.ingest.model.Deletion.follow("bluesky", "alice", "at://alice/follow/1", T2, "test"),
                "test", 2)), Tables.Deletions.TABLE.schema());
        SegmentMerge.Outcome o = ingest(Tables.Follows.TABLE, follows(new Follow("bluesky", "alice", "bob", T3,
                "bluesky-jetstream", "at://alice/follow/2")), new DeletionRules(unfollow, unfollow, true)
                        .forTable(Tables.Follows.TABLE));
        Row f = only(Tables.Follows.TABLE);
        assertEquals("at://alice/follow/2", f.getAs(Tables.Follows.FOLLOW_ID), o.toString());
    }

    @Test
    void otherTablesStillKeepOneWholeRow() {
        ingest(Tables.Posts.TABLE, posts(post("p1", "alice", "full text", "en")));
        SegmentMerge.Outcome p = ingest(Tables.Posts.TABLE, posts(post("p1", null, "other text", null)));
        assertEquals(List.of(0L, 1L), List.of(p.inserted(), p.duplicates()));
        Row kept = only(Tables.Posts.TABLE);
        assertEquals(List.of("alice", "full text", "en"), List.of(kept.getAs(Tables.Posts.AUTHOR_ID),
                kept.getAs(Tables.Posts.TEXT), kept.getAs(Tables.Posts.LANG)));
    }

    @Test
    void aDeletionFindsAQuarantinedRecordWhoseKafkaCoordinatesAnotherRecordRepeats() {
        // The topic was created again between the two batches: offset 5 names two records.
        appendQuarantined(quarantined(5, "twitter:900"), Removal.NONE);
        appendQuarantined(quarantined(5, "twitter:555"), Removal.NONE);
        Dataset<Row> deletion = spark.session().createDataFrame(List.of(Rows.deletion(
                org.relais.ingest.model.Deletion.post("twitter", "900", null, T1, "test"), "test", 3)),
                Tables.Deletions.TABLE.schema());
        SegmentMerge.Outcome o = appendQuarantined(null, new DeletionRules(deletion, deletion, true)
                .forTable(Tables.Quarantine.TABLE));
        assertEquals(List.of(0L, 1L), List.of(o.inserted(), o.deleted()));
        Row left = only(Tables.Quarantine.TABLE);
        assertEquals("twitter:555", new String((byte[]) left.getAs(Tables.Quarantine.KEY),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Row quarantined(long offset, String key) {
        return RowFactory.create("relais.posts", 0, offset, null, "twitter-v1", null, "parse", "missing_field",
                "user is missing", key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Timestamp.from(T1), 1L);
    }

    /** Appends {@code row} (none when null) to the quarantine as the next version, and commits it. */
    private SegmentMerge.Outcome appendQuarantined(Row row, Removal removal) {
        LakeState current = lake.state();
        long version = current.version() + 1;
        Dataset<Row> incoming = spark.session().createDataFrame(row == null ? List.of() : List.of(row),
                Tables.Quarantine.TABLE.schema());
        SegmentMerge.Outcome o = SegmentMerge.append(spark.session(), lake, current, Tables.Quarantine.TABLE,
                new SegmentMerge.Incoming(incoming, row == null ? 0 : 1, null, false), version, removal);
        lake.commit(new LakeState(version, Instant.now(), Map.of(), Map.of(), null)
                .withTable(Tables.Quarantine.TABLE.name(), o.segments()));
        return o;
    }

    /** Merges {@code rows} into {@code table} as the next version, and commits it. */
    private SegmentMerge.Outcome ingest(Table table, List<Row> rows) {
        return ingest(table, rows, Removal.NONE);
    }

    /** As {@link #ingest(Table, List)}, with deletions. */
    private SegmentMerge.Outcome ingest(Table table, List<Row> rows, Removal removal) {
        LakeState current = lake.state();
        long version = current.version() + 1;
        StructType schema = table.schema().add("_topic", DataTypes.StringType).add("_partition", DataTypes.IntegerType)
                .add("_offset", DataTypes.LongType).add("_index", DataTypes.IntegerType);
        List<Row> withOrder = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < rows.get(i).size(); c++) {
                values.add(rows.get(i).get(c));
            }
            int last = table.schema().fieldIndex(Tables.INGEST_BATCH);
            values.set(last, version);
            values.addAll(List.of("topic", 0, (long) i, 0));
            withOrder.add(RowFactory.create(values.toArray()));
        }
        Dataset<Row> incoming = spark.session().createDataFrame(withOrder, schema);
        SegmentMerge.Outcome o = SegmentMerge.merge(spark.session(), lake, current, table,
                new SegmentMerge.Incoming(incoming, rows.size(), null, false),
                ORDER, version, removal);
        lake.commit(new LakeState(version, Instant.now(), Map.of(table.name(), o.segments()), Map.of(), null)
                .withTable(table.name(), o.segments()));
        return o;
    }

    private Row only(Table table) {
        List<Row> rows = lake.read(spark.session(), table).collectAsList();
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static Map<String, Row> byPlatform(Dataset<Row> rows) {
        Map<String, Row> map = new TreeMap<>();
        rows.collectAsList().forEach(r -> map.put(r.getAs(Tables.PLATFORM), r));
        return map;
    }

    private static List<Row> accounts(Account... accounts) {
        List<Row> rows = new ArrayList<>();
        for (Account a : accounts) {
            rows.add(Rows.account(a, "test", 0));
        }
        return rows;
    }

    private static List<Row> follows(Follow... follows) {
        List<Row> rows = new ArrayList<>();
        for (Follow f : follows) {
            rows.add(Rows.follow(f, 0));
        }
        return rows;
    }

    private static List<Row> posts(Post... posts) {
        List<Row> rows = new ArrayList<>();
        for (Post p : posts) {
            rows.add(Rows.post(p, 0));
        }
        return rows;
    }

    private static Post post(String id, String author, String text, String lang) {
        return new Post("twitter", id, author, null, T1, text, lang, null, null, null, null, null, null, null, null,
                null, "test");
    }
}
