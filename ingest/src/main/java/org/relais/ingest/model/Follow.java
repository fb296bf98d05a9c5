package org.relais.ingest.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A follow edge: {@code followerId} follows {@code followeeId} on {@code platform}, as observed at
 * {@code observedAt}. The key is {@code (platform, followerId, followeeId)}.
 */
public record Follow(String platform, String followerId, String followeeId, Instant observedAt,
        String sourceFormat) {

    public Follow {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(followerId, "followerId");
        Objects.requireNonNull(followeeId, "followeeId");
    }
}
