package org.relais.ingest.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Timestamp parsing shared by the formats: ISO-8601, Twitter v1.1's
 * {@code Sun Feb 01 23:05:52 +0000 2015}, and epoch counts. Range checks are the caller's, through
 * {@link ParseContext}, because what is plausible depends on the field.
 */
final class Timestamps {

    /**
     * ISO-8601 date-times as the formats write them: {@code 2021-09-22T16:37:29Z},
     * {@code 2021-09-22T16:37:29.000Z}, {@code 2021-09-22T18:37:29+02:00} (also {@code +0200} and
     * {@code +02}), or with no offset at all. STRICT resolving, so February 30 is an error rather
     * than March 2.
     */
    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private static final int DATE_LENGTH = "2021-09-22".length();

    /**
     * Twitter API v1.1's {@code created_at}: {@code Sun Feb 01 23:05:52 +0000 2015}, English names.
     * STRICT resolving also checks that the day of the week matches the date.
     */
    private static final DateTimeFormatter TWITTER_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("EEE MMM dd HH:mm:ss xx uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /** At most 18 digits: a count of milliseconds that fits a long, whatever the digits. */
    private static final int MAX_EPOCH_DIGITS = 18;

    private Timestamps() {
    }

    /**
     * Parses an ISO-8601 date-time. Also accepted, because CSV files written by hand or by
     * spreadsheets use them: a space instead of {@code T}, and a bare date (midnight). A time without
     * offset is taken as UTC.
     *
     * @param field the field's name or JSON path, for the message
     * @throws BadRecordException {@link Reason#WRONG_TYPE} when {@code text} is not such a time
     */
    static Instant parseIso(String text, String field) throws BadRecordException {
        Instant utc = utcInstant(text);
        if (utc != null) {
            return utc;
        }
        try {
            if (text.length() == DATE_LENGTH) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String normalized = text.length() > DATE_LENGTH && text.charAt(DATE_LENGTH) == ' '
                    ? text.substring(0, DATE_LENGTH) + 'T' + text.substring(DATE_LENGTH + 1)
                    : text;
            TemporalAccessor parsed = ISO_DATE_TIME.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + Values.quote(text)
                    + ", but must be an ISO-8601 date-time such as 2021-09-22T16:37:29Z");
        }
    }

    /**
     * The form nearly every collector writes, {@code 2021-09-22T16:37:29Z} with an optional
     * fraction of 1 to 9 digits, read without the general formatter (which costs microseconds per
     * time, on every post of a night); null for anything else, valid or not, which then takes the
     * general path and its messages.
     */
    private static Instant utcInstant(String t) {
        int n = t.length();
        if (n < 20 || n == 21 || n > 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z'
                || (n > 20 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int fraction = n > 20 ? digits(t, 20, n - 21) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        int nanos = fraction;
        for (int i = n - 21; i < 9 && n > 20; i++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /**
     * The form every v1.1 tweet has, {@code Sun Feb 01 23:05:52 +0000 2015}, read without the
     * general formatter, the day of the week checked as it checks it; null for anything else
     * (another offset, a wrong day, no such date), which then takes the general path.
     */
    private static Instant twitterUtc(String t) {
        if (t.length() != 30 || t.charAt(3) != ' ' || t.charAt(7) != ' ' || t.charAt(10) != ' ' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != ' ' || !t.startsWith("+0000 ", 20)) {
            return null;
        }
        int dayOfWeek = DAYS.indexOf(t.substring(0, 3)) + 1;
        int month = MONTHS.indexOf(t.substring(4, 7)) + 1;
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int year = digits(t, 26, 4);
        if (dayOfWeek < 1 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || year < 0 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (date.getDayOfWeek().getValue() != dayOfWeek) {
            return null;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second);
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Parses Twitter API v1.1's {@code created_at} form, {@code Sun Feb 01 23:05:52 +0000 2015}.
     *
     * @param field the field's name or JSON path, for the message
     * @throws BadRecordException {@link Reason#WRONG_TYPE} when {@code text} is not such a time, or
     *     names the wrong day of the week
     */
    static Instant parseTwitter(String text, String field) throws BadRecordException {
        Instant utc = twitterUtc(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text, TWITTER_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + Values.quote(text)
                    + ", but must be a Twitter v1.1 time such as Sun Feb 01 23:05:52 +0000 2015");
        }
    }

    /**
     * Parses a count of milliseconds since 1970-01-01T00:00:00Z written as a string of digits,
     * as Twitter v1.1's {@code timestamp_ms} is.
     *
     * @throws BadRecordException {@link Reason#WRONG_TYPE} when {@code text} is not 1 to 18 digits
     */
    static Instant parseEpochMillis(String text, String field) throws BadRecordException {
        if (text.isEmpty() || text.length() > MAX_EPOCH_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + Values.quote(text)
                    + ", but must be milliseconds since 1970 such as 1422831952283");
        }
        return Instant.ofEpochMilli(Long.parseLong(text));
    }

    /** A count of microseconds since 1970-01-01T00:00:00Z, as Bluesky's Jetstream writes {@code time_us}. */
    static Instant ofEpochMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
