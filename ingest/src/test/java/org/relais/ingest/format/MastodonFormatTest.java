package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.drain;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

class MastodonFormatTest {

    private final MastodonFormat format = new MastodonFormat();

    /** The boosted status of {@link #BOOST}: remote, with a local mention, a hashtag and a news link. */
    private static final String ANNE = """
            {"id":"112500000000000001","created_at":"2024-06-01T08:00:00.000Z","in_reply_to_id":null,"in_reply_to_account_id":null,
             "visibility":"public","language":"fr","uri":"https://piaille.fr/users/anne/statuses/112499999","url":"https://piaille.fr/@anne/112499999",
             "content":"<p><span class=\\"h-card\\" translate=\\"no\\"><a href=\\"https://mastodon.social/@marc\\" class=\\"u-url mention\\">@<span>marc</span></a></span> le vote de jeudi : <a href=\\"https://www.lecourrier.example/vote?a=1&amp;b=2\\" rel=\\"nofollow noopener\\" target=\\"_blank\\"><span class=\\"invisible\\">https://www.</span><span class=\\"ellipsis\\">lecourrier.example/vote?a=1&amp;</span><span class=\\"invisible\\">b=2</span></a> <a href=\\"https://mastodon.social/tags/Europe\\" class=\\"mention hashtag\\" rel=\\"tag\\">#<span>Europe</span></a></p>",
             "reblog":null,
             "account":{"id":"109000000000000002","username":"anne","acct":"anne@piaille.fr","display_name":"Anne L.","locked":false,"bot":false,
               "created_at":"2022-11-01T00:00:00.000Z","note":"<p>Élue locale &amp; militante.</p>","url":"https://piaille.fr/@anne",
               "followers_count":1200,"following_count":300,"statuses_count":5000,
               "fields":[{"name":"Pronouns","value":"elle","verified_at":null},
                         {"name":"Blog","value":"<a href=\\"https://anne-blog.example/\\" rel=\\"nofollow noopener me\\"><span class=\\"invisible\\">https://</span><span class=\\"\\">anne-blog.example/</span></a>","verified_at":"2024-01-01T00:00:00Z"}]},
             "mentions":[{"id":"109000000000000003","username":"marc","url":"https://mastodon.social/@marc","acct":"marc"}],
             "tags":[{"name":"europe","url":"https://mastodon.social/tags/europe"}],
             "card":{"url":"https://www.lecourrier.example/vote?a=1&b=2","title":"Le vote"},"quote":null}""";

    /** A boost, as a home timeline shows it: the booster's status with the boosted one in {@code reblog}. */
    private static final String BOOST = """
            {"id":"112500000000000009","created_at":"2024-06-01T09:30:00.000Z","in_reply_to_id":null,"in_reply_to_account_id":null,
             "visibility":"public","language":null,"uri":"https://mastodon.social/users/relayeur/statuses/112500000000000009/activity",
             "url":null,"content":"","reblog":%s,
             "account":{"id":"109000000000000004","username":"relayeur","acct":"relayeur","display_name":"","locked":true,
               "note":"","url":"https://mastodon.social/@relayeur","followers_count":10,"following_count":20,"fields":[]},
             "mentions":[],"tags":[],"card":null}""".formatted(ANNE);

