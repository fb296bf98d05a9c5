package org.relais.ingest.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A follow edge: {@code followerId} follows {@code followeeId} on {@code platform}, as observed at
 * {@code observedAt}. The key is {@code (platform, followerId, followeeId)}.
 *
 * @param followId the platform's id of the follow itself, where it has one (a Bluesky follow
 *     record's {@code at://} URI), so that a later deletion of that record can find the edge
 */
public record Follow(String platform, String followerId, String followeeId, Instant observedAt,
        String sourceFormat, String followId) {

    public Follow {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(followerId, "followerId");
        Objects.requireNonNull(followeeId, "followeeId");
    }

    /** A follow edge that has no id of its own (most platforms' follower lists). */
    public Follow(String platform, String followerId, String followeeId, Instant observedAt, String sourceFormat) {
        this(platform, followerId, followeeId, observedAt, sourceFormat, null);
    }
}
