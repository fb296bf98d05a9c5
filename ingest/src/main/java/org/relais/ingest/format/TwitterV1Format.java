package org.relais.ingest.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.model.Post;

/**
 * {@code twitter-v1}: Twitter API v1.1 JSON lines, one tweet or stream message per line, as the
 * streaming API sends them and as twarc 1 and most v1.1 collectors write them (also the REST
 * API's tweets, with {@code full_text} under {@code tweet_mode=extended}).
 *
 * <p>Kafka key: {@code twitter:<id_str>} for a tweet, {@code twitter:<status id_str>} for a
 * deletion notice (so that it follows the tweet it deletes in the same partition),
 * {@code twitter:<user id_str>} for a user deletion; none for other stream messages and for lines
 * whose ids cannot be read at publish time.
 *
 * <p>A tweet gives a {@link Post} (platform {@code twitter}), and so does each tweet it carries:
 * the retweeted original ({@code retweeted_status}) and the quoted tweet ({@code quoted_status}),
 * each a post of its own. Ids are read from the {@code _str} fields ({@code id_str},
 * {@code user.id_str}, …), else from the numeric ones, which Jackson keeps exact. Fields read from
 * a tweet (* required):
 * <ul>
 *   <li>{@code id_str}*, {@code user.id_str}*, {@code user.screen_name} (the author's handle),
 *       {@code lang};
 *   <li>{@code created_at} ({@code Sun Feb 01 23:05:52 +0000 2015}), else {@code timestamp_ms};
 *       checked with {@link ParseContext#checkTime};
 *   <li>the text: {@code extended_tweet.full_text} (tweets longer than 140 characters in the
 *       stream), else {@code full_text} ({@code tweet_mode=extended}), else {@code text}; the
 *       entities: {@code extended_tweet.entities} when there is an extended tweet, else
 *       {@code entities}. The same rule applies inside retweeted and quoted tweets;
 *   <li>{@code entities.user_mentions[]} ({@code id_str}, {@code screen_name}, at least one),
 *       {@code entities.hashtags[].text}*, {@code entities.urls[]} ({@code expanded_url}, else
 *       {@code url}*), links into twitter.com and x.com dropped as in {@code twitter-v2};
 *       {@code entities.media} is not read (attached photos);
 *   <li>{@code in_reply_to_status_id_str} sets replyTo, with {@code in_reply_to_user_id_str} as
 *       its author, else the id of the mention whose handle is {@code in_reply_to_screen_name}. A
 *       tweet addressed to a user without a replied-to status is not a reply, as in
 *       {@code twitter-v2}: its {@code @user} is a mention;
 *   <li>{@code retweeted_status}: the tweet is a repost of that original, by its
 *       {@code user.id_str}, and keeps no text, mentions, URLs or hashtags of its own (they are
 *       the original's); the retweet's own copy of the original's {@code quoted_status} is not
 *       read, the original's is;
 *   <li>{@code quoted_status_id_str} (else {@code quoted_status.id_str}) sets quoteOf, with
 *       {@code quoted_status.user.id_str} as its author.
 * </ul>
 *
 * <p>The {@code user} of each of those tweets becomes an {@link Account}, once per record:
 * {@code id_str}*, {@code screen_name}, {@code name}, {@code description}, the profile's website
 * ({@code entities.url.urls[0].expanded_url}, else {@code url}), {@code followers_count},
 * {@code friends_count} (accounts it follows), {@code protected}, {@code verified}, {@code created_at}
 * (when the account was created; {@link ParseContext#checkSinceYearOne}); observed at the outer
 * tweet's {@code timestamp_ms} (when the stream delivered it), else its {@code created_at}.
 *
 * <p>Stream messages:
 * <ul>
 *   <li>{@code {"delete":{"status":{"id_str":…,"user_id_str":…},"timestamp_ms":…}}} gives a
 *       {@link Deletion} of the post, with its author, source {@value #DELETE_SOURCE}; a deletion
 *       of a direct message ({@code delete.direct_message}) gives nothing;
 *   <li>{@code {"user_delete":{"id_str":…,"timestamp_ms":…}}} (the compliance stream) gives a
 *       {@link Deletion} of the account, source {@value #USER_DELETE_SOURCE}: its posts and edges
 *       go;
 *   <li>{@code {"user_protect":{"id_str":…,"timestamp_ms":…}}} and {@code user_unprotect} (the
 *       compliance stream) give an observation of the account with only {@code protected} known,
 *       observed when the notice reached Kafka (or at its {@code timestamp_ms}, if later): an
 *       account that turned protected leaves the campaign exports, though its tweets no longer
 *       come to say so;
 *   <li>{@code limit}, {@code scrub_geo} (Relais keeps no locations), {@code status_withheld} and
 *       {@code user_withheld} (withheld in some countries only), {@code disconnect},
 *       {@code warning}, {@code friends}, {@code event}, {@code control}, and the compliance
 *       stream's {@code user_undelete}, {@code user_suspend} and {@code user_unsuspend} give an
 *       empty record: they are read and counted as skipped, not quarantined;
 *   <li>any other object without {@code id_str} or {@code id} is {@link Reason#UNSUPPORTED_RECORD}.
 * </ul>
 *
 * <p>A tweet fails as a whole when it or a tweet it carries is broken.
 */
