package org.relais.ingest.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.model.Post;

/**
 * {@code relais-json}: Relais's own normalized JSON lines, one entity per line, with the fields
 * named like the columns of the canonical tables. Any collector can write it; it is also how test
 * data is written by hand.
 *
 * <p>Every line is an object with {@code "type"} and the fields of that type. Required fields are
 * marked *; all others may be absent, {@code null} or {@code ""}. Ids are strings (integers are
 * accepted and kept exact); times are ISO-8601 (see {@link Timestamps#parseIso}); {@code platform}
 * is one of {@link org.relais.ingest.model.Platforms#ALL}. Unknown fields are ignored. Records are
 * taken as given: the writer follows the canonical rules (a repost carries no text or mentions).
 *
 * <table>
 *   <caption>Fields read, per type</caption>
 *   <tr><th>type</th><th>fields</th></tr>
 *   <tr><td>{@code post}</td><td>platform*, post_id*, author_id, author_handle, created_at, text,
 *       lang, urls (array of strings), hashtags (array of strings), mentions (array of
 *       {@code {account_id, handle}}, at least one of the two), reply_to_post_id,
 *       reply_to_author_id, repost_of_post_id, repost_of_author_id, quote_of_post_id,
 *       quote_of_author_id</td></tr>
 *   <tr><td>{@code account}</td><td>platform*, account_id*, handle, display_name, profile_url,
 *       description, followers_count, following_count (integers), protected, verified (booleans),
 *       created_at (when the account was created), observed_at</td></tr>
 *   <tr><td>{@code follow}</td><td>platform*, follower_id*, followee_id*, observed_at</td></tr>
 *   <tr><td>{@code blog_link}</td><td>source_post_url*, target_url*, published_at, anchor_text,
 *       source_blog, target_blog</td></tr>
 * </table>
 *
 * <p>A leading {@code @} of a handle and {@code #} of a hashtag are dropped. An account's
 * {@code created_at} is checked with {@link ParseContext#checkSinceYearOne}; a post's
 * {@code created_at} and {@code observed_at} are checked with {@link ParseContext#checkTime}; {@code observed_at} defaults
 * to {@link ParseContext#receivedAt}. {@code published_at} is only checked not to be in the future
 * nor before year 1 ({@link ParseContext#checkSinceYearOne}), since blogs predate the social
 * platforms. {@code source_blog} and {@code target_blog} are derived from the URLs with
 * {@link BlogIds} unless given; a link within one blog is not a citation and parses to an empty
 * record, not an error.
 *
 * <p>Kafka key: {@code platform:post_id} for a post, {@code platform:account_id} for an account,
 * {@code platform:follower_id} for a follow (a follower's edges stay in order in one partition),
 * {@code source_post_url} for a blog link; none for a line whose type or key fields cannot be read
 * at publish time (parsing will say why).
 */
public final class RelaisJsonFormat extends JsonLinesFormat {

    public static final String NAME = "relais-json";

    public RelaisJsonFormat() {
        super(NAME, "Relais's normalized JSON lines: one post, account, follow or blog_link per line");
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject record = Json.parseObject(value, "record");
        String type = record.requiredText("type");
        return switch (type) {
            case "post" -> new ParsedRecord().add(post(record, context));
            case "account" -> new ParsedRecord().add(account(record, context));
            case "follow" -> new ParsedRecord().add(follow(record, context));
            case "blog_link" -> blogLink(record, context);
            default -> throw new BadRecordException(Reason.UNSUPPORTED_RECORD,
                    "type was " + Values.quote(type) + ", but must be one of post, account, follow, blog_link");
        };
    }

    private static Post post(JsonObject o, ParseContext context) throws BadRecordException {
        return new Post(
                Values.socialPlatform(o.requiredText("platform"), "platform"),
                o.requiredId("post_id"),
                o.id("author_id"),
                Values.handle(o.text("author_handle")),
                o.checkedTime("created_at", context),
                o.text("text"),
                o.text("lang"),
                o.texts("urls"),
                hashtags(o.texts("hashtags")),
                mentions(o.objects("mentions")),
                o.id("reply_to_post_id"),
                o.id("reply_to_author_id"),
                o.id("repost_of_post_id"),
                o.id("repost_of_author_id"),
                o.id("quote_of_post_id"),
                o.id("quote_of_author_id"),
                NAME);
    }

