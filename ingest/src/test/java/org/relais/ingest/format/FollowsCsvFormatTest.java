package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.INVALID_UTF8;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;
import static org.relais.ingest.format.FormatTestSupport.valueOf;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;

class FollowsCsvFormatTest {

    private final FollowsCsvFormat format = new FollowsCsvFormat();

    @Test
    void aMinimalRowIsATwitterFollowObservedWhenReceived() throws BadRecordException {
        ParsedRecord record = parse(format, "follower_id,followee_id\n 12 , 34 \n");
        assertEquals(List.of(new Follow("twitter", "12", "34", RECEIVED_AT, "follows-csv")), record.follows());
        assertEquals(List.of(), record.accounts());
    }

    @Test
    void handlesAlsoGiveAccounts() throws BadRecordException {
        ParsedRecord record = parse(format, """
                Platform,Follower_ID,followee_id,observed_at,follower_handle,followee_handle,note
                bluesky,did:plc:a,did:plc:b,2024-05-01T10:00:00Z,@alice.bsky.social,bob.bsky.social,"x, y"
                """);
        Instant observed = Instant.parse("2024-05-01T10:00:00Z");
        assertEquals(List.of(new Follow("bluesky", "did:plc:a", "did:plc:b", observed, "follows-csv")), record.follows());
        assertEquals(List.of(
                new Account("bluesky", "did:plc:a", "alice.bsky.social", null, null, null, null, null, null, null, observed),
                new Account("bluesky", "did:plc:b", "bob.bsky.social", null, null, null, null, null, null, null, observed)),
                record.accounts());
    }

    @Test
    void anEmptyPlatformMeansTwitterAndAnEmptyHandleNoAccount() throws BadRecordException {
        ParsedRecord record = parse(format, "platform,follower_id,followee_id,follower_handle,followee_handle\n,1,2,,carol\n");
        assertEquals("twitter", record.follows().get(0).platform());
        assertEquals(List.of(new Account("twitter", "2", "carol", null, null, null, null, null, null, null, RECEIVED_AT)),
                record.accounts());
    }

    @Test
    void mastodonAccountsAreStoredAsTheMastodonFormatStoresThem() throws BadRecordException {
        ParsedRecord record = parse(format, "platform,follower_id,followee_id\nmastodon,@Anne@Piaille.FR,yann@piaille.fr\n");
        assertEquals(List.of(new Follow("mastodon", "Anne@piaille.fr", "yann@piaille.fr", RECEIVED_AT, "follows-csv")),
                record.follows());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ,2,twitter,                      | MISSING_FIELD          | follower_id is empty
            1, ,twitter,                     | MISSING_FIELD          | followee_id is empty
            1,2,facebook,                    | WRONG_TYPE             | platform was 'facebook', but must be one of twitter, bluesky, mastodon
            1,2,blog,                        | WRONG_TYPE             | platform was 'blog', but must be one of twitter, bluesky, mastodon: blogs have no accounts, posts or follows here
            a@x.example,b,mastodon,          | WRONG_TYPE             | followee_id was 'b', but a Mastodon account id is user@instance
            1,2,twitter,last week            | WRONG_TYPE             | observed_at was 'last week', but must be an ISO-8601 date-time
            1,2,twitter,2005-12-31T23:59:59Z | TIMESTAMP_OUT_OF_RANGE | observed_at was 2005-12-31T23:59:59Z, but must be in [2006-01-01T00:00:00Z, 2025-01-02T00:00:00Z]
            1,2,twitter                      | MALFORMED_CSV          | row has 3 field(s), but the header has 4
            1,"2"3,twitter,                  | MALFORMED_CSV          | record is not valid CSV
            """)
    void rejectsBadRows(String row, Reason reason, String message) {
        assertBad(format, "follower_id,followee_id,platform,observed_at\n" + row, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertBad(format, concat(bytes("follower_id,followee_id,follower_handle\n1,2,"), INVALID_UTF8), Reason.INVALID_UTF8,
                "record is not valid UTF-8: malformed sequence at byte 44 (0xC3)");
    }

    @Test
    void splitKeysRowsByPlatformAndFollower() throws Exception {
        byte[] file = concat(bytes("follower_id,followee_id,platform,follower_handle\r\n"
                + "1,2,,alice\r\n"
                + "\r\n"
                + "3,4,mastodon,\"multi\nline\"\r\n"
                + ",5,twitter,\r\n"
                + "6,7,,"), INVALID_UTF8, bytes("\r\n"));
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(4, records.size());
            assertEquals("twitter:1", keyOf(records.get(0)));
            assertEquals(2, records.get(0).line());
            assertEquals("follower_id,followee_id,platform,follower_handle\n3,4,mastodon,\"multi\nline\"", valueOf(records.get(1)));
            assertEquals("mastodon:3", keyOf(records.get(1)));
            assertEquals(4, records.get(1).line());
            assertNull(records.get(2).key(), "no follower, no key; parsing will reject the row");
            assertEquals(6, records.get(2).line());
            assertArrayEquals(concat(bytes("follower_id,followee_id,platform,follower_handle\n6,7,,"), INVALID_UTF8),
                    records.get(3).value());
        }
        List<SourceRecord> records = splitAll(format, file);
        assertEquals("alice", format.parse(records.get(0).value(), CONTEXT).accounts().get(0).handle());
        assertBad(format, records.get(2).value(), Reason.MISSING_FIELD, "follower_id is empty");
        assertBad(format, records.get(3).value(), Reason.INVALID_UTF8, "not valid UTF-8");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWhole() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(bytes("source,target\n1,2\n")), "follows.csv"));
        assertEquals("follows.csv: the header row lacks the required column(s) follower_id, followee_id; it has source, target",
                e.getMessage());
    }
}
