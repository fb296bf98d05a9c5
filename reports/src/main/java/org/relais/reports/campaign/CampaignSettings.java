package org.relais.reports.campaign;

import java.nio.file.Path;

/**
 * Which actors go into {@code campaign_targets.csv}, and how it is laid out. Only public actors
 * above the reach thresholds and not on the suppression list are written; {@code docs/reports.md}
 * states the rules.
 *
 * @param format the file's layout
 * @param minRelaisScore an actor's Relais score must be at least this (0 to 100); an actor without
 *     a score is left out unless this is 0
 * @param minFollowers an account's follower count, as its platform reports it, must be at least
 *     this; an account whose count is unknown is left out unless this is 0. Blogs have no count and
 *     are not held to it
 * @param maxRank only actors ranked this high or higher (1 is the top) are considered
 * @param includeBlogs whether blogs (public web sites) may be listed
 * @param topicTags how many of an actor's most used hashtags become {@code relais-topic-*} tags
 * @param suppressionFile the suppression list's file, or null for none
 * @param suppression the entries of that file: actors never written
 */
public record CampaignSettings(CampaignFormat format, double minRelaisScore, long minFollowers, int maxRank,
        boolean includeBlogs, int topicTags, Path suppressionFile, SuppressionList suppression) {

    public static final CampaignFormat DEFAULT_FORMAT = CampaignFormat.NATIONBUILDER;
    public static final double DEFAULT_MIN_RELAIS_SCORE = 25.0;
    public static final long DEFAULT_MIN_FOLLOWERS = 1000;
    public static final int DEFAULT_MAX_RANK = 100;
    public static final boolean DEFAULT_INCLUDE_BLOGS = true;
    public static final int DEFAULT_TOPIC_TAGS = 3;
    public static final int MAX_TOPIC_TAGS = 10;

    public CampaignSettings {
        if (format == null) {
            throw new IllegalArgumentException("format must be one of " + CampaignFormat.codes());
        }
        if (!(minRelaisScore >= 0 && minRelaisScore <= 100)) {
            throw new IllegalArgumentException("min-relais-score was " + minRelaisScore + ", but must be in [0, 100]");
        }
        if (minFollowers < 0) {
            throw new IllegalArgumentException("min-followers was " + minFollowers + ", but must be at least 0");
        }
        if (maxRank < 1) {
            throw new IllegalArgumentException("max-rank was " + maxRank + ", but must be at least 1");
        }
        if (topicTags < 0 || topicTags > MAX_TOPIC_TAGS) {
            throw new IllegalArgumentException("topic-tags was " + topicTags + ", but must be in [0, " + MAX_TOPIC_TAGS
                    + "]");
        }
        if (suppression == null) {
            suppression = SuppressionList.empty();
        }
    }

    /** The defaults, with no suppression list. */
    public static CampaignSettings defaults() {
        return new CampaignSettings(DEFAULT_FORMAT, DEFAULT_MIN_RELAIS_SCORE, DEFAULT_MIN_FOLLOWERS, DEFAULT_MAX_RANK,
                DEFAULT_INCLUDE_BLOGS, DEFAULT_TOPIC_TAGS, null, SuppressionList.empty());
    }

    public CampaignSettings withFormat(CampaignFormat f) {
        return new CampaignSettings(f, minRelaisScore, minFollowers, maxRank, includeBlogs, topicTags, suppressionFile,
                suppression);
    }

    public CampaignSettings withThresholds(double relaisScore, long followers) {
        return new CampaignSettings(format, relaisScore, followers, maxRank, includeBlogs, topicTags, suppressionFile,
                suppression);
    }

    public CampaignSettings withSuppression(Path file, SuppressionList list) {
        return new CampaignSettings(format, minRelaisScore, minFollowers, maxRank, includeBlogs, topicTags, file, list);
    }
}
