package org.relais.ingest.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What was observed about an account at one time: handle, name, the website its profile links to
 * (used to link accounts to blogs), reach, and whether it is public. The latest observation of
 * {@code (platform, accountId)} wins.
 *
 * @param platform one of {@link Platforms}
 * @param accountId the platform's id of the account
 * @param handle the handle without {@code @}
 * @param displayName the name shown on the profile
 * @param profileUrl the website given on the profile, expanded when the platform shortens it
 * @param description the profile's description
 * @param followersCount followers according to the platform, when known
 * @param followingCount accounts it follows according to the platform, when known
 * @param isProtected whether the account is private (protected tweets, locked account)
 * @param verified whether the platform marks it verified
 * @param createdAt when the account was created, as the platform says; null when the record does
 *     not say (see the analysis's {@code relais.pagerank.min-account-age})
 * @param observedAt when this observation was made (the post's or the collection's time)
 */
public record Account(
        String platform,
        String accountId,
        String handle,
        String displayName,
        String profileUrl,
        String description,
        Long followersCount,
        Long followingCount,
        Boolean isProtected,
        Boolean verified,
        Instant createdAt,
        Instant observedAt) {

    public Account {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** An observation that does not say when the account was created. */
    public Account(String platform, String accountId, String handle, String displayName, String profileUrl,
            String description, Long followersCount, Long followingCount, Boolean isProtected, Boolean verified,
            Instant observedAt) {
        this(platform, accountId, handle, displayName, profileUrl, description, followersCount, followingCount,
                isProtected, verified, null, observedAt);
    }
}
