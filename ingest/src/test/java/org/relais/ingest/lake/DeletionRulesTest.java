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
                "blog_links", false, "deletions", false, "quarantine", false),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.POST))));
        assertEquals(Map.of("posts", false, "accounts", false, "follows", true, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", false),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.FOLLOW))));
        assertEquals(Map.of("posts", true, "accounts", true, "follows", true, "identities", true,
                "blog_links", false, "deletions", false, "quarantine", false),
                touched(new DeletionRules(none, none, EnumSet.of(Deletion.Kind.ACCOUNT))));
        assertEquals(Map.of("posts", true, "accounts", false, "follows", true, "identities", false,
                "blog_links", false, "deletions", false, "quarantine", false),
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
