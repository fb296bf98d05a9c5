package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.INVALID_UTF8;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

class RelaisJsonFormatTest {

    private final RelaisJsonFormat format = new RelaisJsonFormat();

    @Test
    void parsesAPostWithEveryField() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"type":"post","platform":"twitter","post_id":"1440716895355764743","author_id":"4203239195",
                 "author_handle":"@WarmongerHodges","created_at":"2021-09-22T16:37:29.000Z","text":"See #Brexit @bbc",
                 "lang":"en","urls":["https://example.org/a"],"hashtags":["#Brexit","Labour"],
                 "mentions":[{"account_id":"612473","handle":"bbc"},{"handle":"@nobody"},{"account_id":42}],
                 "reply_to_post_id":"11","reply_to_author_id":"12","repost_of_post_id":null,"repost_of_author_id":"",
                 "quote_of_post_id":"15","quote_of_author_id":"16","unknown_field":{"ignored":true}}""");
        Post expected = new Post("twitter", "1440716895355764743", "4203239195", "WarmongerHodges",
                Instant.parse("2021-09-22T16:37:29Z"), "See #Brexit @bbc", "en", List.of("https://example.org/a"),
                List.of("Brexit", "Labour"),
                List.of(new Post.Mention("612473", "bbc"), new Post.Mention(null, "nobody"), new Post.Mention("42", null)),
                "11", "12", null, null, "15", "16", "relais-json");
        assertEquals(List.of(expected), record.posts());
        assertTrue(record.accounts().isEmpty() && record.follows().isEmpty() && record.blogLinks().isEmpty());
    }

    @Test
    void aPostNeedsOnlyItsKey() throws BadRecordException {
        Post post = parse(format, "{\"type\":\"post\",\"platform\":\"bluesky\",\"post_id\":\"at://did:plc:x/app.bsky.feed.post/3k\"}")
                .posts().get(0);
        assertEquals(new Post("bluesky", "at://did:plc:x/app.bsky.feed.post/3k", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, "relais-json"), post);
    }

    @Test
    void numericIdsAreKeptExact() throws BadRecordException {
        Post post = parse(format, "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":1440716895355764743}").posts().get(0);
        assertEquals("1440716895355764743", post.postId());
    }

    @Test
    void parsesAnAccount() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"type":"account","platform":"mastodon","account_id":"109","handle":"@someone@mastodon.social",
                 "display_name":"Some One","profile_url":"https://someone.example","description":"bio",
                 "followers_count":1200,"following_count":0,"protected":false,"verified":true,
                 "created_at":"2022-11-01T00:00:00Z","observed_at":"2024-06-01T10:00:00+02:00"}""");
        assertEquals(List.of(new Account("mastodon", "109", "someone@mastodon.social", "Some One", "https://someone.example",
                "bio", 1200L, 0L, false, true, Instant.parse("2022-11-01T00:00:00Z"), Instant.parse("2024-06-01T08:00:00Z"))),
                record.accounts());
    }

    @Test
    void observedAtDefaultsToWhenTheRecordWasReceived() throws BadRecordException {
        assertEquals(RECEIVED_AT,
                parse(format, "{\"type\":\"account\",\"platform\":\"twitter\",\"account_id\":\"1\"}").accounts().get(0).observedAt());
        assertEquals(List.of(new Follow("twitter", "1", "2", RECEIVED_AT, "relais-json")),
                parse(format, "{\"type\":\"follow\",\"platform\":\"twitter\",\"follower_id\":\"1\",\"followee_id\":\"2\"}").follows());
    }

    @Test
    void parsesAFollow() throws BadRecordException {
        assertEquals(List.of(new Follow("twitter", "1", "2", Instant.parse("2020-01-01T00:00:00Z"), "relais-json")),
                parse(format, "{\"type\":\"follow\",\"platform\":\"twitter\",\"follower_id\":\"1\",\"followee_id\":2,"
                        + "\"observed_at\":\"2020-01-01T00:00:00Z\"}").follows());
    }

    @Test
    void parsesABlogLinkDerivingBlogIds() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"type":"blog_link","source_post_url":"http://yglesias.typepad.com/matthew/2004/11/a.html",
                 "target_url":"http://www.dailykos.com/story/2004/11/3/1","published_at":"2004-11-03","anchor_text":"Kos"}""");
        assertEquals(List.of(new BlogLink("yglesias.typepad.com/matthew", "http://yglesias.typepad.com/matthew/2004/11/a.html",
                "http://www.dailykos.com/story/2004/11/3/1", "dailykos.com", Instant.parse("2004-11-03T00:00:00Z"), "Kos",
                "relais-json")), record.blogLinks(), "a 2004 publication date is fine for a blog");
    }

    @Test
    void givenBlogIdsWinOverDerivedOnes() throws BadRecordException {
        BlogLink link = parse(format, """
                {"type":"blog_link","source_post_url":"urn:post:1","target_url":"http://b.example/x",
                 "source_blog":"a.example","target_blog":"b.example/x"}""").blogLinks().get(0);
        assertEquals("a.example", link.sourceBlog());
        assertEquals("b.example/x", link.targetBlog());
    }

    @Test
    void aLinkWithinOneBlogIsNotAnEdge() throws BadRecordException {
        ParsedRecord record = parse(format, "{\"type\":\"blog_link\",\"source_post_url\":\"http://atrios.blogspot.com/a.html\","
                + "\"target_url\":\"https://www.atrios.blogspot.com/archive\"}");
        assertTrue(record.isEmpty());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json at all                                                                    | MALFORMED_JSON         | record is not valid JSON
            {"type":"post"                                                                     | MALFORMED_JSON         | record is not valid JSON
            {"type":"post"} {"type":"post"}                                                    | MALFORMED_JSON         | record is not valid JSON
            ["post"]                                                                           | WRONG_TYPE             | record must be a JSON object, but was array
            {"platform":"twitter","post_id":"1"}                                               | MISSING_FIELD          | type is missing
            {"type":7}                                                                         | WRONG_TYPE             | type must be a string, but was number
            {"type":"like","platform":"twitter"}                                               | UNSUPPORTED_RECORD     | type was 'like', but must be one of post, account, follow, blog_link
            {"type":"post","post_id":"1"}                                                      | MISSING_FIELD          | platform is missing
            {"type":"post","platform":"facebook","post_id":"1"}                                | WRONG_TYPE             | platform was 'facebook', but must be one of twitter, bluesky, mastodon
            {"type":"post","platform":"blog","post_id":"1"}                                    | WRONG_TYPE             | platform was 'blog', but must be one of twitter, bluesky, mastodon: blogs have no accounts, posts or follows here
            {"type":"post","platform":"twitter"}                                               | MISSING_FIELD          | post_id is missing
            {"type":"post","platform":"twitter","post_id":""}                                  | MISSING_FIELD          | post_id is empty
            {"type":"post","platform":"twitter","post_id":null}                                | MISSING_FIELD          | post_id is null
            {"type":"post","platform":"twitter","post_id":1.5}                                 | WRONG_TYPE             | post_id must be a string or an integer, but was number
            {"type":"post","platform":"twitter","post_id":{"id":"1"}}                          | WRONG_TYPE             | post_id must be a string or an integer, but was object
            {"type":"post","platform":"twitter","post_id":"1","created_at":"yesterday"}        | WRONG_TYPE             | created_at was 'yesterday', but must be an ISO-8601 date-time
            {"type":"post","platform":"twitter","post_id":"1","created_at":"1999-01-01T00:00:00Z"} | TIMESTAMP_OUT_OF_RANGE | created_at was 1999-01-01T00:00:00Z, but must be in [2006-01-01T00:00:00Z, 2025-01-02T00:00:00Z]
            {"type":"post","platform":"twitter","post_id":"1","created_at":"2030-01-01T00:00:00Z"} | TIMESTAMP_OUT_OF_RANGE | created_at was 2030-01-01T00:00:00Z
            {"type":"account","platform":"twitter","account_id":"1","created_at":"2030-01-01T00:00:00Z"} | TIMESTAMP_OUT_OF_RANGE | created_at was 2030-01-01T00:00:00Z
            {"type":"blog_link","source_post_url":"https://a.example/p","target_url":"https://b.example/","target_blog":"x\\ny"} | WRONG_TYPE | target_blog was 'x\\u000ay', but must be a blog id
            {"type":"blog_link","source_post_url":"https://a.example/p","target_url":"https://b.example/","source_blog":"javascript:alert(1)"} | WRONG_TYPE | source_blog was 'javascript:alert(1)', but must be a blog id
            {"type":"blog_link","source_post_url":"https://a.example/p","target_url":"https://b.example/","source_blog":"../../tmp/x"} | WRONG_TYPE | source_blog was '../../tmp/x'
            {"type":"blog_link","source_post_url":"https://a.example/p","target_url":"https://b.example/","source_blog":"A.example"} | WRONG_TYPE | source_blog was 'A.example'
            {"type":"blog_link","source_post_url":"https://a.example/p","target_url":"https://b.example/@x\\u001b[2J"} | WRONG_TYPE | target_url was 'https://b.example/@x\\u001b[2J', but must be an http(s) URL with a host, without control characters
            {"type":"post","platform":"twitter","post_id":"1","urls":"https://a.example"}      | WRONG_TYPE             | urls must be an array, but was string
            {"type":"post","platform":"twitter","post_id":"1","urls":["https://a.example",3]}  | WRONG_TYPE             | urls[1] must be a string, but was number
            {"type":"post","platform":"twitter","post_id":"1","hashtags":[null]}               | WRONG_TYPE             | hashtags[0] must be a string, but was null
            {"type":"post","platform":"twitter","post_id":"1","mentions":["bbc"]}              | WRONG_TYPE             | mentions[0] must be an object, but was string
            {"type":"post","platform":"twitter","post_id":"1","mentions":[{"handle":"a"},{}]}  | MISSING_FIELD          | mentions[1] must have account_id or handle
            {"type":"post","platform":"twitter","post_id":"1","mentions":[{"account_id":true}]} | WRONG_TYPE            | mentions[0].account_id must be a string or an integer, but was boolean
            {"type":"account","platform":"twitter"}                                            | MISSING_FIELD          | account_id is missing
            {"type":"account","platform":"twitter","account_id":"1","followers_count":"12"}    | WRONG_TYPE             | followers_count must be an integer, but was string
            {"type":"account","platform":"twitter","account_id":"1","following_count":1.5}     | WRONG_TYPE             | following_count must be an integer, but was number
            {"type":"account","platform":"twitter","account_id":"1","protected":"yes"}         | WRONG_TYPE             | protected must be true or false, but was string
            {"type":"account","platform":"twitter","account_id":"1","observed_at":"2005-01-01"} | TIMESTAMP_OUT_OF_RANGE | observed_at was 2005-01-01T00:00:00Z
            {"type":"follow","platform":"twitter","follower_id":"1"}                           | MISSING_FIELD          | followee_id is missing
            {"type":"follow","follower_id":"1","followee_id":"2"}                              | MISSING_FIELD          | platform is missing
            {"type":"blog_link","target_url":"http://a.example"}                               | MISSING_FIELD          | source_post_url is missing
            {"type":"blog_link","source_post_url":"http://a.example/1"}                        | MISSING_FIELD          | target_url is missing
            {"type":"blog_link","source_post_url":"a.example/1","target_url":"http://b.example"} | WRONG_TYPE           | source_post_url was 'a.example/1', but must be an http(s) URL with a host
            {"type":"blog_link","source_post_url":"http://a.example/1","target_url":"mailto:x@b.example"} | WRONG_TYPE  | target_url was 'mailto:x@b.example', but must be an http(s) URL with a host
            {"type":"blog_link","source_post_url":"http://a.example/1","target_url":"http://b.example","published_at":"2030-01-01"} | TIMESTAMP_OUT_OF_RANGE | published_at was 2030-01-01T00:00:00Z, but must be in [0001-01-01T00:00:00Z, 2025-01-02T00:00:00Z]
            """)
    void rejectsBadRecords(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsJsonInOtherEncodingsAndAByteOrderMark() {
        String json = "{\"type\":\"account\",\"platform\":\"twitter\",\"account_id\":\"1\"}";
        for (java.nio.charset.Charset other : List.of(java.nio.charset.StandardCharsets.UTF_16BE,
                java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32LE"))) {
            assertBad(format, json.getBytes(other), Reason.MALFORMED_JSON,
                    "record is not valid JSON: it starts with a NUL byte (UTF-16 or UTF-32 text?)");
        }
        assertBad(format, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(json)),
                Reason.MALFORMED_JSON, "record is not valid JSON: it starts with a byte order mark");
    }

    @Test
    void rejectsInvalidUtf8() {
        assertBad(format, concat(bytes("{\"type\":\"post\",\"text\":\""), INVALID_UTF8, bytes("\"}")), Reason.INVALID_UTF8,
                "record is not valid UTF-8: malformed sequence at byte 23 (0xC3)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"type":"post","platform":"twitter","post_id":"1","text":"x"}                   | twitter:1
            {"text":{"nested":[1,2]},"post_id":123,"platform":"bluesky","type":"post"}      | bluesky:123
            {"type":"account","platform":"mastodon","account_id":"109"}                     | mastodon:109
            {"type":"follow","platform":"twitter","follower_id":"1","followee_id":"2"}      | twitter:1
            {"type":"blog_link","source_post_url":"http://a.example/1","target_url":"x"}    | http://a.example/1
            {"type":"post","post_id":"1"}                                                   |
            {"type":"post","platform":"twitter","post_id":null}                             |
            {"type":"like","platform":"twitter","post_id":"1"}                              |
            {"platform":"twitter","post_id":"1"}                                            |
            [1,2]                                                                           |
            not json                                                                        |
            """)
    void keysRecordsAtPublishTime(String line, String expectedKey) throws Exception {
        List<SourceRecord> records = splitAll(format, bytes(line + "\n"));
        assertEquals(1, records.size());
        assertEquals(expectedKey, keyOf(records.get(0)));
    }

    @Test
    void splitKeepsEachLineAsItIsWithItsLineNumber() throws Exception {
        byte[] broken = concat(bytes("{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"2\",\"text\":\""), INVALID_UTF8,
                bytes("\"}"));
        byte[] file = concat(bytes("{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"1\"}\r\n\r\n"), broken,
                bytes("\n   \n{\"type\":\"fol"));
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(3, records.size());
            assertArrayEquals(bytes("{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"1\"}"), records.get(0).value());
            assertEquals(1, records.get(0).line());
            assertArrayEquals(broken, records.get(1).value(), "invalid UTF-8 is published unchanged");
            assertEquals("twitter:2", keyOf(records.get(1)), "the key is read before the broken text");
            assertEquals(3, records.get(1).line());
            assertArrayEquals(bytes("{\"type\":\"fol"), records.get(2).value());
            assertNull(records.get(2).key());
            assertEquals(5, records.get(2).line());
        }
        assertBad(format, records(file).get(1).value(), Reason.INVALID_UTF8, "not valid UTF-8");
    }

    private List<SourceRecord> records(byte[] file) throws Exception {
        return splitAll(format, file);
    }
}
