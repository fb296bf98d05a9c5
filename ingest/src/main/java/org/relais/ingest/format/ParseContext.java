package org.relais.ingest.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What a parser needs to know beyond the record: the range of plausible timestamps, and how blog
 * ids are derived from URLs. A post dated before {@link #notBefore} (default 2006-01-01, before the
 * platforms Relais reads existed) or after {@link #notAfter} (the ingest time plus a day of clock
 * skew) is quarantined.
 *
 * @param notBefore the earliest plausible time
 * @param notAfter the latest plausible time
 * @param receivedAt when the record reached Kafka; used for {@code observed_at} when the record
 *     carries no time of its own
 * @param blogIds the blog id rules, with the configured path patterns
 *     ({@code relais.ingest.blog-path-patterns})
 */
public record ParseContext(Instant notBefore, Instant notAfter, Instant receivedAt, BlogIds blogIds) {

    public static final Instant DEFAULT_NOT_BEFORE =
            ZonedDateTime.of(2006, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    /** The earliest time the lake's tables hold: Spark's timestamps start at year 1. */
    public static final Instant EARLIEST_STORED = Instant.parse("0001-01-01T00:00:00Z");

    /** The default window for records ingested at {@code now}, with the default blog id rules. */
    public static ParseContext at(Instant now, Instant receivedAt) {
        return at(now, receivedAt, BlogIds.DEFAULT);
    }

    /** The default window for records ingested at {@code now}. */
    public static ParseContext at(Instant now, Instant receivedAt, BlogIds blogIds) {
        return new ParseContext(DEFAULT_NOT_BEFORE, now.plusSeconds(86_400), receivedAt, blogIds);
    }

    /** Throws a {@link Reason#TIMESTAMP_OUT_OF_RANGE} error when {@code t} is implausible. */
    public Instant checkTime(Instant t, String field) throws BadRecordException {
        if (t != null && (t.isBefore(notBefore) || t.isAfter(notAfter))) {
            throw new BadRecordException(Reason.TIMESTAMP_OUT_OF_RANGE,
                    field + " was " + t + ", but must be in [" + notBefore + ", " + notAfter + "]");
        }
        return t;
    }

    /**
     * Throws a {@link Reason#TIMESTAMP_OUT_OF_RANGE} error when {@code t} is after
     * {@link #notAfter} or before {@link #EARLIEST_STORED}, with no other lower bound: for times
     * that can rightly predate the platforms, such as a blog post's publication (the polblogs links
     * are from 2004, and crawls write {@code 0001-01-01} for an unknown date) or an account's
     * creation (a federated actor's registration date on a blog engine).
     */
    public Instant checkSinceYearOne(Instant t, String field) throws BadRecordException {
        if (t != null && (t.isAfter(notAfter) || t.isBefore(EARLIEST_STORED))) {
            throw new BadRecordException(Reason.TIMESTAMP_OUT_OF_RANGE,
                    field + " was " + t + ", but must be in [" + EARLIEST_STORED + ", " + notAfter + "]");
        }
        return t;
    }
}
