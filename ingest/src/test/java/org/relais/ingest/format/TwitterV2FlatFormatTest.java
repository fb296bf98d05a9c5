package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.INVALID_UTF8;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

class TwitterV2FlatFormatTest {

    private final TwitterV2FlatFormat format = new TwitterV2FlatFormat();

    /**
     * A reply that quotes, as twarc2 flattens it: author, replied-to user and mentioned user
     * inlined; the quoted tweet inlined with its own author and its own reference to a tweet that
     * was also in the page; the replied-to tweet missing from the page (merged with nothing).
     */
    private static final String TWEET = """
            {"id":"102","author_id":"3","created_at":"2021-09-22T16:37:00.000Z","lang":"en",
             "text":"@alice see https://t.co/q #Brexit","in_reply_to_user_id":"1",
             "referenced_tweets":[{"type":"replied_to","id":"100"},
               {"type":"quoted","id":"91","author_id":"4","created_at":"2021-09-22T15:00:00.000Z","text":"Quoted https://t.co/z",
                "entities":{"urls":[{"url":"https://t.co/z","expanded_url":"https://example.org/z"}]},
                "referenced_tweets":[{"type":"quoted","id":"80","author_id":"5","text":"older","author":{"id":"5","username":"eve","name":"Eve"}}],
                "author":{"id":"4","username":"dave","name":"Dave","url":"https://t.co/d",
                  "entities":{"url":{"urls":[{"url":"https://t.co/d","expanded_url":"https://dave.example"}]}},
                  "public_metrics":{"followers_count":3,"following_count":4}}}],
             "entities":{"mentions":[{"start":0,"end":6,"username":"alice","id":"1","name":"Alice","verified":true}],
               "hashtags":[{"tag":"Brexit"}],
               "urls":[{"url":"https://t.co/q","expanded_url":"https://mobile.twitter.com/dave/status/91"}]},
             "author":{"id":"3","username":"carol","name":"Carol"},
             "in_reply_to_user":{"id":"1","username":"alice","name":"Alice","verified":true},
             "__twarc":{"url":"https://api.twitter.com/2/tweets/search/recent?query=x","version":"2.8.1",
                        "retrieved_at":"2021-09-22T16:40:00+00:00"}}
            """;

    private static Map<String, Post> byId(ParsedRecord record) {
        return record.posts().stream().collect(Collectors.toMap(Post::postId, Function.identity()));
    }

    @Test
    void aTweetAndTheTweetsItInlinesArePosts() throws BadRecordException {
        ParsedRecord record = parse(format, TWEET);
        assertEquals(List.of("102", "91"), record.posts().stream().map(Post::postId).toList(),
                "the tweet, then its inlined references; 100 was not in the page, 80 is two steps away");
        assertEquals(new Post("twitter", "102", "3", "carol", Instant.parse("2021-09-22T16:37:00Z"),
                "@alice see https://t.co/q #Brexit", "en", List.of(), List.of("Brexit"), List.of(new Post.Mention("1", "alice")),
                "100", "1", null, null, "91", "4", "twitter-v2-flat"), byId(record).get("102"));
        Post quoted = byId(record).get("91");
        assertEquals("dave", quoted.authorHandle());
        assertEquals(List.of("https://example.org/z"), quoted.urls());
        assertEquals("80", quoted.quoteOfPostId());
        assertEquals("5", quoted.quoteOfAuthorId(), "found in the inlined tweet of the inlined tweet");
    }

    @Test
    void inlinedUsersAreAccountsOnceEach() throws BadRecordException {
        Instant retrieved = Instant.parse("2021-09-22T16:40:00Z");
        assertEquals(List.of(
                new Account("twitter", "3", "carol", "Carol", null, null, null, null, null, null, retrieved),
                new Account("twitter", "1", "alice", "Alice", null, null, null, null, null, true, retrieved),
                new Account("twitter", "4", "dave", "Dave", "https://dave.example", null, 3L, 4L, null, null, retrieved)),
                parse(format, TWEET).accounts());
    }

