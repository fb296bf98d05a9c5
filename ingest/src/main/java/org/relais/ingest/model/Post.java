package org.relais.ingest.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One post, reply, repost or quote on a platform, in the canonical form every input format is
 * parsed into. Identifiers are platform-native strings; {@code (platform, postId)} is the key.
 *
 * <p>A repost carries no text of its own and no mentions: the reposted text and its mentions
 * belong to the original post, which is stored as a post of its own when the input includes it.
 *
 * @param platform one of {@link Platforms}
 * @param postId the platform's id of the post
 * @param authorId the platform's id of the author's account
 * @param authorHandle the author's handle without {@code @}, when known
 * @param createdAt when the post was published
 * @param text the post's full text ({@code null} for a repost)
 * @param lang language code as given by the platform, when known
 * @param urls expanded link targets, in order of appearance
 * @param hashtags hashtags without {@code #}, in order of appearance
 * @param mentions accounts the author mentions in this post's own text
 * @param replyToPostId the post this one replies to
 * @param replyToAuthorId that post's author
 * @param repostOfPostId the post this one reposts (retweet, boost, repost)
 * @param repostOfAuthorId that post's author
 * @param quoteOfPostId the post this one quotes
 * @param quoteOfAuthorId that post's author
 * @param sourceFormat the input format it was parsed from
 */
public record Post(
        String platform,
        String postId,
        String authorId,
        String authorHandle,
        Instant createdAt,
        String text,
        String lang,
        List<String> urls,
        List<String> hashtags,
        List<Mention> mentions,
        String replyToPostId,
        String replyToAuthorId,
        String repostOfPostId,
        String repostOfAuthorId,
        String quoteOfPostId,
        String quoteOfAuthorId,
        String sourceFormat) {

    public Post {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(postId, "postId");
        urls = urls == null ? List.of() : List.copyOf(urls);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public boolean isRepost() {
        return repostOfPostId != null;
    }

    public boolean isQuote() {
        return quoteOfPostId != null;
    }

    public boolean isReply() {
        return replyToPostId != null;
    }

    /** An account mentioned in a post; either field may be missing, never both. */
    public record Mention(String accountId, String handle) {
    }
}
