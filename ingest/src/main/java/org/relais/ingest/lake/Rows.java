package org.relais.ingest.lake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Identity;
import org.relais.ingest.model.Post;

/**
 * Canonical records as Spark rows, in the column order of {@link Tables}. The one place that knows
 * both the model records and the table schemas; a unit test checks each row against its schema.
 */
public final class Rows {

    private Rows() {
    }

    public static Row post(Post p, long batch) {
        Row[] mentions = p.mentions().stream()
                .map(m -> RowFactory.create(m.accountId(), m.handle()))
                .toArray(Row[]::new);
        return RowFactory.create(
                p.platform(), p.postId(), p.authorId(), p.authorHandle(), ts(p.createdAt()), p.text(), p.lang(),
                strings(p.urls()), strings(p.hashtags()), mentions,
                p.replyToPostId(), p.replyToAuthorId(), p.repostOfPostId(), p.repostOfAuthorId(),
                p.quoteOfPostId(), p.quoteOfAuthorId(), p.sourceFormat(), completeness(p), batch);
    }

    public static Row account(Account a, String sourceFormat, long batch) {
        return RowFactory.create(
                a.platform(), a.accountId(), a.handle(), a.displayName(), a.profileUrl(), a.description(),
                a.followersCount(), a.followingCount(), a.isProtected(), a.verified(), ts(a.createdAt()),
                ts(a.observedAt()), sourceFormat, batch);
    }

    public static Row follow(Follow f, long batch) {
        return RowFactory.create(f.platform(), f.followerId(), f.followeeId(), ts(f.observedAt()), f.followId(),
                f.sourceFormat(), batch);
    }

    public static Row deletion(Deletion d, String sourceFormat, long batch) {
        String id = d.kind() == Deletion.Kind.ACCOUNT ? d.accountId() : d.postId();
        return RowFactory.create(d.kind().code() + ":" + d.platform() + ":" + id, d.platform(), d.kind().code(),
                d.postId(), d.accountId(), ts(d.deletedAt()), d.source(), sourceFormat, batch);
    }

    public static Row identity(Identity i, String sourceFormat, long batch) {
        return RowFactory.create(i.blogId(), i.platform(), i.accountId(), i.handle(), i.source(), sourceFormat, batch);
    }

    public static Row blogLink(BlogLink l, long batch) {
        return RowFactory.create(l.sourceBlog(), l.sourcePostUrl(), l.targetUrl(), l.targetBlog(),
                ts(l.publishedAt()), l.anchorText(), l.sourceFormat(), batch);
    }

    /**
     * How many optional fields a post fills. Of two copies of one post (a tweet seen as an original
     * and inside another page's includes, say) the lake keeps the one with the higher count.
     */
    public static int completeness(Post p) {
        int n = 0;
        n += p.authorId() != null ? 1 : 0;
        n += p.authorHandle() != null ? 1 : 0;
        n += p.createdAt() != null ? 1 : 0;
        n += p.text() != null ? 1 : 0;
        n += p.lang() != null ? 1 : 0;
        n += p.urls().isEmpty() ? 0 : 1;
        n += p.hashtags().isEmpty() ? 0 : 1;
        n += p.mentions().isEmpty() ? 0 : 1;
        n += p.replyToAuthorId() != null ? 1 : 0;
        n += p.repostOfAuthorId() != null ? 1 : 0;
        n += p.quoteOfAuthorId() != null ? 1 : 0;
        return n;
    }

    /**
     * The {@link Timestamp} that Spark stores as {@code i}. Spark reads a {@code Timestamp} before
     * 1582-10-15 in the Julian calendar, as {@code java.sql} does, so {@code Timestamp.from(i)}
     * would be stored days off for a crawl's {@code 0001-01-01}; Spark's own conversion from its
     * microseconds gives the one it converts back to {@code i} (the same as
     * {@code Timestamp.from(i)} for any time after 1900). Only the ten days the Gregorian calendar
     * skipped, 1582-10-05 to 14 in the JVM's time zone, have no such timestamp and come back a few
     * days later.
     */
    static Timestamp ts(Instant i) {
        if (i == null) {
            return null;
        }
        // The common case without Spark's conversion, which looks up the JVM's time zone each time.
        return i.getEpochSecond() >= SAME_IN_BOTH_CALENDARS_SINCE
                ? Timestamp.from(i)
                : DateTimeUtils.toJavaTimestamp(DateTimeUtils.instantToMicros(i));
    }

    /** 1900-01-01T00:00:00Z: from then on, in every time zone, both conversions agree. */
    private static final long SAME_IN_BOTH_CALENDARS_SINCE = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();

    private static String[] strings(List<String> values) {
        return values.toArray(String[]::new);
    }
}
