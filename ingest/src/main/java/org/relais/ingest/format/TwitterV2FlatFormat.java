package org.relais.ingest.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.model.Post;

/**
 * {@code twitter-v2-flat}: Twitter API v2 tweets as {@code twarc2 flatten} (or {@code --flatten})
 * writes them, one tweet per line, with what a response page keeps in {@code includes} copied into
 * the tweet: the author as {@code author}, the replied-to user as {@code in_reply_to_user}, each
 * entry of {@code referenced_tweets} merged with the whole referenced tweet (its own
 * {@code author} and references included), each mention merged with the mentioned user, and the
 * page's {@code __twarc} metadata. A referenced tweet or user that was not in the page is merged
 * with nothing ({@code {"type":…,"id":…}}) or written as {@code {}}.
 *
 * <p>Kafka key: {@code twitter:<id>}; none for a line whose {@code id} cannot be read at publish
 * time (parsing will say why).
 *
 * <p>A line gives what its page would have given for that tweet, read by the same code as
 * {@link TwitterV2Format} (see there for the fields of a tweet and of a user):
 * <ul>
 *   <li>posts: the tweet, and each tweet of {@code referenced_tweets[]} that was inlined (has
 *       {@code author_id}); the tweets those reference again only serve to find authors;
 *   <li>accounts: the users inlined as {@code author}, {@code in_reply_to_user} and in
 *       {@code entities.mentions[]} (those merged with a user: they have {@code name}), of the
 *       tweet and of its inlined referenced tweets, once each; an empty {@code {}} is skipped;
 *   <li>authors of referenced tweets and handles come from the inlined objects, where a page
 *       looks them up in {@code includes}.
 * </ul>
 * Accounts are observed at {@code __twarc.retrieved_at}, else the tweet's {@code created_at}, else
 * {@link ParseContext#receivedAt}. Over all the lines of a flattened page, the distinct posts and
 * accounts are those of the page (an original retweeted by several lines comes once per line; the
 * lake keeps one).
 *
 * <p>A line that is a whole response page ({@code data}) is {@link Reason#UNSUPPORTED_RECORD}
 * (use {@code twitter-v2}), as are a v1.1 tweet ({@code id_str}; use {@code twitter-v1}) and a
 * user (a {@code username} and no {@code author_id}: flattened followers; use
 * {@code twitter-v2-users}).
 */
public final class TwitterV2FlatFormat extends JsonLinesFormat {

    public static final String NAME = "twitter-v2-flat";

    public TwitterV2FlatFormat() {
        super(NAME, "Twitter API v2 tweets flattened by twarc2, one tweet per line");
    }

    @Override
    String key(byte[] record) {
        return platformKey(Platforms.TWITTER, record, "id");
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject tweet = Json.parseObject(value, "tweet");
        rejectOtherShapes(tweet);
        List<JsonObject> referenced = inlined(tweet);
        List<JsonObject> tweets = new ArrayList<>(1 + referenced.size());
        tweets.add(tweet);
        tweets.addAll(referenced);

        TwitterV2Tweets.Lookups lookups = new TwitterV2Tweets.Lookups();
        Map<String, JsonObject> users = new LinkedHashMap<>();
        for (JsonObject t : tweets) {
            lookups.addTweet(t);
            for (JsonObject again : inlined(t)) {
                lookups.addTweet(again);
                JsonObject author = user(again.object("author"));
                if (author != null) {
                    lookups.addUser(author);
                }
            }
            for (JsonObject user : users(t)) {
                lookups.addUser(user);
                users.putIfAbsent(user.requiredId("id"), user);
            }
        }

        ParsedRecord result = new ParsedRecord();
        Set<String> seen = new HashSet<>();
        Post first = null;
        for (JsonObject t : tweets) {
            if (seen.add(t.requiredId("id"))) {
                Post post = TwitterV2Tweets.post(t, lookups, context, NAME);
                first = first == null ? post : first;
                result.add(post);
            }
        }
        Instant observedAt = TwitterV2Tweets.retrievedAt(tweet, context);
        if (observedAt == null) {
            observedAt = first.createdAt() != null ? first.createdAt() : context.receivedAt();
        }
        for (JsonObject user : users.values()) {
            result.add(TwitterV2Tweets.account(user, observedAt, context));
        }
        return result;
    }

    private static void rejectOtherShapes(JsonObject record) throws BadRecordException {
        if (record.has("data")) {
            throw new BadRecordException(Reason.UNSUPPORTED_RECORD,
                    "record looks like a response page (it has data), not a flattened tweet: use " + TwitterV2Format.NAME);
        }
        if (record.has("id_str")) {
            throw new BadRecordException(Reason.UNSUPPORTED_RECORD,
                    "record looks like a v1.1 tweet (it has id_str), not a flattened v2 tweet: use " + TwitterV1Format.NAME);
        }
        if (!record.has("author_id") && record.has("username")) {
            throw new BadRecordException(Reason.UNSUPPORTED_RECORD,
                    "record looks like a user (it has username), not a flattened tweet: use " + TwitterV2UsersFormat.NAME);
        }
    }

    /** The referenced tweets that were inlined whole: those with an {@code author_id}. */
    private static List<JsonObject> inlined(JsonObject tweet) throws BadRecordException {
        List<JsonObject> result = new ArrayList<>();
        for (JsonObject reference : tweet.objects("referenced_tweets")) {
            if (reference.has("author_id")) {
                result.add(reference);
            }
        }
        return result;
    }

    /** The users inlined in one tweet: author, replied-to user, and mentions merged with a user. */
    private static List<JsonObject> users(JsonObject tweet) throws BadRecordException {
        List<JsonObject> result = new ArrayList<>();
        addIfGiven(result, user(tweet.object("author")));
        addIfGiven(result, user(tweet.object("in_reply_to_user")));
        JsonObject entities = tweet.object("entities");
        if (entities != null) {
            for (JsonObject mention : entities.objects("mentions")) {
                if (mention.has("name")) {
                    result.add(mention);
                }
            }
        }
        return result;
    }

    /** An inlined user, or null for none: twarc writes {@code {}} for a user missing from the page. */
    private static JsonObject user(JsonObject inlined) {
        return inlined == null || inlined.isEmpty() ? null : inlined;
    }

    private static void addIfGiven(List<JsonObject> list, JsonObject user) {
        if (user != null) {
            list.add(user);
        }
    }
}
