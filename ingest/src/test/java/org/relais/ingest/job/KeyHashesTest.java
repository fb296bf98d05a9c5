package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.relais.ingest.lake.Tables;

class KeyHashesTest {

    private static Row follow(String platform, String follower, String followee, String followId) {
        return RowFactory.create(platform, follower, followee, null, followId, "follows-csv", 1L);
    }

    @Test
    void equalKeysHashAlikeWhateverTheOtherColumns() {
        assertEquals(KeyHashes.hash(follow("twitter", "1", "2", "a"), Tables.Follows.TABLE),
                KeyHashes.hash(follow("twitter", "1", "2", "b"), Tables.Follows.TABLE));
    }

    @Test
    void keysThatOnlyShiftCharactersBetweenColumnsHashApart() {
        assertNotEquals(KeyHashes.hash(follow("twitter", "12", "3", null), Tables.Follows.TABLE),
                KeyHashes.hash(follow("twitter", "1", "23", null), Tables.Follows.TABLE));
    }

    @Test
    void keysStoredAlikeHashAlike() {
        // Parquet stores a lone surrogate as '?': both ids are the same key once stored.
        assertEquals(KeyHashes.hash(follow("twitter", "x\ud800", "2", null), Tables.Follows.TABLE),
                KeyHashes.hash(follow("twitter", "x\udc00", "2", null), Tables.Follows.TABLE));
    }

    @Test
    void aMillionDistinctIdsGiveAMillionDistinctHashes() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            seen.add(KeyHashes.hash(follow("twitter", Integer.toString(i), "0", null), Tables.Follows.TABLE));
        }
        assertEquals(1_000_000, seen.size());
    }

    @Test
    void aRepeatedKeyAcrossSlicesIsSeen() {
        KeyHashes first = new KeyHashes();
        KeyHashes second = new KeyHashes();
        for (int i = 0; i < 3000; i++) {
            first.add(Tables.Follows.TABLE, follow("twitter", "a" + i, "b", null));
            second.add(Tables.Follows.TABLE, follow("twitter", "c" + i, "b", null));
        }
        assertTrue(KeyHashes.allDistinct(List.of(first, second), Tables.Follows.TABLE));
        second.add(Tables.Follows.TABLE, follow("twitter", "a2999", "b", null));
        assertFalse(KeyHashes.allDistinct(List.of(first, second), Tables.Follows.TABLE));
        assertEquals(0, first.count(Tables.Posts.TABLE), "a table without rows has no hashes");
        assertEquals(3000, first.count(Tables.Follows.TABLE));
    }
}
