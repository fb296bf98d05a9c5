package org.relais.ingest.format;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;

/**
 * {@code twitter-v2-users}: pages of Twitter API v2 users as twarc2 writes them, one response page
 * per line: {@code twarc2 followers} and {@code twarc2 following} (the follow graph of one
 * account), and {@code twarc2 users} (profiles). A page is
 * {@code {"data": [users], "includes": {"tweets": [pinned tweets]}, "meta": …, "__twarc": {"url": …, "retrieved_at": …}}};
 * a line may also be one user as {@code --flatten} writes it, with the page's {@code __twarc}.
 *
 * <p>Kafka key: none for a page (it holds up to a thousand users); {@code twitter:<id>} for a
 * flattened user.
 *
 * <p>Whose followers a page lists is not in the users: twarc keeps the request in
 * {@code __twarc.url}* ({@code https://api.twitter.com/2/users/<id>/followers?…}), so that field is
 * required. Each user of {@code data} becomes an {@link Account} (the fields of a v2 user, read as
 * in {@link TwitterV2Format}) observed at {@code __twarc.retrieved_at} (else
 * {@link ParseContext#receivedAt}), and:
 * <ul>
 *   <li>for {@code /2/users/<id>/followers}: a {@link Follow} from the user to account {@code id};
 *   <li>for {@code /2/users/<id>/following}: a {@link Follow} from account {@code id} to the user;
 *   <li>for any other request (users lookup, {@code liking_users}, {@code retweeted_by}, list
 *       members): no follow, accounts only.
 * </ul>
 * The subject account itself gets no account row: the page says nothing about it but its id.
 * Pinned tweets ({@code includes.tweets}) and {@code meta} are not read.
 *
 * <p>A page without {@code data} is empty when its {@code meta.result_count} is 0 (an account
 * without followers), {@link Reason#UNSUPPORTED_RECORD} when it holds only {@code errors}, and
 * {@link Reason#MISSING_FIELD} otherwise. A page whose {@code data} holds tweets is
 * {@link Reason#UNSUPPORTED_RECORD} (use {@code twitter-v2}).
 */
public final class TwitterV2UsersFormat extends JsonLinesFormat {

    public static final String NAME = "twitter-v2-users";

    /** {@code …/2/users/<id>/followers} or {@code …/following}, then the end, a query or a fragment. */
    private static final Pattern FOLLOW_REQUEST =
            Pattern.compile("^https?://[^/?#]+/2/users/([0-9]+)/(followers|following)/?(?:[?#].*)?$");

    public TwitterV2UsersFormat() {
        super(NAME, "Twitter API v2 user pages as written by twarc2 followers, following or users, one page per line");
    }

    /** Pages are not keyed; a flattened user line is, by its id. */
    @Override
    String key(byte[] record) {
        Map<String, String> fields = Json.peek(record, Set.of("id", "username"));
        return fields.containsKey("username") ? platformKey(Platforms.TWITTER, fields.get("id")) : null;
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject page = Json.parseObject(value, "page");
        List<JsonObject> users;
        if (page.has("data")) {
            users = page.objects("data");
        } else if (page.has("username") && page.has("id")) {
            users = List.of(page);
        } else if (TwitterV2Tweets.isEmptyResult(page)) {
            return new ParsedRecord();
        } else {
            throw page.missing("data");
        }
        for (JsonObject user : users) {
            if (user.has("author_id") || (user.has("text") && !user.has("username"))) {
                throw new BadRecordException(Reason.UNSUPPORTED_RECORD, "data holds tweets, not users: " + user.path()
                        + " has " + (user.has("author_id") ? "author_id" : "text") + "; use " + TwitterV2Format.NAME);
            }
        }
        JsonObject twarc = page.requiredObject("__twarc");
        String url = twarc.requiredText("url");
        Matcher follows = FOLLOW_REQUEST.matcher(url);
        String subject = follows.matches() ? follows.group(1) : null;
        boolean followers = subject != null && follows.group(2).equals("followers");
        Instant retrievedAt = TwitterV2Tweets.retrievedAt(page, context);
        Instant observedAt = retrievedAt != null ? retrievedAt : context.receivedAt();

        ParsedRecord result = new ParsedRecord();
        for (JsonObject user : users) {
            String id = user.requiredId("id");
            result.add(TwitterV2Tweets.account(user, observedAt, context));
            if (subject != null) {
                result.add(followers
                        ? new Follow(Platforms.TWITTER, id, subject, observedAt, NAME)
                        : new Follow(Platforms.TWITTER, subject, id, observedAt, NAME));
            }
        }
        return result;
    }
}
