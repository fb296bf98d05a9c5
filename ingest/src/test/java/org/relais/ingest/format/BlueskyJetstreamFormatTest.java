package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

class BlueskyJetstreamFormatTest {

    private final BlueskyJetstreamFormat format = new BlueskyJetstreamFormat();

    private static final String ALICE = "did:plc:alice4kzu6bthrbqsq7cdtsn";
    private static final String BOB = "did:plc:bob7ymtb3zwaxn3s7d4kqdpr";
    private static final String CAROL = "did:web:carol.example";

    /** A reply with a mention, a link shown both as a facet and as a link card, and two tags. */
    private static final String REPLY = """
            {"did":"did:plc:alice4kzu6bthrbqsq7cdtsn","time_us":1718000000123456,"kind":"commit",
             "commit":{"rev":"3kv2a","operation":"create","collection":"app.bsky.feed.post","rkey":"3kv2ajx7lcs2p",
              "record":{"$type":"app.bsky.feed.post","createdAt":"2024-06-10T06:13:19.500Z","langs":["fr","en"],
               "text":"@bob.bsky.social lisez ceci: lemonde.example/article #Europe #Vote",
               "reply":{"root":{"cid":"bafyroot","uri":"at://did:plc:bob7ymtb3zwaxn3s7d4kqdpr/app.bsky.feed.post/3kv1root"},
                        "parent":{"cid":"bafyparent","uri":"at://did:plc:bob7ymtb3zwaxn3s7d4kqdpr/app.bsky.feed.post/3kv1parent"}},
               "facets":[
                {"index":{"byteStart":0,"byteEnd":16},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:bob7ymtb3zwaxn3s7d4kqdpr"}]},
                {"index":{"byteStart":29,"byteEnd":51},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://lemonde.example/article"}]},
                {"index":{"byteStart":52,"byteEnd":59},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"Europe"}]},
                {"index":{"byteStart":60,"byteEnd":65},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"#Vote"},
                                                                 {"$type":"blue.example.facet#sparkle"}]}],
               "embed":{"$type":"app.bsky.embed.external","external":{"uri":"https://lemonde.example/article","title":"T","description":"D"}}},
              "cid":"bafypost"}}
            """;

    private static String event(String did, String commit) {
        return "{\"did\":\"" + did + "\",\"time_us\":1718000000000000,\"kind\":\"commit\",\"commit\":" + commit + "}";
    }

    private static String create(String did, String collection, String rkey, String record) {
        return event(did, "{\"rev\":\"r\",\"operation\":\"create\",\"collection\":\"" + collection + "\",\"rkey\":\"" + rkey
                + "\",\"record\":" + record + ",\"cid\":\"bafy\"}");
    }

    private static String delete(String did, String collection, String rkey) {
        return event(did, "{\"rev\":\"r\",\"operation\":\"delete\",\"collection\":\"" + collection + "\",\"rkey\":\"" + rkey + "\"}");
    }

    @Test
    void aPostWithFacetsAndALinkCard() throws BadRecordException {
        ParsedRecord record = parse(format, REPLY);
        assertEquals(List.of(new Post("bluesky", "at://" + ALICE + "/app.bsky.feed.post/3kv2ajx7lcs2p", ALICE, null,
                Instant.parse("2024-06-10T06:13:19.500Z"), "@bob.bsky.social lisez ceci: lemonde.example/article #Europe #Vote",
                "fr", List.of("https://lemonde.example/article"), List.of("Europe", "Vote"), List.of(new Post.Mention(BOB, null)),
                "at://" + BOB + "/app.bsky.feed.post/3kv1parent", BOB, null, null, null, null, "bluesky-jetstream")),
                record.posts());
        assertTrue(record.accounts().isEmpty() && record.follows().isEmpty() && record.deletions().isEmpty());
    }