    /**
     * A quote as Mastodon 4.4 gives it: {@code quote.quoted_status} is the quoted status, whose own
     * quote of a third status is shallow (an id only).
     */
    private static final String QUOTE = """
            {"id":"114900000000000001","created_at":"2025-07-16T10:00:00.000Z","in_reply_to_id":"114899999999999990",
             "in_reply_to_account_id":"109000000000000003","visibility":"unlisted","language":"fr",
             "uri":"https://social.example/users/chloe/statuses/114900000000000001",
             "content":"<p><a href=\\"https://mastodon.social/@marc\\">@marc</a> bien vu, et relisez ceci :<br>https://pas-un-lien.example</p>",
             "account":{"id":"109000000000000005","username":"chloe","acct":"chloe@social.example","display_name":"Chloé",
               "url":"https://social.example/@chloe","note":"<p>see https://chloe.example/about</p>",
               "fields":[{"name":"Site","value":"chloe.example"},{"name":"Web","value":"https://chloe.example/ (mon site)"}],
               "followers_count":5,"following_count":6,"locked":false},
             "mentions":[{"id":"109000000000000003","username":"marc","url":"https://mastodon.social/@marc","acct":"marc"}],
             "tags":[],
             "quote":{"state":"accepted","quoted_status":{"id":"114800000000000001","created_at":"2025-07-15T10:00:00.000Z",
               "visibility":"public","language":"en","uri":"https://piaille.fr/users/anne/statuses/114800000",
               "content":"<p>A quote of a quote</p>",
               "account":{"id":"109000000000000002","acct":"anne@piaille.fr","url":"https://piaille.fr/@anne"},
               "mentions":[],"tags":[],"quote":{"state":"accepted","quoted_status_id":"114700000000000001"}}}}""";

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aStatusGivesItsTextLinksMentionsAndHashtags() throws BadRecordException {
        ParsedRecord record = parse(format, ANNE);
        assertEquals(List.of(new Post("mastodon", "https://piaille.fr/users/anne/statuses/112499999", "anne@piaille.fr",
                "anne@piaille.fr", t("2024-06-01T08:00:00Z"),
                "@marc le vote de jeudi : https://www.lecourrier.example/vote?a=1&b=2 #Europe", "fr",
                List.of("https://www.lecourrier.example/vote?a=1&b=2"), List.of("europe"),
                List.of(new Post.Mention("marc@mastodon.social", "marc@mastodon.social")), null, null, null, null, null, null,
                "mastodon")), record.posts(), "the mention takes the instance of its url; the hashtag link is no URL");
        assertEquals(List.of(new Account("mastodon", "anne@piaille.fr", "anne@piaille.fr", "Anne L.", "https://anne-blog.example/",
                "Élue locale & militante.", 1200L, 300L, false, null, t("2022-11-01T00:00:00Z"), t("2024-06-01T08:00:00Z"))),
                record.accounts());
    }

    @Test
    void aBoostIsARepostOfTheBoostedStatusWhichIsAPostOfItsOwn() throws BadRecordException {
        ParsedRecord record = parse(format, BOOST);
        String boostUri = "https://mastodon.social/users/relayeur/statuses/112500000000000009/activity";
        assertEquals(List.of(boostUri, "https://piaille.fr/users/anne/statuses/112499999"),
                record.posts().stream().map(Post::postId).toList());
        assertEquals(new Post("mastodon", boostUri, "relayeur@mastodon.social", "relayeur@mastodon.social",
                t("2024-06-01T09:30:00Z"), null, null, null, null, null, null, null,
                "https://piaille.fr/users/anne/statuses/112499999", "anne@piaille.fr", null, null, "mastodon"),
                record.posts().get(0), "a local account gets the instance of its url");
        assertEquals(parse(format, ANNE).posts().get(0), record.posts().get(1));
        assertEquals(List.of("relayeur@mastodon.social", "anne@piaille.fr"),
                record.accounts().stream().map(Account::accountId).toList());
        Account booster = record.accounts().get(0);
        assertEquals(true, booster.isProtected(), "locked");
        assertNull(booster.displayName());
        assertNull(booster.description());
        assertTrue(record.accounts().stream().allMatch(a -> a.observedAt().equals(t("2024-06-01T09:30:00Z"))));
    }

    @Test
    void aQuoteAndAReplyToAMentionedAccount() throws BadRecordException {
        ParsedRecord record = format.parse(bytes(QUOTE), CONTEXT_2025);
        assertEquals(2, record.posts().size());
        Post quote = record.posts().get(0);
        assertEquals("https://piaille.fr/users/anne/statuses/114800000", quote.quoteOfPostId());
        assertEquals("anne@piaille.fr", quote.quoteOfAuthorId());
        assertEquals("114899999999999990", quote.replyToPostId(), "the serving instance's id, as given");
        assertEquals("marc@mastodon.social", quote.replyToAuthorId(), "the mention with in_reply_to_account_id");
        assertEquals("@marc bien vu, et relisez ceci :\nhttps://pas-un-lien.example", quote.text());
        assertEquals(List.of(), quote.urls(), "the mention's link is no URL, and a URL written as text is no link");
        Post quoted = record.posts().get(1);
        assertEquals("A quote of a quote", quoted.text());
        assertEquals("114700000000000001", quoted.quoteOfPostId(), "a shallow quote: the id as given");
        assertNull(quoted.quoteOfAuthorId());
        assertEquals("https://chloe.example/", record.accounts().get(0).profileUrl(),
                "the first field with an http(s) URL, written as text here");
        assertEquals("see https://chloe.example/about", record.accounts().get(0).description());
        assertNull(record.accounts().get(1).profileUrl());
    }

