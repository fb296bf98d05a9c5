package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

class TwitterV1FormatTest {

    private final TwitterV1Format format = new TwitterV1Format();

    /**
     * A quote tweet as the 2018+ stream sends one: truncated {@code text} and entities at the top
     * (with the t.co link to the full tweet), the full text and its entities in
     * {@code extended_tweet}; the quoted tweet is itself an extended tweet, with a user whose
     * website is a t.co link expanded in {@code entities.url}.
     */
    private static final String QUOTE = """
            {"created_at":"Tue Oct 16 09:12:40 +0000 2018","id":1052124018321453057,"id_str":"1052124018321453057",
             "text":"Exactly what @MarieDupont_ said on the budget, and nobody listened. Read the full analysis before the vote on… https://t.co/Ab12Cd34Ef",
             "display_text_range":[0,140],"source":"<a href=\\"https://mobile.twitter.com\\" rel=\\"nofollow\\">Twitter Web App</a>",
             "truncated":true,"in_reply_to_status_id":null,"in_reply_to_status_id_str":null,"in_reply_to_user_id":null,
             "in_reply_to_user_id_str":null,"in_reply_to_screen_name":null,
             "user":{"id":2901234567,"id_str":"2901234567","name":"Jean Martel","screen_name":"jmartel","location":"Lyon",
               "url":null,"description":"Political reporter.","protected":false,"verified":false,"followers_count":5120,
               "friends_count":830,"listed_count":40,"created_at":"Fri Dec 12 10:00:00 +0000 2014"},
             "is_quote_status":true,"quoted_status_id":1052101110298873856,"quoted_status_id_str":"1052101110298873856",
             "quoted_status":{"created_at":"Tue Oct 16 07:41:38 +0000 2018","id":1052101110298873856,"id_str":"1052101110298873856",
               "text":"Our amendment cuts 2 billion from the rail budget. Here is why we will vote against it, line by line, with the… https://t.co/Zz99Yy88Xx",
               "truncated":true,"in_reply_to_status_id_str":null,"in_reply_to_user_id_str":null,
               "user":{"id":98765432,"id_str":"98765432","name":"Marie Dupont","screen_name":"MarieDupont_",
                 "url":"https://t.co/Md0Md0Md0","entities":{"url":{"urls":[{"url":"https://t.co/Md0Md0Md0",
                   "expanded_url":"https://marie-dupont.example/blog","display_url":"marie-dupont.example/blog","indices":[0,23]}]},
                   "description":{"urls":[]}},
                 "description":"MP. #Rail","protected":false,"verified":true,"followers_count":48210,"friends_count":1200},
               "is_quote_status":false,
               "extended_tweet":{"full_text":"Our amendment cuts 2 billion from the rail budget. Here is why we will vote against it, line by line, with the figures: https://t.co/Rr77Rr77Rr #PLF2019",
                 "display_text_range":[0,150],
                 "entities":{"hashtags":[{"text":"PLF2019","indices":[141,149]}],
                   "urls":[{"url":"https://t.co/Rr77Rr77Rr","expanded_url":"https://marie-dupont.example/blog/rail-2019",
                     "display_url":"marie-dupont.example/blog/rail-2019","indices":[117,140]}],"user_mentions":[],"symbols":[]}},
               "entities":{"hashtags":[],"urls":[{"url":"https://t.co/Zz99Yy88Xx",
                 "expanded_url":"https://twitter.com/i/web/status/1052101110298873856","display_url":"twitter.com/i/web/status/1…",
                 "indices":[112,135]}],"user_mentions":[],"symbols":[]},
               "lang":"en"},
             "quoted_status_permalink":{"url":"https://t.co/Qq11Qq11Qq","expanded":"https://twitter.com/MarieDupont_/status/1052101110298873856",
               "display":"twitter.com/MarieDupont_/…"},
             "extended_tweet":{"full_text":"Exactly what @MarieDupont_ said on the budget, and nobody listened. Read the full analysis before the vote on Thursday: https://t.co/Kk22Kk22Kk #PLF2019 #rail",
               "display_text_range":[0,158],
               "entities":{"hashtags":[{"text":"PLF2019","indices":[142,150]},{"text":"rail","indices":[151,156]}],
                 "urls":[{"url":"https://t.co/Kk22Kk22Kk","expanded_url":"https://www.lecourrier.example/budget-rail","display_url":"lecourrier.example/budget-rail","indices":[118,141]}],
                 "user_mentions":[{"screen_name":"MarieDupont_","name":"Marie Dupont","id":98765432,"id_str":"98765432","indices":[13,26]}],
                 "symbols":[]}},
             "entities":{"hashtags":[],"urls":[{"url":"https://t.co/Ab12Cd34Ef","expanded_url":"https://twitter.com/i/web/status/1052124018321453057",
               "display_url":"twitter.com/i/web/status/1…","indices":[111,134]}],
               "user_mentions":[{"screen_name":"MarieDupont_","name":"Marie Dupont","id":98765432,"id_str":"98765432","indices":[13,26]}],
               "symbols":[]},
             "favorited":false,"retweeted":false,"possibly_sensitive":false,"filter_level":"low","lang":"en",
             "timestamp_ms":"1539681160123"}
            """;

