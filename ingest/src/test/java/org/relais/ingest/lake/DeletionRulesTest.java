package org.relais.ingest.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.ingest.lake.Tables.Table;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.testing.SparkExtension;

/** Which stored tables a batch's deletions touch, per kind of deletion. */
class DeletionRulesTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void eachKindOfDeletionTouchesOnlyTheTablesItRemovesRowsFrom() {
        Dataset<Row> none = deletions();
        assertEquals(Map.of("posts", true, "accounts", false, "follows", false, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", true),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.POST))));
        assertEquals(Map.of("posts", false, "accounts", false, "follows", true, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", false),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.FOLLOW))));
        assertEquals(Map.of("posts", true, "accounts", true, "follows", true, "identities", true,
                "blog_links", false, "deletions", false, "quarantine", true),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.ACCOUNT))));
        assertEquals(Map.of("posts", true, "accounts", false, "follows", true, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", true),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.POST, Deletion.Kind.FOLLOW))));
        assertEquals(Map.of("posts", false, "accounts", false, "follows", false, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", false),
                touched(new DeletionRules(none, none, Set.of())));
    }

    @Test
    void theKindsAreReadFromTheBatchsDeletionsAndStoredRowsOfUntouchedTablesStay() {
        Dataset<Row> fresh = deletions(Deletion.follow("bluesky", "alice", "at://alice/follow/1", T, "test"));
        DeletionRules rules = new DeletionRules(fresh, fresh, true);
        assertEquals(Map.of("posts", false, "accounts", false, "follows", true, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", false), touched(rules));

        Dataset<Row> follows = spark.session().createDataFrame(List.of(
                Rows.follow(new Follow("bluesky", "alice", "bob", T, "test", "at://alice/follow/1"), 1),
                Rows.follow(new Follow("bluesky", "alice", "carol", T, "test", "at://alice/follow/2"), 1)),
                Tables.Follows.TABLE.schema());
        List<String> kept = rules.forTable(Tables.Follows.TABLE).keepStored(follows)
                .select(Tables.Follows.FOLLOWEE_ID).collectAsList().stream().map(r -> r.getString(0))
                .collect(Collectors.toList());
        assertEquals(List.of("carol"), kept);
        Dataset<Row> accounts = spark.session().createDataFrame(List.of(), Tables.Accounts.TABLE.schema());
        assertEquals(accounts, rules.forTable(Tables.Accounts.TABLE).keepStored(accounts), "not even looked at");
    }

    @Test
    void quarantinedRecordsKeyedByADeletedPostOrAccountGo() {
        Dataset<Row> fresh = deletions(Deletion.post("twitter", "900", "777", T, "test"),
                Deletion.account("bluesky", "did:plc:alice", T, "test"));
        Dataset<Row> quarantined = spark.session().createDataFrame(List.of(
                quarantined(1, "twitter:900"), quarantined(2, "twitter:901"), quarantined(3, "twitter:777"),
                quarantined(4, "bluesky:did:plc:alice"), quarantined(5, "bluesky:did:plc:bob"), quarantined(6, null)),
                Tables.Quarantine.TABLE.schema());
        Removal removal = new DeletionRules(fresh, fresh, true).forTable(Tables.Quarantine.TABLE);
        for (Dataset<Row> kept : List.of(removal.keepStored(quarantined), removal.keepIncoming(quarantined))) {
            assertEquals(List.of(2L, 3L, 5L, 6L), kept.select(Tables.Quarantine.OFFSET).orderBy(Tables.Quarantine.OFFSET)
                    .collectAsList().stream().map(r -> r.getLong(0)).collect(Collectors.toList()),
                    "the deleted post's record and every record of the deleted Bluesky account go; a post"
                            + " deletion does not take its author's records, nor a record without a key");
        }
    }

    @Test
    void aMastodonAccountIsDeletedWhateverTheCaseOfItsUserName() {
        Dataset<Row> fresh = deletions(Deletion.account("mastodon", "greenconnect@mastodon.social", T, "test"),
                Deletion.account("bluesky", "did:plc:alice", T, "test"));
        Dataset<Row> accounts = spark.session().createDataFrame(List.of(
                account("mastodon", "GreenConnect@mastodon.social"), account("mastodon", "timber@mastodon.social"),
                account("bluesky", "did:plc:ALICE"), account("twitter", "greenconnect@mastodon.social")),
                Tables.Accounts.TABLE.schema());
        DeletionRules rules = new DeletionRules(fresh, fresh, true);
        assertEquals(List.of("bluesky:did:plc:ALICE", "mastodon:timber@mastodon.social",
                "twitter:greenconnect@mastodon.social"), rules.forTable(Tables.Accounts.TABLE).keepStored(accounts)
                        .selectExpr("concat(platform, ':', account_id) AS id").orderBy("id")
                        .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toList()),
                "Mastodon's user names are case-insensitive, other platforms' ids are not");

        Dataset<Row> quarantined = spark.session().createDataFrame(List.of(
                quarantined(1, "mastodon:GreenConnect@mastodon.social"), quarantined(2, "twitter:GreenConnect")),
                Tables.Quarantine.TABLE.schema());
        assertEquals(List.of(2L), rules.forTable(Tables.Quarantine.TABLE).keepStored(quarantined)
                .select(Tables.Quarantine.OFFSET).collectAsList().stream().map(r -> r.getLong(0))
                .collect(Collectors.toList()));
    }

    private static Row account(String platform, String id) {
        return Rows.account(new org.relais.ingest.model.Account(platform, id, null, null, null, null, null, null, null,
                null, T), "test", 1);
    }

    private static Row quarantined(long offset, String key) {
        return org.apache.spark.sql.RowFactory.create("relais.posts", 0, offset, null, "twitter-v1", null, "parse",
                "malformed_json", "record is not valid JSON",
                key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.sql.Timestamp.from(T), 1L);
    }

    @Test
    void aBatchWithoutDeletionsTouchesNothing() {
        Dataset<Row> none = deletions();
        assertEquals(Map.of("posts", false, "accounts", false, "follows", false, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", false),
                touched(new DeletionRules(none, none, false)));
    }

    @Test
    void withoutAnyDeletionNoTableIsLookedAt() {
        for (Table table : Tables.ingested()) {
            assertSame(Removal.NONE, DeletionRules.NONE.forTable(table), table.name());
        }
        // Deletions stored earlier still apply to new posts when the batch brings none.
        Dataset<Row> none = deletions();
        assertNotSame(Removal.NONE, new DeletionRules(none, none, false).forTable(Tables.Posts.TABLE));
    }

    private static Map<String, Boolean> touched(DeletionRules rules) {
        Map<String, Boolean> touched = new TreeMap<>();
        for (Table table : Tables.ingested()) {
            touched.put(table.name(), rules.forTable(table).touchesStored());
        }
        return touched;
    }

    private static Dataset<Row> deletions(Deletion... deletions) {
        List<Row> rows = java.util.Arrays.stream(deletions).map(d -> Rows.deletion(d, "test", 1))
                .collect(Collectors.toList());
        return spark.session().createDataFrame(rows, Tables.Deletions.TABLE.schema());
    }
}
