package org.relais.ingest.format;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

/**
 * {@code twitter-v2}: Twitter API v2 search and timeline responses as twarc2 writes them, one
 * response page per line ({@code twarc2 search}, {@code twarc2 timeline}; the {@code --flatten}ed
 * output, one tweet per line, is {@link TwitterV2FlatFormat}, and pages of users are
 * {@link TwitterV2UsersFormat}).
 *
 * <p>One Kafka record is one page, with no key: a page holds about a hundred posts, so no single
 * post's key fits, and keyless pages spread evenly over partitions. A retweet and the original it
 * carries stay together, since both are in the page.
 *
 * <p>Every tweet in {@code data} and in {@code includes.tweets} (the retweeted, quoted and
 * replied-to originals) becomes a {@link Post} with platform {@code twitter}; a tweet in both is
 * emitted once, from {@code data}. Fields read from a tweet:
 * <ul>
 *   <li>{@code id}*, {@code author_id}*, {@code created_at} (checked with
 *       {@link ParseContext#checkTime}), {@code text}, {@code lang};
 *   <li>the author's handle: {@code username} of the {@code includes.users} entry with that id;
 *   <li>{@code referenced_tweets[]} ({@code type}*, {@code id}*): {@code retweeted} sets
 *       repostOf, {@code quoted} quoteOf, {@code replied_to} replyTo; the first of each type
 *       counts. The referenced author is the {@code author_id} of that tweet in the page; for a
 *       reply, {@code in_reply_to_user_id} comes first; for a retweet whose original is missing
 *       (deleted, withheld), the id of the mention whose handle follows the leading
 *       {@code RT @};
 *   <li>{@code entities.mentions[]} ({@code id}, {@code username}, at least one),
 *       {@code entities.hashtags[]} ({@code tag}*), {@code entities.urls[]}
 *       ({@code unwound_url}, else {@code expanded_url}, else {@code url}*).
 * </ul>
 * A retweet gets no text, mentions, URLs or hashtags: its {@code text} is the original's, cut
 * short and prefixed with {@code RT @handle:}, and everything in it belongs to the original, which
 * is a post of its own. URLs pointing back into twitter.com or x.com are dropped: they are the
 * attached photos and videos ({@code /status/.../photo/1}) and the permalinks of quoted tweets,
 * already a quoteOf; only links out of the platform tell which sites a conversation cites.
 *
 * <p>Every {@code includes.users} entry becomes an {@link Account}: {@code id}*, {@code username},
 * {@code name}, {@code description}, profile URL ({@code entities.url.urls[0].expanded_url}, else
 * {@code url}), {@code public_metrics.followers_count} and {@code following_count},
 * {@code protected}, {@code verified}, {@code created_at} (when the account was created, checked
 * with {@link ParseContext#checkSinceYearOne}). Its observation time is {@code __twarc.retrieved_at}, else
 * the newest {@code created_at} in {@code data}, else {@link ParseContext#receivedAt}.
 *
 * <p>{@code meta}, {@code includes.media}, {@code includes.polls}, {@code includes.places},
 * metrics of tweets, annotations and all other fields are not read.
 *
 * <p>A page fails as a whole when any of its tweets or users is broken: it then goes to quarantine
 * with all its bytes, where nothing is lost and it can be replayed once the cause is fixed, rather
 * than landing with holes that nobody would notice. A page without {@code data} is empty when its
 * {@code meta.result_count} is 0 (a search with no results), and rejected otherwise: with
 * {@link Reason#UNSUPPORTED_RECORD} when it holds only {@code errors}, or looks like a single tweet
 * (flattened or v1.1 output) or a page of users rather than tweets; with
 * {@link Reason#MISSING_FIELD} else.
 */
public final class TwitterV2Format extends JsonLinesFormat {

    public static final String NAME = "twitter-v2";

    /**
     * The fields of a page read below, for a parse that builds nothing else (context annotations,
     * metrics, media, polls, places are skipped).
     */
    private static final JsonFields PAGE_FIELDS = pageFields();

    /** {@link #PAGE_FIELDS}, or {@link JsonFields#ALL} to compare with. */
    private final JsonFields fields;

    public TwitterV2Format() {
        this(PAGE_FIELDS);
    }

    private TwitterV2Format(JsonFields fields) {
        super(NAME, "Twitter API v2 response pages as written by twarc2, one page per line");
        this.fields = fields;
    }