    /**
     * A retweet of {@link #QUOTE} as the stream sends it: the truncated {@code RT @} text, the
     * whole quote tweet as {@code retweeted_status}, and Twitter's copy of the quoted tweet at the
     * top too.
     */
    private static final String RETWEET_OF_QUOTE = """
            {"created_at":"Tue Oct 16 09:30:02 +0000 2018","id_str":"1052128388211617792",
             "text":"RT @jmartel: Exactly what @MarieDupont_ said on the budget, and nobody listened. Read the full analysis before the…",
             "truncated":false,
             "user":{"id_str":"44556677","name":"Camille R.","screen_name":"camille_r","url":"http://camille.example",
               "description":null,"protected":true,"verified":false,"followers_count":87,"friends_count":301},
             "retweeted_status":%s,
             "quoted_status_id_str":"1052101110298873856",
             "quoted_status":{"created_at":"Tue Oct 16 07:41:38 +0000 2018","id_str":"1052101110298873856","text":"copy",
               "user":{"id_str":"98765432","screen_name":"MarieDupont_"}},
             "is_quote_status":true,
             "entities":{"hashtags":[],"urls":[],"user_mentions":[{"screen_name":"jmartel","id_str":"2901234567"},
               {"screen_name":"MarieDupont_","id_str":"98765432"}]},
             "lang":"en","timestamp_ms":"1539682202456"}
            """.formatted(QUOTE.strip());

    /** A reply from the REST API with {@code tweet_mode=extended}: {@code full_text}, no {@code text}. */
    private static final String REPLY = """
            {"created_at":"Wed Oct 17 08:00:00 +0000 2018","id_str":"1052468000000000001",
             "full_text":"@jmartel @MarieDupont_ The figures are wrong, see page 12","display_text_range":[23,57],
             "in_reply_to_status_id_str":"1052124018321453057","in_reply_to_user_id_str":null,"in_reply_to_screen_name":"jmartel",
             "user":{"id_str":"111","screen_name":"critic"},
             "entities":{"hashtags":[],"urls":[],"user_mentions":[{"screen_name":"jmartel","id_str":"2901234567"},
               {"screen_name":"MarieDupont_","id_str":"98765432"}]},"lang":"en"}
            """;

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static Map<String, Post> byId(ParsedRecord record) {
        return record.posts().stream().collect(Collectors.toMap(Post::postId, Function.identity()));
    }