public final class TwitterV1Format extends JsonLinesFormat {

    public static final String NAME = "twitter-v1";
    /** The source of deletions read from the stream's {@code delete} notices. */
    public static final String DELETE_SOURCE = "twitter-v1-delete";
    /** The source of deletions read from the compliance stream's {@code user_delete} notices. */
    public static final String USER_DELETE_SOURCE = "twitter-v1-user-delete";

    /** Stream messages that carry nothing Relais keeps. */
    private static final Set<String> IGNORED_MESSAGES = Set.of("limit", "scrub_geo", "status_withheld",
            "user_withheld", "disconnect", "warning", "friends", "friends_str", "event", "control", "user_undelete",
            "user_suspend", "user_unsuspend");

    /**
     * The fields of a tweet read below, for a parse that builds nothing else; a tweet carries
     * tweets ({@code retweeted_status}, {@code quoted_status}) read alike. Stream messages are kept
     * whole ({@code delete}, {@code user_delete}) or parsed again without it (the others, to name
     * their fields).
     */
    private static final JsonFields TWEET_FIELDS = tweetFields();

    private static final Set<String> KEY_FIELDS = Set.of("id_str", "id", "delete.status.id_str", "delete.status.id",
            "user_delete.id_str", "user_delete.id", "user_protect.id_str", "user_protect.id", "user_unprotect.id_str",
            "user_unprotect.id");

    /** {@link #TWEET_FIELDS}, or {@link JsonFields#ALL} to compare with. */
    private final JsonFields fields;

    public TwitterV1Format() {
        this(TWEET_FIELDS);
    }

    private TwitterV1Format(JsonFields fields) {
        super(NAME, "Twitter API v1.1 tweets and stream messages, one per line (streaming API, twarc 1)");
        this.fields = fields;
    }

    /**
     * The same format, building every field of a record rather than those it reads: the same
     * results, more slowly; what tests and benchmarks compare the format with.
     */
    public static TwitterV1Format buildingEveryField() {
        return new TwitterV1Format(JsonFields.ALL);
    }

    @Override
    String key(byte[] line) {
        Map<String, String> fields = Json.peek(line, KEY_FIELDS);
        String id = firstOf(fields, "id_str", "id", "delete.status.id_str", "delete.status.id", "user_delete.id_str",
                "user_delete.id", "user_protect.id_str", "user_protect.id", "user_unprotect.id_str", "user_unprotect.id");
        return platformKey(Platforms.TWITTER, id);
    }

