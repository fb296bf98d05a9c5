package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertFileRefused;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Deletion;

class ComplianceCsvFormatTest {

    private final ComplianceCsvFormat format = new ComplianceCsvFormat();

    @Test
    void aPostIdDeletesThePostAndAnAccountIdAloneTheAccount() throws BadRecordException {
        assertEquals(List.of(Deletion.post("twitter", "1440716895355764743", "4203239195", Instant.parse("2024-03-01T00:00:00Z"),
                "compliance-csv")),
                parse(format, "platform,post_id,account_id,deleted_at\ntwitter,1440716895355764743,4203239195,2024-03-01\n").deletions());
        assertEquals(List.of(Deletion.account("mastodon", "anne@piaille.fr", null, "compliance-csv")),
                parse(format, "Platform,Post_ID,Account_ID,reason\nmastodon,,anne@piaille.fr,opt-out\n").deletions(),
                "deleted_at is an optional column; extra columns are ignored");
        for (String spelled : List.of("@anne@piaille.fr", "anne@Piaille.FR", "@anne@PIAILLE.fr")) {
            assertEquals(List.of(Deletion.account("mastodon", "anne@piaille.fr", null, "compliance-csv")),
                    parse(format, "platform,post_id,account_id\nmastodon,," + spelled + "\n").deletions(),
                    spelled + " is the account the mastodon format stores as anne@piaille.fr");
        }
        for (String author : List.of("anne", "109302436954721982")) {
            assertEquals(List.of(Deletion.post("mastodon", "https://piaille.fr/users/anne/statuses/1", author, null,
                    "compliance-csv")), parse(format, "platform,post_id,account_id\nmastodon,"
                            + "https://piaille.fr/users/anne/statuses/1," + author + "\n").deletions(),
                    "a post's author is for information only: kept as given when it is no account id");
        }
        Deletion post = parse(format, "platform,post_id,account_id\nbluesky,at://did:plc:a/app.bsky.feed.post/3k,\n")
                .deletions().get(0);
        assertEquals(Deletion.Kind.POST, post.kind());
        assertNull(post.accountId());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ,1,2,                            | MISSING_FIELD          | platform is empty
            twitter,,,                       | MISSING_FIELD          | post_id and account_id are both empty
            myspace,1,,                      | WRONG_TYPE             | platform was 'myspace'
            blog,http://a.example/1,,        | WRONG_TYPE             | blogs have no accounts, posts or follows here
            twitter,1,,yesterday             | WRONG_TYPE             | deleted_at was 'yesterday'
            twitter,1,,2031-01-01            | TIMESTAMP_OUT_OF_RANGE | deleted_at was 2031-01-01T00:00:00Z
            twitter,1,"2                     | MALFORMED_CSV          | record is not valid CSV
            mastodon,,anne,                  | WRONG_TYPE             | account_id was 'anne', but a Mastodon account id is user@instance
            mastodon,,@anne@,                | WRONG_TYPE             | account_id was '@anne@', but a Mastodon account id is user@instance
            mastodon,,https://piaille.fr/@anne,  | WRONG_TYPE             | account_id was 'https://piaille.fr/@anne', but a Mastodon account id is user@instance
            """)
    void rejectsBadRows(String row, Reason reason, String message) {
        assertBad(format, "platform,post_id,account_id,deleted_at\n" + row, reason, message);
    }

    @Test
    void rejectsInvalidUtf8AndFilesWithoutTheColumns() {
        assertInvalidUtf8Rejected(format, "platform,post_id,account_id\ntwitter,1,", "", "record is not valid UTF-8");
        assertFileRefused(format, "platform,post_id\ntwitter,1\n", "deleted.csv",
                "deleted.csv: the header row lacks the required column(s) account_id; it has platform, post_id");
    }

    @Test
    void splitKeysRowsByPostElseAccount() throws Exception {
        byte[] file = bytes("platform,post_id,account_id\ntwitter,10,20\ntwitter,,20\n,10,\n");
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(3, records.size());
            assertEquals("twitter:10", keyOf(records.get(0)), "the post's key, so the deletion follows the post");
            assertEquals("twitter:20", keyOf(records.get(1)));
            assertNull(records.get(2).key());
        }
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedRows() throws Exception {
        byte[] file = bytes("platform,post_id,account_id,deleted_at\ntwitter,1440716895355764743,4203239195,2024-03-01T10:00:00Z\n"
                + "mastodon,,anne@piaille.fr,\nbluesky,\"at://did:plc:a/app.bsky.feed.post/3k\",did:plc:a,2024-03-01\n");
        FormatTestSupport.assertOnlyBadRecordExceptions(format,
                splitAll(format, file).stream().map(SourceRecord::value).toList(), FormatTestSupport.CONTEXT, 20240301L);
    }
}
