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
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

class TwitterV2FormatTest {

    private final TwitterV2Format format = new TwitterV2Format();

    /**
     * A page in the shape twarc2 writes, with one of each case: an original with a mention, a
     * hashtag, an unwound link and a photo link; a retweet of another original; a reply that also
     * quotes; and data[0] repeated in includes.tweets, as Twitter does when a tweet in the results
     * is also referenced.
     */
    private static final String PAGE = """
            {"data":[
              {"id":"100","author_id":"1","created_at":"2021-09-22T16:37:29.000Z","lang":"en",
               "text":"Read this @bob #Brexit https://t.co/a https://t.co/p",
               "entities":{"mentions":[{"start":10,"end":14,"username":"bob","id":"2"}],"hashtags":[{"tag":"Brexit"}],
                 "urls":[{"url":"https://t.co/a","expanded_url":"https://bit.ly/x","unwound_url":"https://example.org/article"},
                         {"url":"https://t.co/p","expanded_url":"https://twitter.com/alice/status/100/photo/1","media_key":"3_1"}]}},
              {"id":"101","author_id":"2","created_at":"2021-09-22T16:38:00.000Z","lang":"en",
               "text":"RT @alice: Original #orig https://t.co/o","referenced_tweets":[{"type":"retweeted","id":"90"}],
               "entities":{"mentions":[{"username":"alice","id":"1"}],"hashtags":[{"tag":"orig"}],
                 "urls":[{"url":"https://t.co/o","expanded_url":"https://example.com/o"}]}},
              {"id":"102","author_id":"3","created_at":"2021-09-22T16:37:00.000Z","text":"@alice see https://t.co/q",
               "in_reply_to_user_id":"1",
               "referenced_tweets":[{"type":"replied_to","id":"100"},{"type":"quoted","id":"91"}],
               "entities":{"mentions":[{"username":"alice","id":"1"}],
                 "urls":[{"url":"https://t.co/q","expanded_url":"https://mobile.twitter.com/carol/status/91"}]}}
             ],
             "includes":{
              "users":[
               {"id":"1","username":"alice","name":"Alice","description":"bio","url":"https://t.co/u",
                "entities":{"url":{"urls":[{"url":"https://t.co/u","expanded_url":"https://alice.example"}]}},
                "public_metrics":{"followers_count":10,"following_count":5,"tweet_count":99},"protected":false,"verified":true},
               {"id":"2","username":"bob","url":"","protected":true,"verified":false},
               {"id":"3","username":"carol","url":"https://carol.example"}],
              "tweets":[
               {"id":"90","author_id":"1","created_at":"2021-09-22T16:00:00.000Z","text":"Original #orig https://t.co/o",
                "entities":{"hashtags":[{"tag":"orig"}],"urls":[{"url":"https://t.co/o","expanded_url":"https://example.com/o"}]}},
               {"id":"91","author_id":"3","created_at":"2021-09-22T15:00:00.000Z","text":"Quoted"},
               {"id":"100","author_id":"1","created_at":"2021-09-22T16:37:29.000Z","text":"Read this @bob"}],
              "media":[{"media_key":"3_1","type":"photo"}]},
             "meta":{"result_count":3,"newest_id":"101","oldest_id":"100"},
             "__twarc":{"url":"https://api.twitter.com/2/tweets/search/recent","version":"2.5.0",
                        "retrieved_at":"2021-09-22T16:40:00+00:00"}}
            """;

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static Map<String, Post> byId(ParsedRecord record) {
        return record.posts().stream().collect(Collectors.toMap(Post::postId, Function.identity()));
    }

    @Test
    void parsesEveryTweetOfThePageOnce() throws BadRecordException {
        ParsedRecord record = parse(format, PAGE);
        assertEquals(List.of("100", "101", "102", "90", "91"), record.posts().stream().map(Post::postId).toList(),
                "data first, then the included tweets not already in data");
        assertTrue(record.follows().isEmpty() && record.blogLinks().isEmpty());
    }