    @Test
    void anExtendedQuoteTweetTakesTheFullTextAndEntitiesAndItsQuotedTweetIsAPost() throws BadRecordException {
        ParsedRecord record = parse(format, QUOTE);
        assertEquals(List.of("1052124018321453057", "1052101110298873856"), record.posts().stream().map(Post::postId).toList());
        assertEquals(new Post("twitter", "1052124018321453057", "2901234567", "jmartel", t("2018-10-16T09:12:40Z"),
                "Exactly what @MarieDupont_ said on the budget, and nobody listened. Read the full analysis before the vote on"
                        + " Thursday: https://t.co/Kk22Kk22Kk #PLF2019 #rail",
                "en", List.of("https://www.lecourrier.example/budget-rail"), List.of("PLF2019", "rail"),
                List.of(new Post.Mention("98765432", "MarieDupont_")), null, null, null, null,
                "1052101110298873856", "98765432", "twitter-v1"), record.posts().get(0));
        Post quoted = record.posts().get(1);
        assertTrue(quoted.text().endsWith("with the figures: https://t.co/Rr77Rr77Rr #PLF2019"), quoted.text());
        assertEquals(List.of("https://marie-dupont.example/blog/rail-2019"), quoted.urls(),
                "the extended entities, not the truncated ones and their link to the tweet itself");
        assertEquals(List.of("PLF2019"), quoted.hashtags());
        assertEquals(t("2018-10-16T07:41:38Z"), quoted.createdAt());
        assertNull(quoted.quoteOfPostId());
    }

    @Test
    void usersAreAccountsObservedWhenTheStreamDeliveredTheTweet() throws BadRecordException {
        Instant delivered = t("2018-10-16T09:12:40.123Z");
        assertEquals(List.of(
                new Account("twitter", "2901234567", "jmartel", "Jean Martel", null, "Political reporter.", 5120L, 830L, false,
                        false, t("2014-12-12T10:00:00Z"), delivered),
                new Account("twitter", "98765432", "MarieDupont_", "Marie Dupont", "https://marie-dupont.example/blog",
                        "MP. #Rail", 48210L, 1200L, false, true, delivered)),
                parse(format, QUOTE).accounts());
    }

    @Test
    void aRetweetIsARepostOfItsOriginalWhichKeepsItsOwnQuote() throws BadRecordException {
        ParsedRecord record = parse(format, RETWEET_OF_QUOTE);
        Map<String, Post> posts = byId(record);
        assertEquals(List.of("1052128388211617792", "1052124018321453057", "1052101110298873856"),
                record.posts().stream().map(Post::postId).toList(), "the retweet, the original, the tweet it quotes");
        assertEquals(new Post("twitter", "1052128388211617792", "44556677", "camille_r", t("2018-10-16T09:30:02Z"), null, "en",
                null, null, null, null, null, "1052124018321453057", "2901234567", null, null, "twitter-v1"),
                posts.get("1052128388211617792"), "no text, mentions or quote of its own");
        assertEquals(parse(format, QUOTE).posts().get(0), posts.get("1052124018321453057"));
        assertTrue(posts.get("1052101110298873856").text().startsWith("Our amendment"),
                "the original's quoted tweet, not the retweet's copy");
        assertEquals(List.of("44556677", "2901234567", "98765432"), record.accounts().stream().map(Account::accountId).toList());
        Account retweeter = record.accounts().get(0);
        assertEquals("http://camille.example", retweeter.profileUrl(), "a website that is no t.co link is kept as it is");
        assertEquals(true, retweeter.isProtected());
        assertTrue(record.accounts().stream().allMatch(a -> a.observedAt().equals(t("2018-10-16T09:30:02.456Z"))));
    }

