package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.NOW;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertFileRefused;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Identity;

class IdentitiesCsvFormatTest {

    private final IdentitiesCsvFormat format = new IdentitiesCsvFormat();

    @Test
    void aRowIsAnIdentityOfTheBlogAndTheAccount() throws BadRecordException {
        assertEquals(List.of(new Identity("lavigiecitoyenne.wordpress.com", "twitter", "533803195261417211", "OdileVigie",
                "identities-csv")),
                parse(format, "Blog_URL,platform,account_id,handle,note\n"
                        + "https://www.lavigiecitoyenne.wordpress.com/2026/09/30/chiffres/,twitter,533803195261417211,@OdileVigie,x\n")
                        .identities());
        assertEquals(List.of(new Identity("carnet.example", "mastodon", "yann@piaille.fr", null, "identities-csv")),
                parse(format, "blog_url,platform,account_id\nhttp://carnet.example/,mastodon,yann@piaille.fr\n").identities(),
                "handle is optional, as a column and as a value");
        assertEquals(List.of(new Identity("carnet.example", "mastodon", "Yann@piaille.fr", null, "identities-csv")),
                parse(format, "blog_url,platform,account_id\nhttp://carnet.example/,mastodon,@Yann@Piaille.FR\n")
                        .identities(), "the account as the mastodon format stores it: no @, the instance in lower case");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ,twitter,1,a                        | MISSING_FIELD | blog_url is empty
            http://a.example/,,1,a              | MISSING_FIELD | platform is empty
            http://a.example/,twitter,,a        | MISSING_FIELD | account_id is empty
            http://a.example/,facebook,1,a      | WRONG_TYPE    | platform was 'facebook', but must be one of twitter, bluesky, mastodon
            http://a.example/,blog,1,a          | WRONG_TYPE    | platform was 'blog', but must be one of twitter, bluesky, mastodon: blogs have no accounts, posts or follows here
            a.example,twitter,1,a               | WRONG_TYPE    | blog_url was 'a.example', but must be an http(s) URL with a host
            http://a.example/,twitter,1         | MALFORMED_CSV | row has 3 field(s), but the header has 4
            http://a.example/,mastodon,yann,a   | WRONG_TYPE    | account_id was 'yann', but a Mastodon account id is user@instance
            """)
    void rejectsBadRows(String row, Reason reason, String message) {
        assertBad(format, "blog_url,platform,account_id,handle\n" + row, reason, message);
    }

    @Test
    void rejectsInvalidUtf8AndFilesWithoutTheColumns() {
        assertInvalidUtf8Rejected(format, "blog_url,platform,account_id,handle\nhttp://a.example/,twitter,1,", "",
                "record is not valid UTF-8");
        assertFileRefused(format, "blog,account\n", "ids.csv",
                "ids.csv: the header row lacks the required column(s) blog_url, platform, account_id; it has blog, account");
    }

    @Test
    void splitKeysRowsByAccount() throws Exception {
        byte[] file = bytes("blog_url,platform,account_id,handle\r\nhttp://a.example/,bluesky,did:plc:abc,a.example\r\n"
                + "http://b.example/,twitter,,b\r\n");
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(2, records.size());
            assertEquals("bluesky:did:plc:abc", keyOf(records.get(0)));
            assertNull(records.get(1).key());
        }
    }

    /**
     * The demo's list ({@code sample-data/identities/identities.csv}: 12 rows, one per blog author's
     * account, two for Chroniques républicaines), read with the path pattern
     * {@code sample-data/relais.conf} adds for the journalists' blogs under one host: 12 identities
     * of 11 blogs, counted by hand from the file.
     */
    @Test
    void readsTheDemoList() throws Exception {
        Path file = Path.of(System.getProperty("basedir", "."), "..", "sample-data", "identities", "identities.csv");
        List<String> patterns = new ArrayList<>(BlogIds.DEFAULT_PATH_PATTERNS);
        patterns.add("blogs.echo-citoyen.example/*");
        ParseContext context = ParseContext.at(NOW, RECEIVED_AT, BlogIds.withPathPatterns(patterns));
        List<Identity> identities = new ArrayList<>();
        for (SourceRecord record : splitAll(format, Files.readAllBytes(file))) {
            identities.addAll(format.parse(record.value(), context).identities());
        }
        assertEquals(12, identities.size());
        assertEquals(11, identities.stream().map(Identity::blogId).distinct().count());
        assertEquals(new Identity("blogs.echo-citoyen.example/jeanne-lacombe", "twitter", "521107463017537316", "JeanneLacombe",
                "identities-csv"), identities.get(3));
        assertEquals("le-hussard-liberal.example", identities.get(6).blogId(), "www. is not part of a blog id");
        assertEquals(List.of("LucienAubertin", "ChroniquesRep"), identities.stream()
                .filter(i -> i.blogId().equals("chroniques-republicaines.blogspot.com")).map(Identity::handle).toList());
        assertEquals("blogs.echo-citoyen.example", format.parse(splitAll(format, Files.readAllBytes(file)).get(3).value(), CONTEXT)
                .identities().get(0).blogId(), "without the sample's pattern the journalists' blogs would be one");
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedRows() throws Exception {
        Path file = Path.of(System.getProperty("basedir", "."), "..", "sample-data", "identities", "identities.csv");
        FormatTestSupport.assertOnlyBadRecordExceptions(format,
                splitAll(format, Files.readAllBytes(file)).stream().map(SourceRecord::value).toList(), CONTEXT, 2027L);
    }
}