    @Test
    void aReplyWhoseAccountIsNeitherTheAuthorNorMentionedHasNoAuthor() throws BadRecordException {
        Post reply = parse(format, ANNE.replace("\"in_reply_to_id\":null,\"in_reply_to_account_id\":null",
                "\"in_reply_to_id\":\"5\",\"in_reply_to_account_id\":\"77\"")).posts().get(0);
        assertEquals("5", reply.replyToPostId());
        assertNull(reply.replyToAuthorId());
        Post thread = parse(format, ANNE.replace("\"in_reply_to_id\":null,\"in_reply_to_account_id\":null",
                "\"in_reply_to_id\":\"5\",\"in_reply_to_account_id\":\"109000000000000002\"")).posts().get(0);
        assertEquals("anne@piaille.fr", thread.replyToAuthorId(), "a reply to oneself: a thread");
    }

    @Test
    void anAccountMayPredateMastodonButNotTheRecord() throws BadRecordException {
        String status = """
                {"uri":"https://a.example/s/1","created_at":"2024-06-01T08:00:00.000Z",
                 "account":{"acct":"blog@blog.example","created_at":"%s"}}""";
        assertEquals(t("2004-05-01T00:00:00Z"), parse(format, status.formatted("2004-05-01T00:00:00.000Z")).accounts()
                .get(0).createdAt(), "a federated blog's registration date: kept, not quarantined");
        assertEquals(Reason.TIMESTAMP_OUT_OF_RANGE, assertThrows(BadRecordException.class,
                () -> parse(format, status.formatted("2031-01-01T00:00:00.000Z"))).reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"private", "direct", "limited"})
    void statusesThatWereNotPublishedAreEmptyRecords(String visibility) throws BadRecordException {
        assertTrue(parse(format, ANNE.replace("\"visibility\":\"public\"", "\"visibility\":\"" + visibility + "\"")).isEmpty());
    }