    @Test
    void anOriginalKeepsItsEntitiesButNotLinksIntoTwitter() throws BadRecordException {
        Post original = byId(parse(format, PAGE)).get("100");
        assertEquals(new Post("twitter", "100", "1", "alice", t("2021-09-22T16:37:29Z"),
                "Read this @bob #Brexit https://t.co/a https://t.co/p", "en", List.of("https://example.org/article"),
                List.of("Brexit"), List.of(new Post.Mention("2", "bob")), null, null, null, null, null, null, "twitter-v2"),
                original);
    }

    @Test
    void aRetweetCarriesNothingOfItsOwnAndPointsToTheOriginal() throws BadRecordException {
        Map<String, Post> posts = byId(parse(format, PAGE));
        assertEquals(new Post("twitter", "101", "2", "bob", t("2021-09-22T16:38:00Z"), null, "en", null, null, null,
                null, null, "90", "1", null, null, "twitter-v2"), posts.get("101"));
        Post original = posts.get("90");
        assertEquals("Original #orig https://t.co/o", original.text());
        assertEquals(List.of("orig"), original.hashtags());
        assertEquals(List.of("https://example.com/o"), original.urls());
        assertEquals("alice", original.authorHandle());
    }

    @Test
    void aReplyThatQuotesHasBothReferences() throws BadRecordException {
        Post reply = byId(parse(format, PAGE)).get("102");
        assertEquals("100", reply.replyToPostId());
        assertEquals("1", reply.replyToAuthorId());
        assertEquals("91", reply.quoteOfPostId());
        assertEquals("3", reply.quoteOfAuthorId());
        assertEquals(List.of(), reply.urls(), "the quoted tweet's permalink is not a link out");
        assertEquals(List.of(new Post.Mention("1", "alice")), reply.mentions());
    }

    @Test
    void everyUserBecomesAnAccountObservedWhenThePageWasRetrieved() throws BadRecordException {
        Instant retrieved = t("2021-09-22T16:40:00Z");
        assertEquals(List.of(
                new Account("twitter", "1", "alice", "Alice", "https://alice.example", "bio", 10L, 5L, false, true, retrieved),
                new Account("twitter", "2", "bob", null, null, null, null, null, true, false, retrieved),
                new Account("twitter", "3", "carol", null, "https://carol.example", null, null, null, null, null, retrieved)),
                parse(format, PAGE).accounts());
    }

    @Test
    void withoutRetrievalTimeAccountsAreObservedAtTheNewestTweet() throws BadRecordException {
        String page = PAGE.replace("\"retrieved_at\":\"2021-09-22T16:40:00+00:00\"", "\"version\":\"2.5.0\"");
        assertEquals(t("2021-09-22T16:38:00Z"), parse(format, page).accounts().get(0).observedAt());
    }

    @Test
    void withNoTimeAtAllAccountsAreObservedWhenReceived() throws BadRecordException {
        ParsedRecord record = parse(format, "{\"data\":[],\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"a\"}]}}");
        assertEquals(RECEIVED_AT, record.accounts().get(0).observedAt());
        assertTrue(record.posts().isEmpty());
    }

    @Test
    void aRetweetOfAMissingOriginalTakesItsAuthorFromTheRtPrefix() throws BadRecordException {
        Post retweet = parse(format, """
                {"data":[{"id":"5","author_id":"2","text":"RT @Alice_X: gone","referenced_tweets":[{"type":"retweeted","id":"4"}],
                  "entities":{"mentions":[{"username":"someone","id":"9"},{"username":"alice_x","id":"1"}]}}]}""")
                .posts().get(0);
        assertEquals("4", retweet.repostOfPostId());
        assertEquals("1", retweet.repostOfAuthorId());
        assertEquals(List.of(), retweet.mentions());
    }