    /**
     * The same format, building every field of a page rather than those it reads: the same
     * results, more slowly; what tests compare the format with.
     */
    public static TwitterV2Format buildingEveryField() {
        return new TwitterV2Format(JsonFields.ALL);
    }

    private static JsonFields pageFields() {
        JsonFields entities = new JsonFields()
                .nest("mentions", new JsonFields().keep("id", "username"))
                .nest("hashtags", new JsonFields().keep("tag"))
                .nest("urls", new JsonFields().keep("unwound_url", "expanded_url", "url"));
        JsonFields tweet = new JsonFields()
                .keep("id", "author_id", "created_at", "text", "lang", "in_reply_to_user_id", "username")
                .nest("referenced_tweets", new JsonFields().keep("type", "id"))
                .nest("entities", entities);
        JsonFields user = new JsonFields()
                .keep("id", "username", "name", "description", "url", "protected", "verified", "created_at")
                .nest("public_metrics", new JsonFields().keep("followers_count", "following_count"))
                .nest("entities", new JsonFields().nest("url", new JsonFields()
                        .nest("urls", new JsonFields().keep("expanded_url"))));
        return new JsonFields()
                .keep("meta", "errors", "__twarc", "id", "id_str")
                .nest("data", tweet)
                .nest("includes", new JsonFields().nest("tweets", tweet).nest("users", user));
    }

    /** Pages are not keyed: a page holds about a hundred posts, and keyless pages spread evenly. */
    @Override
    String key(byte[] record) {
        return null;
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject page = Json.parseObject(value, "page", fields);
        if (!page.has("data")) {
            return pageWithoutData(page);
        }
        List<JsonObject> data = page.objects("data");
        JsonObject includes = page.object("includes");
        List<JsonObject> includedTweets = includes == null ? List.of() : includes.objects("tweets");
        List<JsonObject> users = includes == null ? List.of() : includes.objects("users");

        TwitterV2Tweets.Lookups lookups = lookups(users, data, includedTweets);
        ParsedRecord result = new ParsedRecord();
        Set<String> seen = new HashSet<>();
        Instant newest = null;
        for (JsonObject tweet : data) {
            Post post = TwitterV2Tweets.post(tweet, lookups, context, NAME);
            seen.add(post.postId());
            result.add(post);
            if (post.createdAt() != null && (newest == null || post.createdAt().isAfter(newest))) {
                newest = post.createdAt();
            }
        }
        for (JsonObject tweet : includedTweets) {
            if (seen.add(tweet.requiredId("id"))) {
                result.add(TwitterV2Tweets.post(tweet, lookups, context, NAME));
            }
        }
        Instant observedAt = observedAt(page, newest, context);
        for (JsonObject user : users) {
            result.add(TwitterV2Tweets.account(user, observedAt, context));
        }
        return result;
    }

    private static TwitterV2Tweets.Lookups lookups(List<JsonObject> users, List<JsonObject> data,
            List<JsonObject> includedTweets) throws BadRecordException {
        TwitterV2Tweets.Lookups lookups = new TwitterV2Tweets.Lookups();
        for (JsonObject user : users) {
            lookups.addUser(user);
        }
        for (JsonObject tweet : data) {
            if (!tweet.has("author_id") && tweet.has("username")) {
                throw new BadRecordException(Reason.UNSUPPORTED_RECORD, "data holds users, not tweets"
                        + " (a followers or following page? use " + TwitterV2UsersFormat.NAME + "): " + tweet.path()
                        + " has a username");
            }
            lookups.addTweet(tweet);
        }
        for (JsonObject tweet : includedTweets) {
            lookups.addTweet(tweet);
        }
        return lookups;
    }

    private static Instant observedAt(JsonObject page, Instant newestTweet, ParseContext context)
            throws BadRecordException {
        Instant retrievedAt = TwitterV2Tweets.retrievedAt(page, context);
        if (retrievedAt != null) {
            return retrievedAt;
        }
        return newestTweet != null ? newestTweet : context.receivedAt();
    }

    private static ParsedRecord pageWithoutData(JsonObject page) throws BadRecordException {
        if (TwitterV2Tweets.isEmptyResult(page)) {
            return new ParsedRecord();
        }
        if (page.has("id") || page.has("id_str")) {
            throw new BadRecordException(Reason.UNSUPPORTED_RECORD, "record looks like a single tweet (flattened or v1.1"
                    + " output: use " + TwitterV2FlatFormat.NAME + " or " + TwitterV1Format.NAME
                    + "), not a v2 response page with data");
        }
        throw page.missing("data");
    }
}
