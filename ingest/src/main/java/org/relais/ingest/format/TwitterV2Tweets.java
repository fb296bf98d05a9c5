package org.relais.ingest.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.model.Post;

/**
 * Reading Twitter API v2 tweet and user objects, shared by the response pages of
 * {@link TwitterV2Format} and the flattened one-tweet lines of {@code twitter-v2-flat}: the two
 * differ only in where the referenced tweets and users are found. The fields read are listed in
 * {@link TwitterV2Format}'s documentation.
 */
final class TwitterV2Tweets {

    private static final String RETWEET_PREFIX = "RT @";

    private TwitterV2Tweets() {
    }

    /** Handles of the users and authors of the tweets in one record, to resolve references. */
    static final class Lookups {
        private final Map<String, String> handles = new HashMap<>();
        private final Map<String, String> tweetAuthors = new HashMap<>();

        /** A user object: {@code id}* and {@code username}. */
        void addUser(JsonObject user) throws BadRecordException {
            handles.put(user.requiredId("id"), user.text("username"));
        }

        /** A tweet object: {@code id}* and {@code author_id}*. */
        void addTweet(JsonObject tweet) throws BadRecordException {
            tweetAuthors.put(tweet.requiredId("id"), tweet.requiredId("author_id"));
        }
    }

    /**
     * The post of one tweet. A retweet gets no text, mentions, URLs or hashtags: its {@code text} is
     * the original's, cut short and prefixed with {@code RT @handle:}, and everything in it belongs
     * to the original, a post of its own.
     */
    static Post post(JsonObject tweet, Lookups lookups, ParseContext context, String sourceFormat)
            throws BadRecordException {
        String id = tweet.requiredId("id");
        String authorId = tweet.requiredId("author_id");
        Instant createdAt = tweet.checkedTime("created_at", context);
        String text = Values.tweetText(tweet.text("text"));

        String repostOf = null;
        String quoteOf = null;
        String replyTo = null;
        for (JsonObject reference : tweet.objects("referenced_tweets")) {
            String type = reference.requiredText("type");
            String referencedId = reference.requiredId("id");
            switch (type) {
                case "retweeted" -> repostOf = repostOf == null ? referencedId : repostOf;
                case "quoted" -> quoteOf = quoteOf == null ? referencedId : quoteOf;
                case "replied_to" -> replyTo = replyTo == null ? referencedId : replyTo;
                default -> {
                    // Types Twitter may add later say nothing Relais uses.
                }
            }
        }

        JsonObject entities = tweet.object("entities");
        List<Post.Mention> mentions = mentions(entities);
        String replyToAuthor = replyTo == null ? null : tweet.id("in_reply_to_user_id");
        if (replyTo != null && replyToAuthor == null) {
            replyToAuthor = lookups.tweetAuthors.get(replyTo);
        }
        String repostOfAuthor = null;
        if (repostOf != null) {
            repostOfAuthor = lookups.tweetAuthors.get(repostOf);
            if (repostOfAuthor == null) {
                repostOfAuthor = retweetedAuthorFromText(text, mentions);
            }
        }
        boolean repost = repostOf != null;
        return new Post(Platforms.TWITTER, id, authorId, lookups.handles.get(authorId), createdAt,
                repost ? null : text,
                tweet.text("lang"),
                repost ? List.of() : urls(entities),
                repost ? List.of() : hashtags(entities),
                repost ? List.of() : mentions,
                replyTo, replyToAuthor,
                repostOf, repostOfAuthor,
                quoteOf, quoteOf == null ? null : lookups.tweetAuthors.get(quoteOf),
                sourceFormat);
    }

    private static List<Post.Mention> mentions(JsonObject entities) throws BadRecordException {
        if (entities == null) {
            return List.of();
        }
        List<JsonObject> raw = entities.objects("mentions");
        List<Post.Mention> result = new ArrayList<>(raw.size());
        for (JsonObject mention : raw) {
            String id = mention.id("id");
            String username = mention.text("username");
            if (id == null && username == null) {
                throw new BadRecordException(Reason.MISSING_FIELD, mention.path() + " must have id or username");
            }
            result.add(new Post.Mention(id, username));
        }
        return result;
    }

    private static List<String> hashtags(JsonObject entities) throws BadRecordException {
        if (entities == null) {
            return List.of();
        }
        List<JsonObject> raw = entities.objects("hashtags");
        List<String> result = new ArrayList<>(raw.size());
        for (JsonObject hashtag : raw) {
            result.add(hashtag.requiredText("tag"));
        }
        return result;
    }