    @Test
    void aRetweetWithNoWayToTellTheAuthorKeepsTheReferenceOnly() throws BadRecordException {
        Post retweet = parse(format, """
                {"data":[{"id":"5","author_id":"2","text":"no prefix","referenced_tweets":[{"type":"retweeted","id":"4"}]}]}""")
                .posts().get(0);
        assertEquals("4", retweet.repostOfPostId());
        assertNull(retweet.repostOfAuthorId());
    }

    @Test
    void aReplyWithoutInReplyToUserIdTakesTheAuthorOfTheRepliedTweet() throws BadRecordException {
        Map<String, Post> posts = byId(parse(format, """
                {"data":[{"id":"5","author_id":"2","text":"yes","referenced_tweets":[{"type":"replied_to","id":"4"}]},
                         {"id":"4","author_id":"7","text":"question?"},
                         {"id":"6","author_id":"2","text":"and?","referenced_tweets":[{"type":"replied_to","id":"3"}]}]}"""));
        assertEquals("7", posts.get("5").replyToAuthorId());
        assertEquals("3", posts.get("6").replyToPostId());
        assertNull(posts.get("6").replyToAuthorId(), "the replied tweet is not in the page");
    }

    @Test
    void theFirstReferenceOfEachTypeCountsAndUnknownTypesAreIgnored() throws BadRecordException {
        Post post = parse(format, """
                {"data":[{"id":"5","author_id":"2","text":"x","referenced_tweets":[
                  {"type":"quoted","id":"1"},{"type":"quoted","id":"2"},{"type":"edited","id":"3"}]}]}""").posts().get(0);
        assertEquals("1", post.quoteOfPostId());
        assertTrue(post.replyToPostId() == null && post.repostOfPostId() == null);
    }

    @Test
    void urlsPreferUnwoundThenExpandedThenShort() throws BadRecordException {
        Post post = parse(format, """
                {"data":[{"id":"5","author_id":"2","text":"x","entities":{"urls":[
                  {"url":"https://t.co/1","expanded_url":"https://bit.ly/1","unwound_url":"https://a.example/1"},
                  {"url":"https://t.co/2","expanded_url":"https://b.example/2"},
                  {"url":"https://t.co/3"},
                  {"url":"https://t.co/4","expanded_url":"https://x.com/someone"}]}}]}""").posts().get(0);
        assertEquals(List.of("https://a.example/1", "https://b.example/2", "https://t.co/3"), post.urls());
    }