    @Test
    void withoutCreatedAtAccountsAreObservedWhenReceived() throws BadRecordException {
        ParsedRecord record = parse(format, "{\"uri\":\"https://a.example/s/1\",\"account\":{\"acct\":\"u@a.example\"}}");
        assertEquals(RECEIVED_AT, record.accounts().get(0).observedAt());
        assertNull(record.posts().get(0).createdAt());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"uri":"https://a.example/s/1"                                         | MALFORMED_JSON         | status is not valid JSON
            [{"uri":"https://a.example/s/1"}]                                      | WRONG_TYPE             | status must be a JSON object, but was array
            {"id":"1","account":{"acct":"u@a.example"}}                            | MISSING_FIELD          | uri is missing
            {"uri":"https://a.example/s/1"}                                        | MISSING_FIELD          | account is missing
            {"uri":"https://a.example/s/1","account":{"username":"u"}}             | MISSING_FIELD          | account.acct is missing
            {"uri":"https://a.example/s/1","account":{"acct":"@"}}                 | MISSING_FIELD          | account.acct is empty
            {"uri":"https://a.example/s/1","account":{"acct":"u"}}                 | MISSING_FIELD          | account.url is missing: a local account (account.acct 'u' has no instance) takes its instance from it
            {"uri":"https://a.example/s/1","account":{"acct":"u","url":"mailto:u@a.example"}} | WRONG_TYPE | account.url was 'mailto:u@a.example', but must be an http(s) URL with a host
            {"uri":"https://a.example/s/1","account":{"acct":"u","url":"https://a b/"}} | WRONG_TYPE        | account.url was 'https://a b/'
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"created_at":"Mon"} | WRONG_TYPE | created_at was 'Mon'
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"created_at":"2031-01-01T00:00:00Z"} | TIMESTAMP_OUT_OF_RANGE | created_at was 2031-01-01T00:00:00Z
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example","created_at":7}} | WRONG_TYPE   | account.created_at must be a string, but was number
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example","created_at":"2031-01-01T00:00:00Z"}} | TIMESTAMP_OUT_OF_RANGE | account.created_at was 2031-01-01T00:00:00Z
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"content":["x"]} | WRONG_TYPE    | content must be a string, but was array
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"mentions":[{"id":"1"}]} | MISSING_FIELD | mentions[0].acct is missing
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"tags":[{"url":"x"}]} | MISSING_FIELD | tags[0].name is missing
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example","followers_count":"many"}} | WRONG_TYPE | account.followers_count must be an integer, but was string
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example","fields":[{"value":1}]}} | WRONG_TYPE | account.fields[0].value must be a string, but was number
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"reblog":{"account":{"acct":"v@b.example"}}} | MISSING_FIELD | reblog.uri is missing
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"reblog":{"uri":"https://b.example/s/2"}} | MISSING_FIELD | reblog.account is missing
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"quote":{"state":"accepted","quoted_status":{"uri":"https://b.example/s/2"}}} | MISSING_FIELD | quote.quoted_status.account is missing
            {"uri":"https://a.example/s/1","account":{"acct":"u@a.example"},"visibility":7} | WRONG_TYPE        | visibility must be a string, but was number
            """)
    void rejectsBadStatuses(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertInvalidUtf8Rejected(format, "{\"uri\":\"https://a.example/s/1\",\"content\":\"", "\"}",
                "status is not valid UTF-8");
    }

    @Test
    void splitsAnArrayPageOrLinesAndKeysByUri() throws Exception {
        String anne = ANNE.replace("\n", "\n  ");
        byte[] page = bytes("[\n  " + anne + ",\n  " + BOOST.replace("\n", " ") + "\n]\n");
        for (List<SourceRecord> records : List.of(splitAll(format, page), splitTrickling(format, page))) {
            assertEquals(2, records.size());
            assertArrayEquals(bytes(anne), records.get(0).value(), "the status's bytes exactly as in the file");
            assertEquals("mastodon:https://piaille.fr/users/anne/statuses/112499999", keyOf(records.get(0)));
            assertEquals(2, records.get(0).line());
            assertEquals("mastodon:https://mastodon.social/users/relayeur/statuses/112500000000000009/activity",
                    keyOf(records.get(1)), "the boost's own uri, not the boosted status's");
        }
        byte[] lines = bytes(ANNE.replace("\n", " ") + "\n" + QUOTE.replace("\n", " ") + "\n{\"no\":\"uri\"}\n");
        List<SourceRecord> records = splitAll(format, lines);
        assertEquals(3, records.size());
        assertEquals("mastodon:https://social.example/users/chloe/statuses/114900000000000001", keyOf(records.get(1)));
        assertNull(records.get(2).key());
    }

    @Test
    void anArrayElementLongerThanTheLimitEndsTheSplitWithOneOversizedRecordForTheRest() throws Exception {
        String small = ANNE.replace("\n", " ");
        String big = "{\"uri\":\"" + "x".repeat(300_000) + "\"}";
        String file = "[\n" + small + ",\n" + big + ",\n" + small + "\n]\n";
        List<SourceRecord> records = drain(format.split(new ByteArrayInputStream(bytes(file)), "page.json", 100_000));
        assertEquals(2, records.size());
        assertArrayEquals(bytes(small), records.get(0).value());
        SourceRecord rest = records.get(1);
        assertTrue(rest.oversized());
        assertEquals(3, rest.line());
        assertEquals(bytes(file.substring(file.indexOf(big))).length, rest.size(), "its size runs to the end of the file");
    }

    @Test
    void aBrokenArrayWhoseRestIsLongerThanTheLimitIsOneOversizedRecord() throws Exception {
        String small = ANNE.replace("\n", " ");
        String rest = "{\"uri\": oops " + "y".repeat(300_000);
        String file = "[\n" + small + ",\n" + rest;
        List<SourceRecord> records = drain(format.split(new ByteArrayInputStream(bytes(file)), "page.json", 100_000));
        assertEquals(2, records.size());
        assertTrue(records.get(1).oversized());
        assertEquals(rest.length(), records.get(1).size());
    }

    /**
     * The real public timeline page of mastodon.social (20 statuses, 2025-07-17; see its
     * SOURCES.md). The expected figures were counted independently with a Python script over the
     * raw JSON, with Python's own HTML parser for the links in the content, applying this format's
     * rules: no boost or quote (a public timeline lists neither); 4 replies, all to their own
     * author (threads); 1 mention; 18 links out of the content (hashtag and mention links
     * excluded); 21 hashtags; 20 accounts, 10 of them with a web link in their profile fields,
     * 2 locked.
     */
    @Test
    void parsesTheRealTimelinePage() throws Exception {
        byte[] file = Files.readAllBytes(SharedData.file("datasets/formats/mastodon/mastodon.social_public_timeline_2025-07-17.json"));
        List<SourceRecord> records = splitAll(format, file);
        assertEquals(20, records.size(), "one record per status of the array");
        JsonNode array = Json.MAPPER.readTree(file);
        int previousEnd = 0;
        for (int i = 0; i < records.size(); i++) {
            assertEquals(array.get(i), Json.MAPPER.readTree(records.get(i).value()));
            int at = indexOf(file, records.get(i).value(), previousEnd);
            assertTrue(at >= previousEnd, "record " + i + " is a slice of the file, in order");
            previousEnd = at + records.get(i).value().length;
        }

        List<Post> posts = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        int empty = 0;
        for (SourceRecord source : records) {
            ParsedRecord record = format.parse(source.value(), CONTEXT_2025);
            assertEquals("mastodon:" + record.posts().get(0).postId(), keyOf(source));
            posts.addAll(record.posts());
            accounts.addAll(record.accounts());
            empty += record.isEmpty() ? 1 : 0;
        }
        assertEquals(20, posts.size());
        assertEquals(20, posts.stream().map(Post::postId).distinct().count());
        assertEquals(0, count(posts, Post::isRepost), "SOURCES.md: no boosts");
        assertEquals(0, count(posts, Post::isQuote));
        assertEquals(4, count(posts, Post::isReply), "SOURCES.md: 4 replies");
        assertEquals(4, count(posts, p -> p.isReply() && p.authorId().equals(p.replyToAuthorId())));
        assertEquals(1, sum(posts, p -> p.mentions().size()), "SOURCES.md: 1 mention");
        assertEquals(18, sum(posts, p -> p.urls().size()));
        assertEquals(21, sum(posts, p -> p.hashtags().size()), "SOURCES.md: 21 hashtags");
        assertEquals(20, accounts.size());
        assertEquals(20, accounts.stream().map(Account::accountId).distinct().count());
        assertEquals(10, accounts.stream().filter(a -> a.profileUrl() != null).count());
        assertEquals(2, accounts.stream().filter(a -> Boolean.TRUE.equals(a.isProtected())).count());
        assertEquals(20, accounts.stream().filter(a -> a.createdAt() != null).count(), "every account has created_at");
        assertEquals(t("2020-09-03T00:00:00Z"), accounts.stream().map(Account::createdAt).min(Comparator.naturalOrder()).get(),
                "Mastodon gives the day only");
        assertEquals(t("2025-06-18T00:00:00Z"), accounts.stream().map(Account::createdAt).max(Comparator.naturalOrder()).get());
        assertEquals(0, empty);

        Post first = posts.get(0);
        assertEquals("https://weatherby2378.social/users/Michael/statuses/114870361736604310", first.postId());
        assertEquals("Michael@weatherby2378.social", first.authorId());
        assertEquals("Natüürlich.\n\n\"The UK and Germany have agreed a plan to create a new, direct rail link between London and"
                + " Berlin as part of a wide-ranging treaty.\"\n\nhttps://www.bbc.com/news/articles/cq6m10g7e35o", first.text());
        assertEquals(List.of("https://www.bbc.com/news/articles/cq6m10g7e35o"), first.urls());
        assertEquals("de", first.lang());
        assertEquals(t("2025-07-17T20:03:39Z"), first.createdAt());
        assertEquals("https://www.weatherby2378.de/mastodon/", accounts.get(0).profileUrl());
        Post local = posts.get(1);
        assertEquals("GreenConnect@mastodon.social", local.authorId(), "a local account of mastodon.social");
        Post flipboard = posts.get(9);
        assertEquals(List.of(new Post.Mention("men-s-fitness-mensjournal@flipboard.com", "men-s-fitness-mensjournal@flipboard.com")),
                flipboard.mentions());
        assertEquals(List.of("https://www.mensfitness.com/training/10-everyday-objects-double-workout-equipment"
                + "?utm_source=flipboard&utm_medium=activitypub"), flipboard.urls());
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedRealStatuses() throws Exception {
        List<byte[]> values = new ArrayList<>(splitAll(format,
                Files.readAllBytes(SharedData.file("datasets/formats/mastodon/mastodon.social_public_timeline_2025-07-17.json")))
                .stream().map(SourceRecord::value).toList());
        values.add(bytes(BOOST));
        values.add(bytes(QUOTE));
        FormatTestSupport.assertOnlyBadRecordExceptions(format, values, CONTEXT_2025, 20250717L);
    }

    /** The sample is from July 2025: a context a little later than that. */
    private static final ParseContext CONTEXT_2025 = ParseContext.at(t("2025-07-18T00:00:00Z"), t("2025-07-17T20:04:00Z"));

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long count(List<Post> posts, Predicate<Post> predicate) {
        return posts.stream().filter(predicate).count();
    }

    private static int sum(List<Post> posts, ToIntFunction<Post> size) {
        return posts.stream().mapToInt(size).sum();
    }
}