    private static List<String> urls(JsonObject entities) throws BadRecordException {
        if (entities == null) {
            return List.of();
        }
        List<JsonObject> raw = entities.objects("urls");
        List<String> result = new ArrayList<>(raw.size());
        for (JsonObject url : raw) {
            String target = url.text("unwound_url");
            if (target == null) {
                target = url.text("expanded_url");
            }
            if (target == null) {
                target = url.requiredText("url");
            }
            if (!isTwitterLink(target)) {
                result.add(target);
            }
        }
        return result;
    }

    /**
     * Whether a link points back into twitter.com or x.com: an attached photo or video
     * ({@code /status/.../photo/1}) or the permalink of a quoted tweet, already a quoteOf. Only
     * links out of the platform tell which sites a conversation cites.
     */
    static boolean isTwitterLink(String url) {
        String host = BlogIds.host(url);
        return host != null && (host.equals("twitter.com") || host.endsWith(".twitter.com") || host.equals("x.com"));
    }

    /** The author of a retweet whose original is not in the record, from its {@code RT @handle:} prefix. */
    private static String retweetedAuthorFromText(String text, List<Post.Mention> mentions) {
        if (text == null || !text.startsWith(RETWEET_PREFIX)) {
            return null;
        }
        int end = text.indexOf(':', RETWEET_PREFIX.length());
        if (end < 0) {
            return null;
        }
        String handle = text.substring(RETWEET_PREFIX.length(), end);
        for (Post.Mention mention : mentions) {
            if (handle.equalsIgnoreCase(mention.handle())) {
                return mention.accountId();
            }
        }
        return null;
    }

    /** The account of one user object; its {@code created_at} is checked with {@link ParseContext#checkSinceYearOne}. */
    static Account account(JsonObject user, Instant observedAt, ParseContext context) throws BadRecordException {
        JsonObject metrics = user.object("public_metrics");
        return new Account(Platforms.TWITTER,
                user.requiredId("id"),
                user.text("username"),
                user.text("name"),
                profileUrl(user),
                user.text("description"),
                metrics == null ? null : metrics.longValue("followers_count"),
                metrics == null ? null : metrics.longValue("following_count"),
                user.bool("protected"),
                user.bool("verified"),
                context.checkSinceYearOne(user.time("created_at"), user.path("created_at")),
                observedAt);
    }

    /**
     * The expanded profile link of a user object, in v2 and v1.1 alike:
     * {@code entities.url.urls[0].expanded_url}, else {@code url} (a t.co short link).
     */
    static String profileUrl(JsonObject user) throws BadRecordException {
        JsonObject entities = user.object("entities");
        JsonObject url = entities == null ? null : entities.object("url");
        List<JsonObject> urls = url == null ? List.of() : url.objects("urls");
        String expanded = urls.isEmpty() ? null : urls.get(0).text("expanded_url");
        return expanded != null ? expanded : user.text("url");
    }

    /**
     * For a page without {@code data}: true when it is a request that found nothing
     * ({@code meta.result_count} 0).
     *
     * @throws BadRecordException {@link Reason#UNSUPPORTED_RECORD} when the page holds only
     *     {@code errors}, quoting the first
     */
    static boolean isEmptyResult(JsonObject page) throws BadRecordException {
        JsonObject meta = page.object("meta");
        Long resultCount = meta == null ? null : meta.longValue("result_count");
        if (resultCount != null && resultCount == 0) {
            return true;
        }
        if (page.has("errors")) {
            List<JsonObject> errors = page.objects("errors");
            String first = errors.isEmpty() ? null : errors.get(0).text("detail");
            if (first == null && !errors.isEmpty()) {
                first = errors.get(0).text("title");
            }
            throw new BadRecordException(Reason.UNSUPPORTED_RECORD, "page has no data, only " + errors.size()
                    + " error(s)" + (first == null ? "" : ", the first: " + Values.quote(first)));
        }
        return false;
    }

    /** {@code __twarc.retrieved_at}, checked, or null: when twarc fetched the record. */
    static Instant retrievedAt(JsonObject record, ParseContext context) throws BadRecordException {
        JsonObject twarc = record.object("__twarc");
        return twarc == null ? null : twarc.checkedTime("retrieved_at", context);
    }
}