    private static List<String> hashtags(List<String> raw) {
        List<String> result = new ArrayList<>(raw.size());
        for (String tag : raw) {
            String clean = Values.hashtag(tag);
            if (clean != null) {
                result.add(clean);
            }
        }
        return result;
    }

    private static List<Post.Mention> mentions(List<JsonObject> raw) throws BadRecordException {
        List<Post.Mention> result = new ArrayList<>(raw.size());
        for (JsonObject mention : raw) {
            String accountId = mention.id("account_id");
            String handle = Values.handle(mention.text("handle"));
            if (accountId == null && handle == null) {
                throw new BadRecordException(Reason.MISSING_FIELD, mention.path() + " must have account_id or handle");
            }
            result.add(new Post.Mention(accountId, handle));
        }
        return result;
    }

    private static Account account(JsonObject o, ParseContext context) throws BadRecordException {
        return new Account(
                Values.socialPlatform(o.requiredText("platform"), "platform"),
                o.requiredId("account_id"),
                Values.handle(o.text("handle")),
                o.text("display_name"),
                o.text("profile_url"),
                o.text("description"),
                o.longValue("followers_count"),
                o.longValue("following_count"),
                o.bool("protected"),
                o.bool("verified"),
                context.checkSinceYearOne(o.time("created_at"), "created_at"),
                observedAt(o, context));
    }

    private static Follow follow(JsonObject o, ParseContext context) throws BadRecordException {
        return new Follow(
                Values.socialPlatform(o.requiredText("platform"), "platform"),
                o.requiredId("follower_id"),
                o.requiredId("followee_id"),
                observedAt(o, context),
                NAME);
    }

    private static Instant observedAt(JsonObject o, ParseContext context) throws BadRecordException {
        Instant observedAt = o.checkedTime("observed_at", context);
        return observedAt != null ? observedAt : context.receivedAt();
    }

    private ParsedRecord blogLink(JsonObject o, ParseContext context) throws BadRecordException {
        String sourcePostUrl = o.requiredText("source_post_url");
        String targetUrl = o.requiredText("target_url");
        Instant publishedAt = context.checkSinceYearOne(o.time("published_at"), "published_at");
        String anchorText = o.text("anchor_text");
        String sourceBlog = Values.givenBlogId(o.text("source_blog"), "source_blog");
        String targetBlog = Values.givenBlogId(o.text("target_blog"), "target_blog");
        if (sourceBlog == null) {
            sourceBlog = Values.blogId(context.blogIds(), sourcePostUrl, "source_post_url");
        }
        if (targetBlog == null) {
            targetBlog = Values.blogId(context.blogIds(), targetUrl, "target_url");
        }
        ParsedRecord result = new ParsedRecord();
        if (!sourceBlog.equals(targetBlog)) {
            result.add(new BlogLink(sourceBlog, sourcePostUrl, targetUrl, targetBlog, publishedAt, anchorText, NAME));
        }
        return result;
    }

    private static final Set<String> KEY_FIELDS =
            Set.of("type", "platform", "post_id", "account_id", "follower_id", "source_post_url");

    /** The Kafka key, from top-level fields read with {@link Json#peek}. */
    @Override
    String key(byte[] line) {
        Map<String, String> fields = Json.peek(line, KEY_FIELDS);
        String type = fields.get("type");
        if (type == null) {
            return null;
        }
        String platform = fields.get("platform");
        return switch (type) {
            case "post" -> platformKey(platform, fields.get("post_id"));
            case "account" -> platformKey(platform, fields.get("account_id"));
            case "follow" -> platformKey(platform, fields.get("follower_id"));
            case "blog_link" -> Values.emptyToNull(fields.get("source_post_url"));
            default -> null;
        };
    }
}