    @Test
    void aSearchWithNoResultsIsAnEmptyPage() throws BadRecordException {
        assertTrue(parse(format, "{\"meta\":{\"result_count\":0},\"__twarc\":{\"retrieved_at\":\"2021-09-22T16:40:00Z\"}}").isEmpty());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"data":[                                                                   | MALFORMED_JSON     | page is not valid JSON
            [{"id":"1"}]                                                                | WRONG_TYPE         | page must be a JSON object, but was array
            {"meta":{"result_count":5}}                                                 | MISSING_FIELD      | data is missing
            {"data":null,"includes":{}}                                                 | MISSING_FIELD      | data is null
            {"errors":[{"title":"Not Found Error","detail":"Could not find tweet with ids: [1]."}]} | UNSUPPORTED_RECORD | page has no data, only 1 error(s), the first: 'Could not find tweet with ids: [1].'
            {"id":"1","author_id":"2","text":"a flattened tweet"}                       | UNSUPPORTED_RECORD | looks like a single tweet
            {"id_str":"1","text":"a v1.1 tweet"}                                        | UNSUPPORTED_RECORD | looks like a single tweet
            {"data":[{"id":"2","username":"alice","name":"A"}]}                         | UNSUPPORTED_RECORD | data holds users, not tweets
            {"data":{"id":"1"}}                                                         | WRONG_TYPE         | data must be an array, but was object
            {"data":["1"]}                                                              | WRONG_TYPE         | data[0] must be an object, but was string
            {"data":[{"id":"1","author_id":"2"},{"author_id":"2","text":"x"}]}          | MISSING_FIELD      | data[1].id is missing
            {"data":[{"id":"1","text":"x"}]}                                            | MISSING_FIELD      | data[0].author_id is missing
            {"data":[{"id":1.5,"author_id":"2"}]}                                       | WRONG_TYPE         | data[0].id must be a string or an integer, but was number
            {"data":[{"id":"1","author_id":"2","created_at":"Wed Sep 22 16:37:29 +0000 2021"}]} | WRONG_TYPE | data[0].created_at was 'Wed Sep 22 16:37:29 +0000 2021', but must be an ISO-8601 date-time
            {"data":[{"id":"1","author_id":"2","created_at":"2031-01-01T00:00:00.000Z"}]} | TIMESTAMP_OUT_OF_RANGE | data[0].created_at was 2031-01-01T00:00:00Z
            {"data":[{"id":"1","author_id":"2"}],"includes":{"users":[{"id":"2","created_at":"2031-12-31T23:59:59.000Z"}]}} | TIMESTAMP_OUT_OF_RANGE | includes.users[0].created_at was 2031-12-31T23:59:59Z
            {"data":[{"id":"1","author_id":"2","text":7}]}                              | WRONG_TYPE         | data[0].text must be a string, but was number
            {"data":[{"id":"1","author_id":"2","referenced_tweets":[{"id":"3"}]}]}      | MISSING_FIELD      | data[0].referenced_tweets[0].type is missing
            {"data":[{"id":"1","author_id":"2","referenced_tweets":[{"type":"quoted"}]}]} | MISSING_FIELD    | data[0].referenced_tweets[0].id is missing
            {"data":[{"id":"1","author_id":"2","entities":{"mentions":[{"start":0}]}}]} | MISSING_FIELD      | data[0].entities.mentions[0] must have id or username
            {"data":[{"id":"1","author_id":"2","entities":{"hashtags":[{"start":0}]}}]} | MISSING_FIELD      | data[0].entities.hashtags[0].tag is missing
            {"data":[{"id":"1","author_id":"2","entities":{"urls":[{"start":0}]}}]}     | MISSING_FIELD      | data[0].entities.urls[0].url is missing
            {"data":[{"id":"1","author_id":"2","entities":"none"}]}                     | WRONG_TYPE         | data[0].entities must be an object, but was string
            {"data":[],"includes":{"tweets":[{"id":"3"}]}}                              | MISSING_FIELD      | includes.tweets[0].author_id is missing
            {"data":[],"includes":{"users":[{"username":"a"}]}}                         | MISSING_FIELD      | includes.users[0].id is missing
            {"data":[],"includes":{"users":[{"id":"1","public_metrics":{"followers_count":"many"}}]}} | WRONG_TYPE | includes.users[0].public_metrics.followers_count must be an integer, but was string
            {"data":[],"includes":{"users":[{"id":"1","verified":"no"}]}}               | WRONG_TYPE         | includes.users[0].verified must be true or false, but was string
            {"data":[],"includes":{"users":[]},"__twarc":{"retrieved_at":"later"}}      | WRONG_TYPE         | __twarc.retrieved_at was 'later'
            """)
    void rejectsBadPages(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertBad(format, concat(bytes("{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"text\":\""), INVALID_UTF8, bytes("\"}]}")),
                Reason.INVALID_UTF8, "page is not valid UTF-8");
    }

    @Test
    void splitPublishesEachPageLineUnkeyedAndUnchanged() throws Exception {
        byte[] broken = concat(bytes("{\"data\":[{\"text\":\""), INVALID_UTF8, bytes("\"}]}"));
        byte[] file = concat(bytes(PAGE.strip().replace("\n", " ")), bytes("\r\n\n"), broken, bytes("\n"));
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(2, records.size());
            assertNull(records.get(0).key());
            assertNull(records.get(1).key());
            assertArrayEquals(bytes(PAGE.strip().replace("\n", " ")), records.get(0).value());
            assertArrayEquals(broken, records.get(1).value());
            assertEquals(3, records.get(1).line());
        }
    }

    /**
     * The real twarc2 sample: one line, one page of a #brexit search (see its SOURCES.md). The
     * expected figures were counted independently with jq and with a Python script over the raw
     * JSON, applying the rules of this format: posts are data plus the included tweets not in data;
     * a retweet is a tweet with a {@code retweeted} reference and has no entities of its own; URLs
     * are unwound_url, else expanded_url, minus links into twitter.com and x.com. For instance:
     * <pre>
     * jq '(.data|map(.id)) as $d | [.data[], (.includes.tweets[]|select(.id as $i|$d|index($i)|not))]
     *     | [.[]|select(any(.referenced_tweets[]?; .type=="retweeted")|not)|.entities.mentions[]?] | length'
     * </pre>
     */
    @Test
    void parsesTheRealTwarc2Sample() throws Exception {
        Path file = SharedData.file("datasets/formats/twitter-v2-twarc2/brexit.jsonl");
        List<SourceRecord> records = splitAll(format, Files.readAllBytes(file));
        assertEquals(1, records.size(), "the sample is one page");
        byte[] page = records.get(0).value();
        assertEquals(356_473, page.length, "the sample's 356,474 bytes without the final line end");
        ParsedRecord record = format.parse(page, FormatTestSupport.CONTEXT);

        JsonNode raw = Json.MAPPER.readTree(page);
        assertEquals(100, raw.get("data").size());
        assertEquals(59, raw.get("includes").get("tweets").size());
        int rawMentionsInData = 0;
        for (JsonNode tweet : raw.get("data")) {
            rawMentionsInData += tweet.path("entities").path("mentions").size();
        }
        assertEquals(120, rawMentionsInData, "mentions in data before the rule that retweets carry none");

        List<Post> posts = record.posts();
        List<Post> fromData = posts.subList(0, 100);
        assertEquals(155, posts.size(), "100 from data + 59 included - 4 included tweets that are also in data");
        assertEquals(155, posts.stream().map(Post::postId).distinct().count());
        Set<String> dataIds = new HashSet<>();
        raw.get("data").forEach(tweet -> dataIds.add(tweet.get("id").textValue()));
        assertEquals(dataIds, fromData.stream().map(Post::postId).collect(Collectors.toSet()));

        assertEquals(67, count(fromData, Post::isRepost));
        assertEquals(67, count(posts, Post::isRepost), "no included tweet is a retweet");
        assertEquals(11, count(fromData, Post::isQuote));
        assertEquals(24, count(posts, Post::isQuote), "11 in data + 15 included - 2 in both");
        assertEquals(10, count(fromData, Post::isReply));
        assertEquals(17, count(posts, Post::isReply));
        assertEquals(67, count(posts, p -> p.isRepost() && p.repostOfAuthorId() != null), "every original is included");
        assertEquals(17, count(posts, p -> p.isReply() && p.replyToAuthorId() != null));
        assertEquals(13, count(posts, p -> p.isQuote() && p.quoteOfAuthorId() != null),
                "the other 11 are included tweets whose own quoted tweet is not in the page");
        assertEquals(0, count(posts, p -> p.isRepost() && (p.text() != null || !p.mentions().isEmpty()
                || !p.urls().isEmpty() || !p.hashtags().isEmpty())));
        assertEquals(155, count(posts, p -> p.authorHandle() != null), "every author is in includes.users");

        assertEquals(32, sum(fromData, p -> p.mentions().size()));
        assertEquals(60, sum(posts, p -> p.mentions().size()));
        assertEquals(89, sum(fromData, p -> p.hashtags().size()));
        assertEquals(182, sum(posts, p -> p.hashtags().size()));
        assertEquals(4, sum(fromData, p -> p.urls().size()));
        assertEquals(16, sum(posts, p -> p.urls().size()));

        List<Account> accounts = record.accounts();
        assertEquals(177, accounts.size());
        assertEquals(177, accounts.stream().map(Account::accountId).distinct().count());
        assertEquals(30, accounts.stream().filter(a -> Boolean.TRUE.equals(a.verified())).count());
        assertEquals(0, accounts.stream().filter(a -> Boolean.TRUE.equals(a.isProtected())).count());
        assertEquals(69, accounts.stream().filter(a -> a.profileUrl() != null).count());
        assertEquals(177, accounts.stream().filter(a -> a.createdAt() != null).count(), "every user has created_at");
        assertEquals(t("2007-01-08T08:05:57Z"), accounts.stream().map(Account::createdAt).min(Comparator.naturalOrder()).get());
        assertEquals(t("2021-08-19T22:11:38Z"), accounts.stream().map(Account::createdAt).max(Comparator.naturalOrder()).get());
        assertTrue(accounts.stream().allMatch(a -> a.observedAt().equals(t("2021-09-22T16:38:09Z"))),
                "observed at __twarc.retrieved_at");

        Map<String, Post> byId = posts.stream().collect(Collectors.toMap(Post::postId, Function.identity()));
        Post first = byId.get("1440716895355764743");
        assertEquals("WarmongerHodges", first.authorHandle());
        assertEquals(t("2021-09-22T16:37:29Z"), first.createdAt());
        assertEquals(List.of("PeoplesVote", "Brexit"), first.hashtags());

        Post retweet = byId.get("1440716856763977732");
        assertEquals("jacquip537", retweet.authorHandle());
        assertEquals("1440713161355583489", retweet.repostOfPostId());
        assertEquals("711945679", retweet.repostOfAuthorId());
        Post original = byId.get(retweet.repostOfPostId());
        assertEquals("carolJhedges", original.authorHandle());
        assertTrue(original.text().startsWith(". #BorisJohnson has revealed his favourite bottle of wine, Tignanello costs £180"),
                original.text());
        assertEquals(List.of("BorisJohnson", "UniversalCredit", "Brexit", "brexit", "JohnsonOut", "BorisTheLiar"),
                original.hashtags());
        assertEquals(List.of(), original.urls(), "its only link is its own photo");
        assertTrue(byId.get("1440716848299872269").text().startsWith("Id rather have had Billions in Debt & owned"),
                "Twitter's &amp; decoded: " + byId.get("1440716848299872269").text());
        assertEquals(0, count(posts, p -> p.text() != null && p.text().matches("(?s).*&(amp|lt|gt);.*")));

        Post quote = byId.get("1440715975020584960");
        assertEquals("1440660748275834882", quote.quoteOfPostId());
        assertEquals("963465855538524162", quote.quoteOfAuthorId());
        assertEquals(List.of(new Post.Mention("222748037", "AngelaRayner")), quote.mentions());
        assertEquals(List.of("NicolaSturgeon", "Brexit"), quote.hashtags());
        assertEquals(List.of(), quote.urls(), "the quoted tweet's permalink is dropped");

        Post reply = byId.get("1440716745577140229");
        assertEquals("1440621713281093641", reply.replyToPostId());
        assertEquals("1717521084", reply.replyToAuthorId());

        assertEquals(List.of("https://www.nytimes.com/2021/09/22/world/europe/france-submarines-biden.html"),
                byId.get("1440716656943058945").urls());

        Account carol = accounts.stream().filter(a -> a.accountId().equals("711945679")).findFirst().orElseThrow();
        assertEquals(new Account("twitter", "711945679", "carolJhedges", "\uD83D\uDC1Fcarol hedges",
                "http://amazon.co.uk/Carol-Hedges/e/B0034PUES6", carol.description(), 24922L, 11555L, false, false,
                t("2012-07-23T06:48:28Z"), t("2021-09-22T16:38:09Z")), carol);
        assertTrue(carol.description().startsWith("Author of the #histfic Victorian Detectives Series"));
    }

    private static long count(List<Post> posts, Predicate<Post> predicate) {
        return posts.stream().filter(predicate).count();
    }

    private static int sum(List<Post> posts, ToIntFunction<Post> size) {
        return posts.stream().mapToInt(size).sum();
    }
}