    @Test
    void anEmbeddedPostIsAQuoteWithOrWithoutMedia() throws BadRecordException {
        String quoted = "at://" + CAROL + "/app.bsky.feed.post/3kquoted";
        Post quote = parse(format, create(ALICE, "app.bsky.feed.post", "3kq1", """
                {"text":"this","createdAt":"2024-06-10T07:00:00Z","embed":{"$type":"app.bsky.embed.record",
                 "record":{"cid":"bafyq","uri":"%s"}}}""".formatted(quoted))).posts().get(0);
        assertEquals(quoted, quote.quoteOfPostId());
        assertEquals(CAROL, quote.quoteOfAuthorId(), "did:web DIDs are DIDs too");
        Post withMedia = parse(format, create(ALICE, "app.bsky.feed.post", "3kq2", """
                {"text":"this","createdAt":"2024-06-10T07:00:00Z","embed":{"$type":"app.bsky.embed.recordWithMedia",
                 "media":{"$type":"app.bsky.embed.images","images":[]},"record":{"record":{"cid":"bafyq","uri":"%s"}}}}"""
                .formatted(quoted))).posts().get(0);
        assertEquals(quoted, withMedia.quoteOfPostId());
        assertEquals(List.of(), withMedia.urls(), "images are no link");
        Post withCard = parse(format, create(ALICE, "app.bsky.feed.post", "3kq2c", """
                {"text":"read this","createdAt":"2024-06-10T07:00:00Z","embed":{"$type":"app.bsky.embed.recordWithMedia",
                 "media":{"$type":"app.bsky.embed.external","external":{"uri":"https://blog.example/post","title":"t"}},
                 "record":{"record":{"cid":"bafyq","uri":"%s"}}}}""".formatted(quoted))).posts().get(0);
        assertEquals(quoted, withCard.quoteOfPostId());
        assertEquals(List.of("https://blog.example/post"), withCard.urls(), "the link card beside the quote");
        Post feed = parse(format, create(ALICE, "app.bsky.feed.post", "3kq3", """
                {"text":"try this feed","embed":{"$type":"app.bsky.embed.record",
                 "record":{"uri":"at://did:plc:x/app.bsky.feed.generator/news"}}}""")).posts().get(0);
        assertNull(feed.quoteOfPostId(), "an embedded feed generator is not a quoted post");
        assertEquals(Instant.parse("2024-06-10T06:13:20Z"), feed.createdAt(), "no createdAt: the event's time_us");
        Post byHandle = parse(format, create(ALICE, "app.bsky.feed.post", "3kq4", """
                {"text":"x","embed":{"$type":"app.bsky.embed.record","record":{"uri":"at://carol.example/app.bsky.feed.post/3k"}}}"""))
                .posts().get(0);
        assertEquals("at://carol.example/app.bsky.feed.post/3k", byHandle.quoteOfPostId());
        assertNull(byHandle.quoteOfAuthorId(), "a URI naming the repository by handle gives no author id");
    }

    @Test
    void aRepostAndAFollow() throws BadRecordException {
        String original = "at://" + BOB + "/app.bsky.feed.post/3kv1parent";
        assertEquals(List.of(new Post("bluesky", "at://" + ALICE + "/app.bsky.feed.repost/3krp", ALICE, null,
                Instant.parse("2024-06-10T08:00:00Z"), null, null, null, null, null, null, null, original, BOB, null, null,
                "bluesky-jetstream")),
                parse(format, create(ALICE, "app.bsky.feed.repost", "3krp", """
                        {"$type":"app.bsky.feed.repost","createdAt":"2024-06-10T08:00:00Z","subject":{"cid":"bafy","uri":"%s"},
                         "via":{"cid":"bafyv","uri":"at://did:plc:x/app.bsky.feed.repost/3kvia"}}""".formatted(original))).posts());
        assertEquals(List.of(new Follow("bluesky", ALICE, BOB, Instant.parse("2024-06-10T09:00:00Z"), "bluesky-jetstream",
                        "at://" + ALICE + "/app.bsky.graph.follow/3kf")),
                parse(format, create(ALICE, "app.bsky.graph.follow", "3kf", """
                        {"$type":"app.bsky.graph.follow","createdAt":"2024-06-10T09:00:00Z","subject":"%s"}""".formatted(BOB)))
                        .follows());
    }

    @Test
    void deletionsOfPostsRepostsAndFollows() throws BadRecordException {
        Instant at = Instant.parse("2024-06-10T06:13:20Z");
        assertEquals(List.of(Deletion.post("bluesky", "at://" + ALICE + "/app.bsky.feed.post/3kp", ALICE, at, "bluesky-delete")),
                parse(format, delete(ALICE, "app.bsky.feed.post", "3kp")).deletions());
        assertEquals(List.of(Deletion.post("bluesky", "at://" + ALICE + "/app.bsky.feed.repost/3kr", ALICE, at, "bluesky-delete")),
                parse(format, delete(ALICE, "app.bsky.feed.repost", "3kr")).deletions());
        Deletion follow = parse(format, delete(ALICE, "app.bsky.graph.follow", "3kf")).deletions().get(0);
        assertEquals(Deletion.follow("bluesky", ALICE, "at://" + ALICE + "/app.bsky.graph.follow/3kf", at, "bluesky-delete"),
                follow);
        assertEquals(Deletion.Kind.FOLLOW, follow.kind());
        assertEquals(ALICE, follow.accountId(), "the follower; the event does not name the account followed");
    }

