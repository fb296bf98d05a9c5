package org.relais.ingest.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A notice that something was deleted on its platform, so that the lake deletes it too: platform
 * terms require deleted content to be deleted from every copy. Deletions are facts about the
 * platform, not rows to rank: they are kept so that a later copy of the deleted thing (a re-crawl,
 * a late record) can be dropped as well.
 *
 * <p>What each kind removes, and which ids it needs:
 * <ul>
 *   <li>{@link Kind#POST}: the post {@code postId}; {@code accountId} is its author when the notice
 *       says (for information only: it does not widen the deletion);
 *   <li>{@link Kind#ACCOUNT}: the account {@code accountId} with all its posts and every follow
 *       edge from or to it; {@code postId} is null;
 *   <li>{@link Kind#FOLLOW}: one follow edge of the follower {@code accountId}, named by the id of
 *       the follow record in {@code postId} (on Bluesky its {@code at://} URI), because a follow
 *       deletion names only that record, not the account that was followed.
 * </ul>
 *
 * @param platform one of {@link Platforms}
 * @param postId the deleted post (kind post) or follow record (kind follow)
 * @param accountId the deleted account (kind account), the follower (kind follow), or the post's
 *     author when known (kind post)
 * @param kind what was deleted
 * @param deletedAt when the platform deleted it, when the notice says
 * @param source what reported the deletion, for example {@code twitter-v1-delete},
 *     {@code bluesky-delete} or {@code compliance-csv}
 */
public record Deletion(String platform, String postId, String accountId, Kind kind, Instant deletedAt,
        String source) {

    /** What a deletion removes; {@link #code()} is how tables and messages name it. */
    public enum Kind {
        POST,
        ACCOUNT,
        FOLLOW;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws IllegalArgumentException when an id the kind needs is missing: a post deletion
     *     without postId, an account deletion without accountId or with a postId, a follow
     *     deletion without both
     */
    public Deletion {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        boolean valid = switch (kind) {
            case POST -> postId != null;
            case ACCOUNT -> accountId != null && postId == null;
            case FOLLOW -> postId != null && accountId != null;
        };
        if (!valid) {
            throw new IllegalArgumentException(kind.code() + " deletion needs " + switch (kind) {
                case POST -> "postId";
                case ACCOUNT -> "accountId and no postId";
                case FOLLOW -> "postId (the follow record) and accountId (the follower)";
            } + ", but had postId=" + postId + ", accountId=" + accountId);
        }
    }

    /** A deleted post; {@code authorId} may be null. */
    public static Deletion post(String platform, String postId, String authorId, Instant deletedAt, String source) {
        return new Deletion(platform, postId, authorId, Kind.POST, deletedAt, source);
    }

    /** A deleted account, with everything it posted and every follow edge it is part of. */
    public static Deletion account(String platform, String accountId, Instant deletedAt, String source) {
        return new Deletion(platform, null, accountId, Kind.ACCOUNT, deletedAt, source);
    }

    /** A deleted follow record of {@code followerId}. */
    public static Deletion follow(String platform, String followerId, String followRecordId, Instant deletedAt,
            String source) {
        return new Deletion(platform, followRecordId, followerId, Kind.FOLLOW, deletedAt, source);
    }
}
