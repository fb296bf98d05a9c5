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
import java.util.Locale;

/**
 * Timestamp parsing shared by the formats; Twitter v1.1's {@code Sun Feb 01 23:05:52 +0000 2015}
 * belongs here too when that format comes. Range checks are the caller's, through
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
}