    @Test
    void identityEventsGiveHandlesAndDeletedAccountsDeletions() throws BadRecordException {
        assertEquals(List.of(new Account("bluesky", ALICE, "alice.example.org", null, null, null, null, null, null, null,
                Instant.parse("2024-06-10T06:00:00.100Z"))),
                parse(format, "{\"did\":\"" + ALICE + "\",\"time_us\":1718000000000000,\"kind\":\"identity\",\"identity\":{\"did\":\""
                        + ALICE + "\",\"handle\":\"alice.example.org\",\"seq\":1,\"time\":\"2024-06-10T06:00:00.100Z\"}}").accounts());
        assertEquals(RECEIVED_AT, parse(format, "{\"did\":\"" + ALICE + "\",\"kind\":\"identity\",\"identity\":{\"handle\":\"a.b\"}}")
                .accounts().get(0).observedAt());
        assertEquals(List.of(Deletion.account("bluesky", ALICE, Instant.parse("2024-06-11T00:00:00Z"), "bluesky-account-deleted")),
                parse(format, "{\"did\":\"" + ALICE + "\",\"time_us\":1718000000000000,\"kind\":\"account\",\"account\":{\"active\":false,"
                        + "\"status\":\"deleted\",\"did\":\"" + ALICE + "\",\"seq\":2,\"time\":\"2024-06-11T00:00:00Z\"}}").deletions());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"did\":\"did:plc:a\",\"kind\":\"identity\",\"identity\":{\"did\":\"did:plc:a\",\"seq\":1,\"time\":\"2024-06-10T06:00:00Z\"}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"account\",\"account\":{\"active\":true,\"did\":\"did:plc:a\",\"seq\":1}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"account\",\"account\":{\"active\":false,\"status\":\"deactivated\"}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"account\",\"account\":{\"active\":false,\"status\":\"takendown\"}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\","
                + "\"rkey\":\"3k\",\"record\":{\"subject\":{\"uri\":\"at://did:plc:b/app.bsky.feed.post/3k\"}}}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.graph.block\","
                + "\"rkey\":\"3k\",\"record\":{\"subject\":\"did:plc:b\"}}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"commit\",\"commit\":{\"operation\":\"update\",\"collection\":\"app.bsky.actor.profile\","
                + "\"rkey\":\"self\",\"record\":{\"displayName\":\"A\"}}}",
        "{\"did\":\"did:plc:a\",\"kind\":\"commit\",\"commit\":{\"operation\":\"delete\",\"collection\":\"app.bsky.feed.like\",\"rkey\":\"3k\"}}"})
    void likesBlocksProfilesAndAccountStatesAreEmptyRecords(String event) throws BadRecordException {
        assertTrue(parse(format, event).isEmpty());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"did":"did:plc:a","kind":"commit"                                            | MALFORMED_JSON         | event is not valid JSON
            {"kind":"commit","commit":{}}                                                  | MISSING_FIELD          | did is missing
            {"did":"alice.bsky.social","kind":"identity","identity":{}}                    | WRONG_TYPE             | did was 'alice.bsky.social', but must be a DID
            {"did":"did:plc:a"}                                                            | MISSING_FIELD          | kind is missing
            {"did":"did:plc:a","kind":"sync"}                                              | UNSUPPORTED_RECORD     | kind was 'sync', but must be commit, identity or account
            {"did":"did:plc:a","kind":"commit"}                                            | MISSING_FIELD          | commit is missing
            {"did":"did:plc:a","kind":"identity","identity":"x"}                           | WRONG_TYPE             | identity must be an object, but was string
            {"did":"did:plc:a","kind":"commit","time_us":"soon","commit":{}}               | WRONG_TYPE             | time_us must be an integer, but was string
            {"did":"did:plc:a","kind":"commit","time_us":4102444800000000,"commit":{}}     | TIMESTAMP_OUT_OF_RANGE | time_us was 2100-01-01T00:00:00Z
            {"did":"did:plc:a","kind":"commit","commit":{"collection":"app.bsky.feed.post","rkey":"3k"}} | MISSING_FIELD | commit.operation is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","rkey":"3k"}} | MISSING_FIELD         | commit.collection is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.post"}} | MISSING_FIELD | commit.rkey is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"move","collection":"app.bsky.feed.post","rkey":"3k"}} | UNSUPPORTED_RECORD | commit.operation was 'move', but must be create, update or delete
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k"}} | MISSING_FIELD | commit.record is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"createdAt":"yesterday"}}} | WRONG_TYPE | commit.record.createdAt was 'yesterday'
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"createdAt":"2031-01-01T00:00:00Z"}}} | TIMESTAMP_OUT_OF_RANGE | commit.record.createdAt was 2031-01-01T00:00:00Z
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"text":5}}} | WRONG_TYPE | commit.record.text must be a string, but was number
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"langs":"en"}}} | WRONG_TYPE | commit.record.langs must be an array, but was string
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"reply":{"root":{}}}}} | MISSING_FIELD | commit.record.reply.parent is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"reply":{"parent":{"uri":"https://bsky.app/x"}}}}} | WRONG_TYPE | commit.record.reply.parent.uri was 'https://bsky.app/x', but must be an at:// URI
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"facets":[{"features":[{"$type":"app.bsky.richtext.facet#mention"}]}]}}} | MISSING_FIELD | commit.record.facets[0].features[0].did is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"facets":[{"features":[{"$type":"app.bsky.richtext.facet#mention","did":"bob"}]}]}}} | WRONG_TYPE | commit.record.facets[0].features[0].did was 'bob', but must be a DID
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"facets":[{"features":[{"$type":"app.bsky.richtext.facet#link"}]}]}}} | MISSING_FIELD | commit.record.facets[0].features[0].uri is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"embed":{"$type":"app.bsky.embed.record","record":{"cid":"x"}}}}} | MISSING_FIELD | commit.record.embed.record.uri is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3k","record":{"embed":{"$type":"app.bsky.embed.external"}}}} | MISSING_FIELD | commit.record.embed.external is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.repost","rkey":"3k","record":{"subject":{"cid":"x"}}}} | MISSING_FIELD | commit.record.subject.uri is missing
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.graph.follow","rkey":"3k","record":{"subject":{"did":"did:plc:b"}}}} | WRONG_TYPE | commit.record.subject must be a string, but was object
            {"did":"did:plc:a","kind":"commit","commit":{"operation":"create","collection":"app.bsky.graph.follow","rkey":"3k","record":{"subject":"did:"}}} | WRONG_TYPE | commit.record.subject was 'did:', but must be a DID
            {"did":"did:plc:a","kind":"account","account":{"status":"deleted","time":"2031-01-01T00:00:00Z"}} | TIMESTAMP_OUT_OF_RANGE | account.time was 2031-01-01T00:00:00Z
            """)
    void rejectsBadEvents(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertInvalidUtf8Rejected(format, "{\"did\":\"did:plc:a\",\"kind\":\"identity\",\"identity\":{\"handle\":\"", "\"}}",
                "event is not valid UTF-8");
    }

    @Test
    void splitKeysEventsByRepository() throws Exception {
        byte[] file = concat(bytes(REPLY.strip().replace("\n", " ") + "\n\n"
                + delete(BOB, "app.bsky.feed.post", "3k") + "\r\n"
                + "{\"kind\":\"identity\"}\n"
                + "{\"did\":\"did:plc:c\",\"kind\":\"identity\",\"identity\":{\"handle\":\""), INVALID_UTF8, bytes("\"}}"));
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(4, records.size());
            assertEquals("bluesky:" + ALICE, keyOf(records.get(0)));
            assertEquals("bluesky:" + BOB, keyOf(records.get(1)));
            assertEquals(3, records.get(1).line());
            assertNull(records.get(2).key());
            assertEquals("bluesky:did:plc:c", keyOf(records.get(3)));
            assertEquals(5, records.get(3).line());
        }
        assertArrayEquals(bytes(delete(BOB, "app.bsky.feed.post", "3k")), splitAll(format, file).get(1).value());
    }

    /**
     * The real Jetstream capture (152 events, 2026-07-04; see its SOURCES.md and manifest.json),
     * parsed at a time just after it. The expected figures were counted independently with a
     * Python script over the raw events applying this format's rules: 17 posts and 15 reposts; 8
     * replies; no quote or mention facet in this capture; 4 link facets and 3 link cards of which
     * 2 repeat a facet of their post, so 5 URLs; 4 tag facets; 6 follows; 4 deletions (1 post,
     * 3 follow records); no handle (the one identity event has none); 110 events that give
     * nothing: 105 likes, 1 block, 2 status updates, the identity and the account event.
     */
    @Test
    void parsesTheRealJetstreamCapture() throws Exception {
        ParseContext context = ParseContext.at(Instant.parse("2026-07-05T00:00:00Z"), Instant.parse("2026-07-04T14:40:00Z"));
        List<SourceRecord> records = splitAll(format,
                Files.readAllBytes(SharedData.file("datasets/formats/bluesky-jetstream/expected_v1.jsonl")));
        assertEquals(152, records.size(), "manifest.json: v1_events 152");
        List<Post> posts = new ArrayList<>();
        List<Follow> follows = new ArrayList<>();
        List<Deletion> deletions = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        int empty = 0;
        for (SourceRecord source : records) {
            ParsedRecord record = format.parse(source.value(), context);
            assertTrue(keyOf(source).startsWith("bluesky:did:plc:"), keyOf(source));
            posts.addAll(record.posts());
            follows.addAll(record.follows());
            deletions.addAll(record.deletions());
            accounts.addAll(record.accounts());
            empty += record.isEmpty() ? 1 : 0;
        }
        assertEquals(32, posts.size(), "17 posts + 15 reposts");
        assertEquals(15, count(posts, Post::isRepost));
        assertEquals(15, count(posts, p -> p.isRepost() && p.repostOfAuthorId() != null));
        assertEquals(0, count(posts, Post::isQuote));
        assertEquals(8, count(posts, Post::isReply), "SOURCES.md: 8 replies");
        assertEquals(8, count(posts, p -> p.isReply() && p.replyToAuthorId() != null));
        assertEquals(0, sum(posts, p -> p.mentions().size()));
        assertEquals(5, sum(posts, p -> p.urls().size()));
        assertEquals(4, sum(posts, p -> p.hashtags().size()));
        assertEquals(6, follows.size());
        assertEquals(4, deletions.size());
        assertEquals(1, deletions.stream().filter(d -> d.kind() == Deletion.Kind.POST).count());
        assertEquals(3, deletions.stream().filter(d -> d.kind() == Deletion.Kind.FOLLOW).count());
        assertEquals(0, accounts.size());
        assertEquals(110, empty);
        assertEquals(152, 32 + 6 + 4 + empty, "every event is a post, a follow, a deletion or nothing");

        Post withCard = posts.stream().filter(p -> p.postId().endsWith("/3mptbyoigog2b")).findFirst().orElseThrow();
        assertEquals(List.of("https://www.ufofeed.com/266486/has-anyone-properly-debunked-tic-tac-video/"), withCard.urls());
        assertEquals(Instant.parse("2026-07-04T14:38:02Z"), withCard.createdAt(), "createdAt with +00:00");
        assertEquals("en-US", withCard.lang(), "the first of langs");
        Post imageOnly = posts.stream().filter(p -> p.postId().endsWith("/3mptbyproxc2q")).findFirst().orElseThrow();
        assertNull(imageOnly.text(), "an empty text is no text");
        assertEquals("did:plc:ippiobxpsddnkzd6ms2dbpcy", imageOnly.replyToAuthorId(), "the parent's author, not the root's");
        assertEquals(new Follow("bluesky", "did:plc:f2furrjn2jdhjcn2td54ivxx", "did:plc:mlbpil2fwz43vfn6uuysxtqa",
                Instant.parse("2026-07-04T14:38:07.396Z"), "bluesky-jetstream",
                "at://did:plc:f2furrjn2jdhjcn2td54ivxx/app.bsky.graph.follow/3mptbypmibb2v"), follows.get(0));
        assertEquals(Deletion.post("bluesky", "at://did:plc:4smmjsqf6l5jkzczvw6vsrqc/app.bsky.feed.post/3mpt73z3ejc2p",
                "did:plc:4smmjsqf6l5jkzczvw6vsrqc", Timestamps.ofEpochMicros(1783175888377628L), "bluesky-delete"),
                deletions.stream().filter(d -> d.kind() == Deletion.Kind.POST).findFirst().orElseThrow());
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedRealEvents() throws Exception {
        ParseContext context = ParseContext.at(Instant.parse("2026-07-05T00:00:00Z"), Instant.parse("2026-07-04T14:40:00Z"));
        List<byte[]> values = new ArrayList<>();
        for (SourceRecord record : splitAll(format,
                Files.readAllBytes(SharedData.file("datasets/formats/bluesky-jetstream/expected_v1.jsonl")))) {
            String text = FormatTestSupport.valueOf(record);
            if (!text.contains("app.bsky.feed.like")) {
                values.add(record.value());
            }
        }
        values.add(bytes(REPLY));
        FormatTestSupport.assertOnlyBadRecordExceptions(format, values, context, 20260704L);
    }

    private static long count(List<Post> posts, Predicate<Post> predicate) {
        return posts.stream().filter(predicate).count();
    }

    private static int sum(List<Post> posts, ToIntFunction<Post> size) {
        return posts.stream().mapToInt(size).sum();
    }
}
