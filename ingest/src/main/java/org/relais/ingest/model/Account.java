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
        Instant observedAt) {

    public Account {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
    }
}