    @Test
    void withoutRetrievalTimeAccountsAreObservedAtTheTweetOrWhenReceived() throws BadRecordException {
        assertEquals(Instant.parse("2021-09-22T16:37:00Z"), parse(format,
                "{\"id\":\"1\",\"author_id\":\"3\",\"created_at\":\"2021-09-22T16:37:00Z\",\"author\":{\"id\":\"3\",\"name\":\"C\"}}")
                .accounts().get(0).observedAt());
        assertEquals(RECEIVED_AT, parse(format, "{\"id\":\"1\",\"author_id\":\"3\",\"author\":{\"id\":\"3\",\"name\":\"C\"}}")
                .accounts().get(0).observedAt());
    }

    @Test
    void aRetweetKeepsNothingOfItsOwnAndAnEmptyAuthorIsNoAccount() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"id":"5","author_id":"2","text":"RT @alice: gone","author":{},
                 "referenced_tweets":[{"type":"retweeted","id":"4"}],
                 "entities":{"mentions":[{"username":"alice","id":"1"}]}}""");
        Post retweet = record.posts().get(0);
        assertEquals("4", retweet.repostOfPostId());
        assertEquals("1", retweet.repostOfAuthorId(), "from the RT prefix, the original not being inlined");
        assertNull(retweet.text());
        assertNull(retweet.authorHandle());
        assertEquals(List.of(), record.accounts(), "an empty author and a mention without user data give no account");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"id":"1","author_id":"2"                                            | MALFORMED_JSON         | tweet is not valid JSON
            [{"id":"1"}]                                                         | WRONG_TYPE             | tweet must be a JSON object, but was array
            {"data":[{"id":"1","author_id":"2"}]}                                | UNSUPPORTED_RECORD     | use twitter-v2
            {"id_str":"1","text":"v1.1","user":{"id_str":"2"}}                   | UNSUPPORTED_RECORD     | use twitter-v1
            {"id":"2","username":"alice","name":"A","__twarc":{}}                | UNSUPPORTED_RECORD     | use twitter-v2-users
            {"author_id":"2","text":"x"}                                         | MISSING_FIELD          | id is missing
            {"id":"1","text":"x"}                                                | MISSING_FIELD          | author_id is missing
            {"id":"1","author_id":"2","created_at":"2031-01-01T00:00:00Z"}       | TIMESTAMP_OUT_OF_RANGE | created_at was 2031-01-01T00:00:00Z
            {"id":"1","author_id":"2","author":{"username":"x"}}                 | MISSING_FIELD          | author.id is missing
            {"id":"1","author_id":"2","author":"x"}                              | WRONG_TYPE             | author must be an object, but was string
            {"id":"1","author_id":"2","referenced_tweets":[{"type":"quoted","id":"3","author_id":"4","created_at":"x"}]} | WRONG_TYPE | referenced_tweets[0].created_at was 'x'
            {"id":"1","author_id":"2","referenced_tweets":[{"type":"quoted","author_id":"4"}]} | MISSING_FIELD | referenced_tweets[0].id is missing
            {"id":"1","author_id":"2","entities":{"mentions":[{"username":"a","name":"A"}]}} | MISSING_FIELD | entities.mentions[0].id is missing
            {"id":"1","author_id":"2","author":{"id":"2","verified":"yes"}}      | WRONG_TYPE             | author.verified must be true or false, but was string
            {"id":"1","author_id":"2","__twarc":{"retrieved_at":"later"}}        | WRONG_TYPE             | __twarc.retrieved_at was 'later'
            """)
    void rejectsBadTweets(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertInvalidUtf8Rejected(format, "{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"", "\"}", "tweet is not valid UTF-8");
    }

    @Test
    void splitKeysEachTweetLineByItsId() throws Exception {
        byte[] broken = concat(bytes("{\"id\":\"7\",\"text\":\""), INVALID_UTF8, bytes("\"}"));
        byte[] file = concat(bytes(TWEET.strip().replace("\n", " ") + "\r\n\n{\"id\":12345678901234567890,\"x\":1}\n{\"no\":1}\n"),
                broken);
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(4, records.size());
            assertEquals("twitter:102", keyOf(records.get(0)), "the top-level id, not a referenced tweet's");
            assertEquals("twitter:12345678901234567890", keyOf(records.get(1)), "numeric ids keep every digit");
            assertNull(records.get(2).key());
            assertEquals("twitter:7", keyOf(records.get(3)), "the id is read before the bad bytes");
            assertArrayEquals(broken, records.get(3).value());
            assertEquals(5, records.get(3).line());
        }
    }

    /**
     * The real twarc2 page flattened as {@code twarc2 flatten} does (see {@link #flatten}): the
     * figures are those of the page read by {@code twitter-v2} ({@link TwitterV2FormatTest}), since
     * the distinct posts and accounts of the flattened lines must be exactly the page's. They were
     * also counted independently with a Python script that runs twarc's own flatten code on the page
     * and applies this format's rules to the output: 100 lines, 188 post rows of which 155 distinct
     * and equal field by field to the page's posts, 234 account rows of which 177 distinct ids, the
     * page's 177 users.
     */
    @Test
    void theFlattenedRealPageGivesWhatThePageGives() throws Exception {
        byte[] pageBytes = Files.readAllBytes(SharedData.file("datasets/formats/twitter-v2-twarc2/brexit.jsonl"));
        ParsedRecord page = new TwitterV2Format().parse(splitAll(new TwitterV2Format(), pageBytes).get(0).value(), CONTEXT);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (ObjectNode tweet : flatten((ObjectNode) Json.MAPPER.readTree(pageBytes))) {
            file.writeBytes(Json.MAPPER.writeValueAsBytes(tweet));
            file.write('\n');
        }
        List<SourceRecord> lines = splitAll(format, file.toByteArray());
        assertEquals(100, lines.size(), "one line per tweet of data");

        List<Post> posts = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        for (SourceRecord line : lines) {
            ParsedRecord record = format.parse(line.value(), CONTEXT);
            assertEquals("twitter:" + record.posts().get(0).postId(), keyOf(line));
            posts.addAll(record.posts());
            accounts.addAll(record.accounts());
        }
        assertEquals(188, posts.size(), "100 tweets + 88 inlined referenced tweets (an original once per line citing it)");
        assertEquals(234, accounts.size(), "the users inlined in each line, once per line");

        Map<String, Post> distinct = new LinkedHashMap<>();
        for (Post post : posts) {
            Post previous = distinct.putIfAbsent(post.postId(), post);
            assertTrue(previous == null || previous.equals(post), () -> "two lines disagree on " + post.postId());
        }
        assertEquals(155, distinct.size());
        Map<String, Post> fromPage = page.posts().stream()
                .collect(Collectors.toMap(Post::postId, p -> asFlat(p)));
        assertEquals(fromPage, distinct, "the same posts with the same fields as the page gives");
        assertEquals(Set.copyOf(page.accounts()), new HashSet<>(accounts), "the page's 177 accounts, all observed at retrieval");
        assertEquals(177, new HashSet<>(accounts).size());
    }

    private static Post asFlat(Post p) {
        return new Post(p.platform(), p.postId(), p.authorId(), p.authorHandle(), p.createdAt(), p.text(), p.lang(), p.urls(),
                p.hashtags(), p.mentions(), p.replyToPostId(), p.replyToAuthorId(), p.repostOfPostId(), p.repostOfAuthorId(),
                p.quoteOfPostId(), p.quoteOfAuthorId(), TwitterV2FlatFormat.NAME);
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedRealLines() throws Exception {
        byte[] pageBytes = Files.readAllBytes(SharedData.file("datasets/formats/twitter-v2-twarc2/brexit.jsonl"));
        List<byte[]> lines = new ArrayList<>();
        for (ObjectNode tweet : flatten((ObjectNode) Json.MAPPER.readTree(pageBytes))) {
            lines.add(Json.MAPPER.writeValueAsBytes(tweet));
        }
        FormatTestSupport.assertOnlyBadRecordExceptions(format, lines.subList(0, 40), CONTEXT, 20210922L);
    }

    /**
     * What {@code twarc2 flatten} makes of a response page, ported from twarc's
     * {@code expansions.flatten} (DocNow/twarc, twarc/expansions.py): included tweets are expanded
     * first, then each tweet of {@code data}; expanding an object expands its fields, then adds
     * {@code author}, {@code in_reply_to_user}, {@code media}, {@code poll}, the place into
     * {@code geo}, merges each mention with its user and each referenced tweet with the (expanded)
     * included tweet, and adds {@code pinned_tweet}; what is missing from the page is {@code {}}.
     * Each tweet then gets the page's {@code __twarc}.
     */
    static List<ObjectNode> flatten(ObjectNode page) {
        JsonNode includes = page.path("includes");
        Map<String, JsonNode> users = new HashMap<>(index(includes.path("users"), "id"));
        users.putAll(index(includes.path("users"), "username"));
        Map<String, JsonNode> media = index(includes.path("media"), "media_key");
        Map<String, JsonNode> polls = index(includes.path("polls"), "id");
        Map<String, JsonNode> places = index(includes.path("places"), "id");
        Map<String, JsonNode> tweets = index(includes.path("tweets"), "id");
        Expander expander = new Expander(users, media, polls, places, tweets);
        for (Map.Entry<String, JsonNode> included : index(includes.path("tweets"), "id").entrySet()) {
            tweets.put(included.getKey(), expander.expand(included.getValue()));
        }
        List<ObjectNode> result = new ArrayList<>();
        for (JsonNode tweet : page.path("data")) {
            ObjectNode expanded = (ObjectNode) expander.expand(tweet);
            if (page.has("__twarc")) {
                expanded.set("__twarc", page.get("__twarc"));
            }
            result.add(expanded);
        }
        return result;
    }

    private static Map<String, JsonNode> index(JsonNode array, String key) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode element : array) {
            byKey.put(element.path(key).asText(), element);
        }
        return byKey;
    }

    private record Expander(Map<String, JsonNode> users, Map<String, JsonNode> media, Map<String, JsonNode> polls,
            Map<String, JsonNode> places, Map<String, JsonNode> tweets) {

        private static JsonNode lookup(Map<String, JsonNode> from, JsonNode key) {
            JsonNode found = from.get(key.asText());
            return found != null ? found : Json.MAPPER.createObjectNode();
        }

        JsonNode expand(JsonNode payload) {
            if (payload.isArray()) {
                ArrayNode array = (ArrayNode) payload;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, expand(array.get(i)));
                }
                return array;
            }
            if (!payload.isObject()) {
                return payload;
            }
            ObjectNode object = (ObjectNode) payload;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, expand(object.get(name)));
            }
            if (object.has("author_id")) {
                object.set("author", lookup(users, object.get("author_id")));
            }
            if (object.has("in_reply_to_user_id")) {
                object.set("in_reply_to_user", lookup(users, object.get("in_reply_to_user_id")));
            }
            if (object.has("media_keys")) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                object.get("media_keys").forEach(k -> list.add(lookup(media, k)));
                object.set("media", list);
            }
            if (object.has("poll_ids") && object.get("poll_ids").size() > 0) {
                object.set("poll", lookup(polls, object.get("poll_ids").get(object.get("poll_ids").size() - 1)));
            }
            if (object.has("geo") && object.get("geo").has("place_id")) {
                object.set("geo", merge(object.get("geo"), lookup(places, object.get("geo").get("place_id"))));
            }
            if (object.has("mentions")) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                object.get("mentions").forEach(m -> list.add(merge(m, lookup(users, m.get("username")))));
                object.set("mentions", list);
            }
            if (object.has("referenced_tweets")) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                object.get("referenced_tweets").forEach(r -> list.add(merge(r, lookup(tweets, r.get("id")))));
                object.set("referenced_tweets", list);
            }
            if (object.has("pinned_tweet_id")) {
                object.set("pinned_tweet", lookup(tweets, object.get("pinned_tweet_id")));
            }
            return object;
        }

        private static ObjectNode merge(JsonNode first, JsonNode second) {
            ObjectNode merged = Json.MAPPER.createObjectNode();
            merged.setAll((ObjectNode) first);
            merged.setAll((ObjectNode) second);
            return merged;
        }
    }
}