    @Test
    void aRetweetOfARetweetCarriesBothAndTheFirstOriginal() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"id_str":"9007","text":"RT @u71: RT @u70: hello","user":{"id_str":"107","screen_name":"u7"},
                 "retweeted_status":{"id_str":"9071","text":"RT @u70: hello","user":{"id_str":"171","screen_name":"u71"},
                  "entities":{"user_mentions":[{"id_str":"170","screen_name":"u70"}]},
                  "retweeted_status":{"id_str":"9070","text":"hello","user":{"id_str":"170","screen_name":"u70"}}}}""");
        Map<String, Post> posts = byId(record);
        assertEquals(List.of("9007", "9071", "9070"), record.posts().stream().map(Post::postId).toList());
        assertEquals("9071", posts.get("9007").repostOfPostId());
        assertEquals("171", posts.get("9007").repostOfAuthorId());
        assertEquals("9070", posts.get("9071").repostOfPostId(), "the retweet it retweeted is a retweet too");
        assertNull(posts.get("9071").text(), "no text or mentions of its own");
        assertEquals(List.of(), posts.get("9071").mentions());
        assertEquals("hello", posts.get("9070").text());
        assertEquals(List.of("107", "171", "170"), record.accounts().stream().map(Account::accountId).toList());
    }

    @Test
    void aReplyWithFullTextTakesItsAuthorFromTheScreenNameWhenTheIdIsNull() throws BadRecordException {
        ParsedRecord record = parse(format, REPLY);
        Post reply = record.posts().get(0);
        assertEquals("@jmartel @MarieDupont_ The figures are wrong, see page 12", reply.text());
        assertEquals("1052124018321453057", reply.replyToPostId());
        assertEquals("2901234567", reply.replyToAuthorId());
        assertEquals(2, reply.mentions().size());
        assertEquals(t("2018-10-17T08:00:00Z"), record.accounts().get(0).observedAt(), "no timestamp_ms: the tweet's time");
    }

    @Test
    void theTextIsAsTheAuthorWroteItWithoutTwittersHtmlEscapes() throws BadRecordException {
        Post post = parse(format, """
                {"id_str":"6","text":"5 &lt; 7 &amp;&amp; 7 &gt; 5, written &amp;lt; and &amp;amp;","user":{"id_str":"1"}}""")
                .posts().get(0);
        assertEquals("5 < 7 && 7 > 5, written &lt; and &amp;", post.text());
    }

    @Test
    void aTweetAddressedToAUserWithoutAStatusIsNoReply() throws BadRecordException {
        Post post = parse(format, """
                {"id_str":"5","text":"@someone hello","in_reply_to_status_id_str":null,"in_reply_to_user_id_str":"9",
                 "in_reply_to_screen_name":"someone","user":{"id_str":"1"},
                 "entities":{"user_mentions":[{"screen_name":"someone","id_str":"9"}]}}""").posts().get(0);
        assertNull(post.replyToPostId());
        assertNull(post.replyToAuthorId());
        assertEquals(List.of(new Post.Mention("9", "someone")), post.mentions());
    }

    @Test
    void numericIdsAndNumericTimestampsAreReadExactly() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"id":1052124018321453057,"text":"x","user":{"id":2901234567},"timestamp_ms":1539681160123}""");
        assertEquals("1052124018321453057", record.posts().get(0).postId());
        assertEquals("2901234567", record.posts().get(0).authorId());
        assertEquals(t("2018-10-16T09:12:40.123Z"), record.posts().get(0).createdAt(), "no created_at: timestamp_ms");
        assertEquals(RECEIVED_AT, parse(format, "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"}}").accounts().get(0).observedAt());
    }

    @Test
    void aDeleteNoticeIsADeletionOfThePost() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"delete":{"status":{"id":1052124018321453057,"id_str":"1052124018321453057","user_id":2901234567,
                 "user_id_str":"2901234567"},"timestamp_ms":"1539690000000"}}""");
        assertEquals(List.of(Deletion.post("twitter", "1052124018321453057", "2901234567", t("2018-10-16T11:40:00Z"),
                "twitter-v1-delete")), record.deletions());
        assertTrue(record.posts().isEmpty() && record.accounts().isEmpty());
    }

    @Test
    void aUserDeleteNoticeIsADeletionOfTheAccount() throws BadRecordException {
        assertEquals(List.of(Deletion.account("twitter", "2901234567", null, "twitter-v1-user-delete")),
                parse(format, "{\"user_delete\":{\"id\":2901234567,\"id_str\":\"2901234567\"}}").deletions());
    }

    @Test
    void aProtectNoticeIsAnObservationOfTheAccountWithOnlyItsVisibility() throws BadRecordException {
        assertEquals(List.of(new Account("twitter", "2901234567", null, null, null, null, null, null, true, null,
                RECEIVED_AT)), parse(format, "{\"user_protect\":{\"id\":2901234567,"
                        + "\"id_str\":\"2901234567\",\"timestamp_ms\":\"1539690000000\"}}").accounts(),
                "observed when it reached Kafka, after its own time: it outranks what the lake held before");
        assertEquals(List.of(new Account("twitter", "7", null, null, null, null, null, null, false, null, RECEIVED_AT)),
                parse(format, "{\"user_unprotect\":{\"id\":7}}").accounts(), "no time: when it reached Kafka");
        assertEquals(List.of(new Account("twitter", "2901234567", null, null, null, null, null, null, false, null,
                t("2018-10-16T11:40:00Z"))), parse(format, "{\"user_unprotect\":{\"id\":2901234567,"
                        + "\"id_str\":\"2901234567\",\"timestamp_ms\":\"1539690000000\"}}").accounts(),
                "an unprotect notice at its own time: published late, it must not outrank a newer protect");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"limit\":{\"track\":1234,\"timestamp_ms\":\"1539690000000\"}}",
        "{\"scrub_geo\":{\"user_id_str\":\"1\",\"up_to_status_id_str\":\"2\"}}",
        "{\"status_withheld\":{\"id\":2,\"user_id\":1,\"withheld_in_countries\":[\"DE\"]}}",
        "{\"user_withheld\":{\"id\":1,\"withheld_in_countries\":[\"DE\"]}}",
        "{\"disconnect\":{\"code\":4,\"stream_name\":\"x\",\"reason\":\"stall\"}}",
        "{\"warning\":{\"code\":\"FALLING_BEHIND\",\"message\":\"m\",\"percent_full\":60}}",
        "{\"user_suspend\":{\"id_str\":\"1\"}}",
        "{\"delete\":{\"direct_message\":{\"id_str\":\"3\",\"user_id_str\":\"1\"}}}"})
    void otherStreamMessagesAreEmptyRecords(String message) throws BadRecordException {
        assertTrue(parse(format, message).isEmpty());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"id_str":"1"                                                             | MALFORMED_JSON         | record is not valid JSON
            [1,2]                                                                     | WRONG_TYPE             | record must be a JSON object, but was array
            {"data":[{"id":"1"}]}                                                     | UNSUPPORTED_RECORD     | use twitter-v2
            {"favorited":false}                                                       | UNSUPPORTED_RECORD     | neither a tweet (no id_str or id) nor a stream message Relais knows; its fields: 'favorited'
            {"id_str":"1","text":"x"}                                                 | MISSING_FIELD          | user is missing
            {"id_str":"1","user":{"screen_name":"a"}}                                 | MISSING_FIELD          | user.id_str is missing
            {"id_str":"","user":{"id_str":"2"}}                                       | MISSING_FIELD          | id_str is empty
            {"id":1.5,"user":{"id_str":"2"}}                                          | WRONG_TYPE             | id must be a string or an integer, but was number
            {"id_str":"1","user":{"id_str":"2"},"created_at":"2018-10-16T09:12:40Z"}  | WRONG_TYPE             | created_at was '2018-10-16T09:12:40Z', but must be a Twitter v1.1 time
            {"id_str":"1","user":{"id_str":"2"},"created_at":"Sat Jan 01 00:00:00 +0000 2005"} | TIMESTAMP_OUT_OF_RANGE | created_at was 2005-01-01T00:00:00Z
            {"id_str":"1","user":{"id_str":"2","created_at":"2014-12-12"}}            | WRONG_TYPE             | user.created_at was '2014-12-12', but must be a Twitter v1.1 time
            {"id_str":"1","user":{"id_str":"2","created_at":"Wed Jan 01 00:00:00 +0000 2031"}} | TIMESTAMP_OUT_OF_RANGE | user.created_at was 2031-01-01T00:00:00Z
            {"id_str":"1","user":{"id_str":"2"},"timestamp_ms":"soon"}                | WRONG_TYPE             | timestamp_ms was 'soon', but must be milliseconds since 1970
            {"id_str":"1","user":{"id_str":"2"},"entities":{"user_mentions":[{"indices":[0,3]}]}} | MISSING_FIELD | entities.user_mentions[0] must have id_str or screen_name
            {"id_str":"1","user":{"id_str":"2"},"entities":{"hashtags":[{"indices":[0,3]}]}} | MISSING_FIELD | entities.hashtags[0].text is missing
            {"id_str":"1","user":{"id_str":"2"},"entities":{"urls":[{"indices":[0,3]}]}} | MISSING_FIELD      | entities.urls[0].url is missing
            {"id_str":"1","user":{"id_str":"2"},"extended_tweet":{"full_text":3}}     | WRONG_TYPE             | extended_tweet.full_text must be a string, but was number
            {"id_str":"1","user":{"id_str":"2"},"quoted_status":{"id_str":"3"}}       | MISSING_FIELD          | quoted_status.user is missing
            {"id_str":"1","user":{"id_str":"2"},"retweeted_status":{"id_str":"3","user":{}}} | MISSING_FIELD  | retweeted_status.user.id_str is missing
            {"id_str":"1","user":{"id_str":"2","followers_count":"many"}}             | WRONG_TYPE             | user.followers_count must be an integer, but was string
            {"delete":{"timestamp_ms":"1539690000000"}}                               | MISSING_FIELD          | delete.status is missing
            {"delete":{"status":{"user_id_str":"2"}}}                                 | MISSING_FIELD          | delete.status.id_str is missing
            {"delete":{"status":{"id_str":"1"},"timestamp_ms":"4102444800000"}}       | TIMESTAMP_OUT_OF_RANGE | delete.timestamp_ms was 2100-01-01T00:00:00Z
            {"user_delete":{"timestamp_ms":"1539690000000"}}                          | MISSING_FIELD          | user_delete.id_str is missing
            {"user_protect":{"timestamp_ms":"1539690000000"}}                         | MISSING_FIELD          | user_protect.id_str is missing
            """)
    void rejectsBadRecords(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertInvalidUtf8Rejected(format, "{\"id_str\":\"1\",\"text\":\"", "\",\"user\":{\"id_str\":\"2\"}}",
                "record is not valid UTF-8");
    }

    @Test
    void splitKeysTweetsAndDeletionsByTheTweetAndOtherMessagesNot() throws Exception {
        byte[] file = bytes(QUOTE.strip().replace("\n", " ") + "\r\n"
                + "{\"delete\":{\"status\":{\"id\":7,\"id_str\":\"7\",\"user_id_str\":\"2\"}}}\n\n"
                + "{\"user_delete\":{\"id\":9}}\n"
                + "{\"user_protect\":{\"id_str\":\"9\"}}\n"
                + "{\"limit\":{\"track\":12}}\n"
                + "{\"id\":42,\"text\":\"only a numeric id\"}\n"
                + "not json");
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(7, records.size());
            assertEquals("twitter:1052124018321453057", keyOf(records.get(0)));
            assertEquals("twitter:7", keyOf(records.get(1)), "the deleted tweet's key, so it follows the tweet");
            assertEquals(4, records.get(2).line());
            assertEquals("twitter:9", keyOf(records.get(2)));
            assertEquals("twitter:9", keyOf(records.get(3)), "the account's key, so it follows its other notices");
            assertNull(records.get(4).key());
            assertEquals("twitter:42", keyOf(records.get(5)));
            assertNull(records.get(6).key());
            assertArrayEquals(bytes("not json"), records.get(6).value());
        }
    }

    /**
     * The real v1.1 stream sample (90 tweets about Obama, February 2015; see its SOURCES.md). The
     * expected figures were counted independently with a Python script over the raw JSON applying
     * this format's rules (a record is the tweet plus its retweeted original plus any quoted tweet;
     * a retweet has no entities of its own; URLs are expanded_url minus links into twitter.com).
     */
    @Test
    void parsesTheRealStreamSample() throws Exception {
        List<SourceRecord> records = splitAll(format,
                Files.readAllBytes(SharedData.file("datasets/formats/twitter-v1.1/obama_stream_2015-02-01_first90.jsonl")));
        assertEquals(90, records.size(), "one record per line");
        List<Post> posts = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        int deletions = 0;
        int empty = 0;
        for (SourceRecord source : records) {
            ParsedRecord record = format.parse(source.value(), CONTEXT);
            assertEquals("twitter:" + record.posts().get(0).postId(), keyOf(source));
            posts.addAll(record.posts());
            accounts.addAll(record.accounts());
            deletions += record.deletions().size();
            empty += record.isEmpty() ? 1 : 0;
        }
        assertEquals(125, posts.size(), "90 tweets + 35 retweeted originals");
        assertEquals(120, posts.stream().map(Post::postId).distinct().count(), "some originals are retweeted twice");
        assertEquals(35, count(posts, Post::isRepost), "SOURCES.md: 35 retweets");
        assertEquals(0, count(posts, Post::isQuote), "the 2015 sample predates quote tweets");
        assertEquals(4, count(posts, Post::isReply),
                "SOURCES.md counts 6: two more are addressed to a user without a replied-to status");
        assertEquals(4, count(posts, p -> p.isReply() && p.replyToAuthorId() != null));
        assertEquals(35, count(posts, p -> p.isRepost() && p.repostOfAuthorId() != null));
        assertEquals(0, count(posts, p -> p.isRepost() && (p.text() != null || !p.mentions().isEmpty())));
        assertEquals("#WakeUpAmerica \nMT:@DonAgainstislam: Mosques are off limits 2 FBI & NSA for snooping per Obama"
                + "\nREAD>>http://t.co/xFxW4Sef69\"", posts.stream().filter(p -> p.postId().equals("562023543148642304"))
                .findFirst().orElseThrow().text(), "Twitter's &amp; and &gt; decoded");
        assertEquals(0, count(posts, p -> p.text() != null && p.text().matches("(?s).*&(amp|lt|gt);.*")));
        assertEquals(31, sum(posts, p -> p.mentions().size()), "SOURCES.md's 66 include those of the 35 retweets");
        assertEquals(62, sum(posts, p -> p.urls().size()));
        assertEquals(63, sum(posts, p -> p.hashtags().size()));
        assertEquals(125, accounts.size(), "one per post: no user is twice in one record");
        assertEquals(112, new HashSet<>(accounts.stream().map(Account::accountId).toList()).size());
        assertEquals(61, accounts.stream().filter(a -> a.profileUrl() != null).count());
        assertEquals(14, accounts.stream().filter(a -> Boolean.TRUE.equals(a.verified())).count());
        assertEquals(125, accounts.stream().filter(a -> a.createdAt() != null).count(), "every user has created_at");
        assertEquals(t("2007-03-05T22:08:25Z"), accounts.stream().map(Account::createdAt).min(Comparator.naturalOrder()).get());
        assertEquals(t("2015-02-01T20:56:00Z"), accounts.stream().map(Account::createdAt).max(Comparator.naturalOrder()).get(),
                "created an hour before the tweet");
        assertEquals(0, deletions, "SOURCES.md: no stream control messages");
        assertEquals(0, empty);

        Map<String, Post> byId = posts.stream().collect(Collectors.toMap(Post::postId, Function.identity(), (a, b) -> a));
        Post first = byId.get("562024059245174784");
        assertEquals("joeruiz", first.authorHandle());
        assertEquals(t("2015-02-01T23:05:52Z"), first.createdAt());
        assertEquals(List.of(new Post.Mention("107186754", "TheCauldron")), first.mentions());
        assertEquals(List.of(), first.urls(), "its only link is a GIF on twitter.com");
        Account joe = accounts.get(0);
        assertEquals(new Account("twitter", "13375242", "joeruiz", "Joe Ruiz", "http://fb.com/joeruiz", joe.description(),
                3551L, 1955L, false, false, t("2008-02-12T03:35:50Z"), t("2015-02-01T23:05:52.283Z")), joe);
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedRealTweets() throws Exception {
        List<byte[]> values = new ArrayList<>(splitAll(format,
                Files.readAllBytes(SharedData.file("datasets/formats/twitter-v1.1/obama_stream_2015-02-01_first90.jsonl")))
                .stream().limit(40).map(SourceRecord::value).toList());
        values.add(bytes(RETWEET_OF_QUOTE));
        values.add(bytes(REPLY));
        values.add(bytes("{\"delete\":{\"status\":{\"id_str\":\"1\",\"user_id_str\":\"2\"},\"timestamp_ms\":\"1539690000000\"}}"));
        FormatTestSupport.assertOnlyBadRecordExceptions(format, values, CONTEXT, 20150201L);
    }

    private static long count(List<Post> posts, Predicate<Post> predicate) {
        return posts.stream().filter(predicate).count();
    }

    private static int sum(List<Post> posts, ToIntFunction<Post> size) {
        return posts.stream().mapToInt(size).sum();
    }
}
