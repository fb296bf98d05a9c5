package org.relais.ingest.format;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.ParsedRecord;

/**
 * {@code blog-posts-json}: blog posts as a crawler gives them, one JSON object per line, each with
 * the links found in the post's body:
 *
 * <pre>
 * {"url": "https://a.blogspot.com/2024/05/post.html", "published_at": "2024-05-01T10:00:00Z", "title": "…",
 *  "outlinks": ["https://b.example/x", {"url": "https://c.example/y", "anchor_text": "this report"}]}
 * </pre>
 *
 * <p>Fields (* required): {@code url}* (the post; its blog id by {@link BlogIds}, a URL without one
 * is {@link Reason#WRONG_TYPE}), {@code published_at} (ISO-8601; only checked not to be in the
 * future, since blogs predate the platforms), {@code outlinks}* (an array, possibly empty, of URLs
 * as strings, or of objects with {@code url}* and {@code anchor_text}). {@code title} and any other
 * field are not read. URLs are trimmed.
 *
 * <p>Each outlink gives a {@link BlogLink} from the post, in order, except: a link within the same
 * blog (navigation, archives, comments: not a citation), a link without a blog id (relative,
 * {@code mailto:}, {@code javascript:}: ordinary in crawled pages, so skipped rather than an
 * error), and a second link to the same URL (the first, with its anchor text, is kept). A post
 * whose links are all skipped is an empty record.
 *
 * <p>Kafka key: {@code url}, as {@code blog-links-csv} keys by the citing post.
 */
public final class BlogPostsJsonFormat extends JsonLinesFormat {

    public static final String NAME = "blog-posts-json";

    public BlogPostsJsonFormat() {
        super(NAME, "JSON lines of crawled blog posts: url, published_at, outlinks (URLs or {url, anchor_text})");
    }

    @Override
    String key(byte[] record) {
        return Values.emptyToNull(Json.peek(record, Set.of("url")).get("url"));
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject post = Json.parseObject(value, "post");
        String url = post.requiredText("url").strip();
        String sourceBlog = Values.blogId(context.blogIds(), url, "url");
        Instant publishedAt = context.checkSinceYearOne(post.time("published_at"), "published_at");
        if (!post.has("outlinks")) {
            throw post.missing("outlinks");
        }
        ParsedRecord result = new ParsedRecord();
        Set<String> seen = new HashSet<>();
        for (JsonObject.Element outlink : post.textsOrObjects("outlinks")) {
            String target = outlink.text() != null ? outlink.text() : outlink.object().requiredText("url");
            String anchorText = outlink.object() == null ? null : outlink.object().text("anchor_text");
            target = target.strip();
            String targetBlog = context.blogIds().fromUrl(target);
            if (targetBlog != null && !targetBlog.equals(sourceBlog) && seen.add(target)) {
                result.add(new BlogLink(sourceBlog, url, target, targetBlog, publishedAt, anchorText, NAME));
            }
        }
        return result;
    }
}