    private static String firstOf(Map<String, String> fields, String... names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static JsonFields tweetFields() {
        JsonFields entities = new JsonFields()
                .nest("user_mentions", new JsonFields().keep("id_str", "id", "screen_name"))
                .nest("hashtags", new JsonFields().keep("text"))
                .nest("urls", new JsonFields().keep("expanded_url", "url"));
        JsonFields user = new JsonFields()
                .keep("id_str", "id", "screen_name", "name", "description", "url", "followers_count", "friends_count",
                        "protected", "verified", "created_at")
                .nest("entities", new JsonFields().nest("url", new JsonFields()
                        .nest("urls", new JsonFields().keep("expanded_url"))));
        JsonFields tweet = new JsonFields()
                .keep("id_str", "id", "text", "full_text", "lang", "created_at", "timestamp_ms",
                        "in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to_user_id_str",
                        "in_reply_to_user_id", "in_reply_to_screen_name", "quoted_status_id_str", "quoted_status_id",
                        "delete", "user_delete")
                .nest("user", user)
                .nest("entities", entities)
                .nest("extended_tweet", new JsonFields().keep("full_text").nest("entities", entities));
        return tweet.nest("retweeted_status", tweet).nest("quoted_status", tweet);
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject record = Json.parseObject(value, "record", fields);
        if (record.has("id_str") || record.has("id")) {
            return tweet(record, context);
        }
        if (!record.has("delete") && !record.has("user_delete")) {
            // Another stream message, or no tweet at all: named by its fields, all of them.
            record = Json.parseObject(value, "record");
        }
        if (record.has("delete")) {
            return delete(record.requiredObject("delete"), context);
        }
        if (record.has("user_delete")) {
            JsonObject notice = record.requiredObject("user_delete");
            return new ParsedRecord().add(Deletion.account(Platforms.TWITTER, requiredIdStr(notice, "id"),
                    epochMillis(notice, context), USER_DELETE_SOURCE));
        }
        for (String message : List.of("user_protect", "user_unprotect")) {
            if (record.has(message)) {
                JsonObject notice = record.requiredObject(message);
                Instant at = epochMillis(notice, context);
                boolean protect = message.equals("user_protect");
                // The lake keeps one observed_at per account, that of its newest observation, even
                // when that observation said nothing of its visibility. A protect notice is observed
                // at its arrival, so that it outranks what the lake held before, however late it was
                // published. An unprotect notice is observed at its own time: arriving late, it must
                // not outrank a newer protect; without a time, at its arrival.
                Instant observed = at == null ? context.receivedAt()
                        : protect && context.receivedAt().isAfter(at) ? context.receivedAt() : at;
                return new ParsedRecord().add(new Account(Platforms.TWITTER, requiredIdStr(notice, "id"), null, null,
                        null, null, null, null, protect, null, observed));
            }
        }
        for (String field : record.fieldNames()) {
            if (IGNORED_MESSAGES.contains(field)) {
                return new ParsedRecord();
            }
        }
        throw new BadRecordException(Reason.UNSUPPORTED_RECORD, record.has("data")
                ? "record looks like a v2 response page (it has data), not a v1.1 tweet: use " + TwitterV2Format.NAME
                : "record is neither a tweet (no id_str or id) nor a stream message Relais knows; its fields: "
                        + Values.quote(String.join(", ", record.fieldNames())));
    }

    private static ParsedRecord tweet(JsonObject tweet, ParseContext context) throws BadRecordException {
        Map<String, Post> posts = new LinkedHashMap<>();
        List<JsonObject> authors = new ArrayList<>();
        addTweet(posts, authors, tweet, context);
        Instant observedAt = epochMillis(tweet, context);
        if (observedAt == null) {
            observedAt = posts.values().iterator().next().createdAt();
        }
        if (observedAt == null) {
            observedAt = context.receivedAt();
        }
        ParsedRecord result = new ParsedRecord();
        posts.values().forEach(result::add);
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (JsonObject user : authors) {
            accounts.putIfAbsent(requiredIdStr(user, "id"), account(user, observedAt, context));
        }
        accounts.values().forEach(result::add);
        return result;
    }

    /**
     * Adds the post of {@code tweet}, then those it carries: a retweet's original (itself a
     * retweet, in the rare streams that nest them, carrying its own original), or a quoted tweet.
     */
    private static void addTweet(Map<String, Post> posts, List<JsonObject> authors, JsonObject tweet,
            ParseContext context) throws BadRecordException {
        JsonObject retweeted = tweet.object("retweeted_status");
        if (retweeted == null) {
            add(posts, authors, tweet, post(tweet, context));
            addQuoted(posts, authors, tweet, context);
        } else {
            add(posts, authors, tweet, retweet(tweet, retweeted, context));
            addTweet(posts, authors, retweeted, context);
        }
    }

    private static void add(Map<String, Post> posts, List<JsonObject> authors, JsonObject tweet, Post post)
            throws BadRecordException {
        posts.putIfAbsent(post.postId(), post);
        authors.add(tweet.object("user"));
    }

    private static void addQuoted(Map<String, Post> posts, List<JsonObject> authors, JsonObject tweet, ParseContext context)
            throws BadRecordException {
        JsonObject quoted = tweet.object("quoted_status");
        if (quoted != null) {
            add(posts, authors, quoted, post(quoted, context));
        }
    }

    /** The post of a tweet that is not a retweet. */
    private static Post post(JsonObject tweet, ParseContext context) throws BadRecordException {
        String id = requiredIdStr(tweet, "id");
        JsonObject user = tweet.requiredObject("user");
        String authorId = requiredIdStr(user, "id");
        JsonObject extended = tweet.object("extended_tweet");
        String text = extended == null ? null : extended.text("full_text");
        if (text == null) {
            text = tweet.text("full_text");
        }
        if (text == null) {
            text = tweet.text("text");
        }
        text = Values.tweetText(text);
        JsonObject entities = extended == null ? null : extended.object("entities");
        if (entities == null) {
            entities = tweet.object("entities");
        }
        List<Post.Mention> mentions = mentions(entities);

        String replyTo = idStr(tweet, "in_reply_to_status_id");
        String replyToAuthor = null;
        if (replyTo != null) {
            replyToAuthor = idStr(tweet, "in_reply_to_user_id");
            if (replyToAuthor == null) {
                replyToAuthor = mentionedId(mentions, tweet.text("in_reply_to_screen_name"));
            }
        }
        JsonObject quoted = tweet.object("quoted_status");
        String quoteOf = idStr(tweet, "quoted_status_id");
        if (quoteOf == null && quoted != null) {
            quoteOf = requiredIdStr(quoted, "id");
        }
        String quoteOfAuthor = quoted == null ? null : requiredIdStr(quoted.requiredObject("user"), "id");
        return new Post(Platforms.TWITTER, id, authorId, user.text("screen_name"), createdAt(tweet, context), text,
                tweet.text("lang"), urls(entities), hashtags(entities), mentions, replyTo, replyToAuthor, null, null,
                quoteOf, quoteOfAuthor, NAME);
    }

    /** A retweet: a repost of {@code original}, with nothing of its own but its author, time and language. */
    private static Post retweet(JsonObject tweet, JsonObject original, ParseContext context) throws BadRecordException {
        JsonObject user = tweet.requiredObject("user");
        return new Post(Platforms.TWITTER, requiredIdStr(tweet, "id"), requiredIdStr(user, "id"),
                user.text("screen_name"), createdAt(tweet, context), null, tweet.text("lang"), List.of(), List.of(),
                List.of(), null, null, requiredIdStr(original, "id"),
                requiredIdStr(original.requiredObject("user"), "id"), null, null, NAME);
    }

    private static Instant createdAt(JsonObject tweet, ParseContext context) throws BadRecordException {
        Instant createdAt = twitterTime(tweet, context);
        return createdAt != null ? createdAt : epochMillis(tweet, context);
    }

    /** A tweet's {@code created_at} ({@code Sun Feb 01 23:05:52 +0000 2015}), checked; or null. */
    private static Instant twitterTime(JsonObject tweet, ParseContext context) throws BadRecordException {
        String text = tweet.text("created_at");
        String path = tweet.path("created_at");
        return text == null ? null : context.checkTime(Timestamps.parseTwitter(text, path), path);
    }

    /** A user's {@code created_at}, checked with {@link ParseContext#checkSinceYearOne}; or null. */
    private static Instant accountCreatedAt(JsonObject user, ParseContext context) throws BadRecordException {
        String text = user.text("created_at");
        String path = user.path("created_at");
        return text == null ? null : context.checkSinceYearOne(Timestamps.parseTwitter(text, path), path);
    }

    /** {@code timestamp_ms} (a string of digits, or a number), checked; null when absent. */
    private static Instant epochMillis(JsonObject object, ParseContext context) throws BadRecordException {
        String millis = object.id("timestamp_ms");
        String path = object.path("timestamp_ms");
        return millis == null ? null : context.checkTime(Timestamps.parseEpochMillis(millis, path), path);
    }

    private static List<Post.Mention> mentions(JsonObject entities) throws BadRecordException {
        List<Post.Mention> result = new ArrayList<>();
        for (JsonObject mention : entities == null ? List.<JsonObject>of() : entities.objects("user_mentions")) {
            String id = idStr(mention, "id");
            String handle = mention.text("screen_name");
            if (id == null && handle == null) {
                throw new BadRecordException(Reason.MISSING_FIELD, mention.path() + " must have id_str or screen_name");
            }
            result.add(new Post.Mention(id, handle));
        }
        return result;
    }

    private static String mentionedId(List<Post.Mention> mentions, String handle) {
        for (Post.Mention mention : mentions) {
            if (handle != null && handle.equalsIgnoreCase(mention.handle())) {
                return mention.accountId();
            }
        }
        return null;
    }

    private static List<String> hashtags(JsonObject entities) throws BadRecordException {
        List<String> result = new ArrayList<>();
        for (JsonObject hashtag : entities == null ? List.<JsonObject>of() : entities.objects("hashtags")) {
            result.add(hashtag.requiredText("text"));
        }
        return result;
    }

    private static List<String> urls(JsonObject entities) throws BadRecordException {
        List<String> result = new ArrayList<>();
        for (JsonObject url : entities == null ? List.<JsonObject>of() : entities.objects("urls")) {
            String target = url.text("expanded_url");
            if (target == null) {
                target = url.requiredText("url");
            }
            if (!TwitterV2Tweets.isTwitterLink(target)) {
                result.add(target);
            }
        }
        return result;
    }

    private static Account account(JsonObject user, Instant observedAt, ParseContext context)
            throws BadRecordException {
        return new Account(Platforms.TWITTER,
                requiredIdStr(user, "id"),
                user.text("screen_name"),
                user.text("name"),
                TwitterV2Tweets.profileUrl(user),
                user.text("description"),
                user.longValue("followers_count"),
                user.longValue("friends_count"),
                user.bool("protected"),
                user.bool("verified"),
                accountCreatedAt(user, context),
                observedAt);
    }

    private static ParsedRecord delete(JsonObject notice, ParseContext context) throws BadRecordException {
        JsonObject status = notice.object("status");
        if (status == null) {
            if (notice.has("direct_message")) {
                return new ParsedRecord();
            }
            throw notice.missing("status");
        }
        return new ParsedRecord().add(Deletion.post(Platforms.TWITTER, requiredIdStr(status, "id"),
                idStr(status, "user_id"), epochMillis(notice, context), DELETE_SOURCE));
    }

    /** The id in {@code field_str}, else in {@code field} (a number), or null. */
    private static String idStr(JsonObject object, String field) throws BadRecordException {
        String id = object.id(field + "_str");
        return id != null ? id : object.id(field);
    }

    private static String requiredIdStr(JsonObject object, String field) throws BadRecordException {
        String id = idStr(object, field);
        if (id == null) {
            throw object.missing(field + "_str");
        }
        return id;
    }
}
