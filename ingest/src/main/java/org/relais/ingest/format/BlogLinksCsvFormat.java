package org.relais.ingest.format;

import java.time.Instant;
import java.util.List;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.ParsedRecord;

/**
 * {@code blog-links-csv}: links between blog posts, as a crawler or a hand-made list gives them.
 * RFC 4180 CSV in UTF-8 with a header row, one link per row, split as {@link CsvFiles} describes.
 *
 * <p>Columns (names in any case; extra columns ignored; values trimmed; required ones marked *):
 * {@code source_url}* (the citing post), {@code target_url}* (the page linked to),
 * {@code published_at}* (the column must exist, the value may be empty; ISO-8601, see
 * {@link Timestamps#parseIso}; only checked not to be in the future nor before year 1, since blogs
 * predate the social platforms), {@code anchor_text}.
 *
 * <p>Both blog ids are derived with {@link BlogIds}; a URL without one (not http(s)) is a
 * {@link Reason#WRONG_TYPE} error. A link to a page of the same blog (navigation, archives, a
 * post's own comments) is not a citation: such a row parses to an empty record, not an error.
 *
 * <p>Kafka key: {@code source_url}, so that all links of one post stay in order in one partition.
 */
public final class BlogLinksCsvFormat extends CsvFormat {

    public static final String NAME = "blog-links-csv";

    static final String SOURCE_URL = "source_url";
    static final String TARGET_URL = "target_url";
    static final String PUBLISHED_AT = "published_at";
    static final String ANCHOR_TEXT = "anchor_text";
    private static final List<String> REQUIRED = List.of(SOURCE_URL, TARGET_URL, PUBLISHED_AT);

    public BlogLinksCsvFormat() {
        super(NAME, "CSV of links between blog posts: source_url, target_url, published_at[, anchor_text]", REQUIRED);
    }

    @Override
    String key(CsvRow row) {
        return row.optional(SOURCE_URL);
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        CsvRow row = CsvRow.parse(value);
        String sourceUrl = row.required(SOURCE_URL);
        String targetUrl = row.required(TARGET_URL);
        Instant publishedAt = context.checkSinceYearOne(row.time(PUBLISHED_AT), PUBLISHED_AT);
        String sourceBlog = Values.blogId(context.blogIds(), sourceUrl, SOURCE_URL);
        String targetBlog = Values.blogId(context.blogIds(), targetUrl, TARGET_URL);
        ParsedRecord result = new ParsedRecord();
        if (!sourceBlog.equals(targetBlog)) {
            result.add(new BlogLink(sourceBlog, sourceUrl, targetUrl, targetBlog, publishedAt,
                    row.optional(ANCHOR_TEXT), NAME));
        }
        return result;
    }
}
