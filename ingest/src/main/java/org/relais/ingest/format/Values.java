package org.relais.ingest.format;

import java.util.List;
import java.util.Locale;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.util.Printable;

/** Checks and clean-ups of single values that several formats share. */
final class Values {

    private static final int MAX_QUOTED_LENGTH = 80;

    private Values() {
    }

    /** {@code value} in quotes, cut short: a message must stay readable when a field holds a page of text. */
    static String quote(String value) {
        return "'" + Printable.of(value.length() <= MAX_QUOTED_LENGTH ? value
                : value.substring(0, MAX_QUOTED_LENGTH - 3) + "...") + "'";
    }

    /**
     * Returns {@code value} when it is one of {@link Platforms#ALL} other than
     * {@link Platforms#BLOG}: the platform of an account, post or follow. An unknown platform would
     * create actor ids that match nothing; a blog is an actor through its links, and a post on
     * platform {@code blog} would make an actor {@code blog:<author_id>} that a blog id could
     * collide with.
     */
    static String socialPlatform(String value, String field) throws BadRecordException {
        if (!Platforms.ALL.contains(value) || value.equals(Platforms.BLOG)) {
            List<String> social = Platforms.ALL.stream().filter(p -> !p.equals(Platforms.BLOG)).toList();
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + quote(value)
                    + ", but must be one of " + String.join(", ", social)
                    + (value.equals(Platforms.BLOG) ? ": blogs have no accounts, posts or follows here" : ""));
        }
        return value;
    }

    /**
     * The account id of {@code platform} as the canonical tables store it, from a list someone
     * wrote by hand (compliance, identities, follows): a Mastodon account is {@code user@instance}, written
     * with or without a leading {@code @} and with the instance in any case, as
     * {@link MastodonFormat} stores it (instance in lower case); other platforms' ids are kept as
     * given. A Mastodon id without its instance would match no one and is refused.
     */
    static String accountId(String platform, String id, String field) throws BadRecordException {
        if (id == null || !platform.equals(Platforms.MASTODON)) {
            return id;
        }
        String acct = handle(id);
        int at = acct == null ? -1 : acct.lastIndexOf('@');
        // Not a profile URL (https://instance/@user) nor anything else with a path or a scheme.
        if (at <= 0 || at == acct.length() - 1 || acct.chars().anyMatch(c -> c == '/' || c == ':'
                || Character.isWhitespace(c))) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + quote(id)
                    + ", but a Mastodon account id is user@instance");
        }
        return mastodonAccount(acct.substring(0, at), acct.substring(at + 1));
    }

    /** A Mastodon account's id: {@code user@instance}, the instance (a host name) in lower case. */
    static String mastodonAccount(String user, String instance) {
        return user + "@" + instance.toLowerCase(java.util.Locale.ROOT);
    }

    /** A handle without its {@code @}, which the canonical tables never store. */
    static String handle(String value) {
        return value != null && value.startsWith("@") ? emptyToNull(value.substring(1)) : value;
    }

    /** A hashtag without its {@code #}. */
    static String hashtag(String value) {
        return value != null && value.startsWith("#") ? emptyToNull(value.substring(1)) : value;
    }

    /**
     * The blog id of {@code url}, or {@link Reason#WRONG_TYPE} when it has none (not http(s), no
     * host).
     */
    static String blogId(BlogIds blogIds, String url, String field) throws BadRecordException {
        String id = blogIds.fromUrl(url);
        if (id == null) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + quote(url) + ", but must be an http(s) URL"
                    + " with a host" + (Printable.isSafe(url) ? "" : ", without control characters"));
        }
        return id;
    }

    /**
     * A blog id given as it is (not derived from a URL): it must be one that {@link BlogIds} could
     * give, a valid host, lower-cased, and path segments, with no space or control character.
     */
    static String givenBlogId(String id, String field) throws BadRecordException {
        if (id != null && (!id.equals(id.toLowerCase(Locale.ROOT)) || id.chars().anyMatch(Character::isWhitespace)
                || BlogIds.host("http://" + id) == null || id.contains("?") || id.contains("#"))) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + quote(id)
                    + ", but must be a blog id: a lower-case host and path segments, as in example.org/blog");
        }
        return id;
    }

    /**
     * A tweet's text as its author wrote it: Twitter's APIs (v1.1 and v2) send it with {@code &},
     * {@code <} and {@code >} escaped as HTML entities, and those three only.
     */
    static String tweetText(String escaped) {
        if (escaped == null || escaped.indexOf('&') < 0) {
            return escaped;
        }
        // &amp; last, so that "&amp;lt;" (the author typed "&lt;") stays "&lt;".
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Names from the input (a header's columns), joined for a message and made {@link Printable}. */
    static String join(List<String> names) {
        return Printable.of(String.join(", ", names));
    }
}
