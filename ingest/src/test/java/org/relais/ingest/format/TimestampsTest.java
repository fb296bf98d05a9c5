package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2021-09-22T16:37:29.000Z, 2021-09-22T16:37:29Z",
        "2021-09-22T16:37:29Z, 2021-09-22T16:37:29Z",
        "2021-09-22T16:37:29.123456Z, 2021-09-22T16:37:29.123456Z",
        "2021-09-22T18:37:29+02:00, 2021-09-22T16:37:29Z",
        "2021-09-22T18:37:29+0200, 2021-09-22T16:37:29Z",
        "2021-09-22T18:37:29+02, 2021-09-22T16:37:29Z",
        "2021-09-22T11:07:29-05:30, 2021-09-22T16:37:29Z",
        "2021-09-22T16:37:29, 2021-09-22T16:37:29Z",
        "2021-09-22T16:37, 2021-09-22T16:37:00Z",
        "2021-09-22 16:37:29, 2021-09-22T16:37:29Z",
        "2021-09-22t16:37:29z, 2021-09-22T16:37:29Z",
        "2021-09-22, 2021-09-22T00:00:00Z"})
    void parsesIsoForms(String text, String expected) throws BadRecordException {
        assertEquals(Instant.parse(expected), Timestamps.parseIso(text, "created_at"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2021-12-31T00:00:00.5Z", "2021-09-22T16:37:29.123456789Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2006-03-21T20:50:14.000Z"})
    void readsTheCommonUtcFormLikeTheJdk(String text) throws BadRecordException {
        assertEquals(Instant.parse(text), Timestamps.parseIso(text, "created_at"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"yesterday", "", "2021-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2021-13-01T00:00:00Z",
        "2021-09-22T16:60:00Z", "2021-09-22T16:37:60Z", "2021-09-22T16:37:29.1234567890Z",
        "2021-09-22T16:37:2xZ", "2021-09-22X16:37:29Z", "2021-09-22T24:00:00Z", "22/09/2021",
        "Wed Sep 22 16:37:29 +0000 2021", "2021-09-22T16:37:29+02:00Z", "1632328649", "2021-9-22"})
    void rejectsEverythingElseAsWrongType(String text) {
        assertWrongType(() -> Timestamps.parseIso(text, "created_at"),
                "created_at was '" + text + "', but must be an ISO-8601 date-time such as 2021-09-22T16:37:29Z");
    }

    private static void assertWrongType(Executable parse, String message) {
        BadRecordException e = assertThrows(BadRecordException.class, parse);
        assertEquals(Reason.WRONG_TYPE, e.reason());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Sun Feb 01 23:05:52 +0000 2015, 2015-02-01T23:05:52Z",
        "Wed Sep 22 18:37:29 +0200 2021, 2021-09-22T16:37:29Z",
        "Thu Feb 29 00:00:00 -0500 2024, 2024-02-29T05:00:00Z",
        "Thu Feb 29 23:59:59 +0000 2024, 2024-02-29T23:59:59Z",
        "Wed Dec 31 00:00:00 +0000 2025, 2025-12-31T00:00:00Z",
        "Sat Jan 01 12:30:00 +0000 2000, 2000-01-01T12:30:00Z"})
    void parsesTwitterV1Times(String text, String expected) throws BadRecordException {
        assertEquals(Instant.parse(expected), Timestamps.parseTwitter(text, "created_at"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Mon Feb 01 23:05:52 +0000 2015", "Sun Feb 1 23:05:52 +0000 2015",
        "Fri Feb 29 00:00:00 +0000 2023", "Sun Feb 01 23:05:52 2015", "sun feb 01 23:05:52 +0000 2015",
        "Sun Feb 01 24:05:52 +0000 2015", "Sun Feb 01 23:60:52 +0000 2015", "Sun Foo 01 23:05:52 +0000 2015",
        "Sun Feb 0x 23:05:52 +0000 2015", "Sun Feb 01 23:05:52 +0000 20x5", "Sun Feb 01 23:05:52 +0000 2015 ",
        "2015-02-01T23:05:52Z", ""})
    void rejectsOtherTwitterTimesAsWrongType(String text) {
        assertWrongType(() -> Timestamps.parseTwitter(text, "created_at"),
                "created_at was '" + text + "', but must be a Twitter v1.1 time such as Sun Feb 01 23:05:52 +0000 2015");
    }

    @Test
    void parsesEpochMillisFromDigits() throws BadRecordException {
        assertEquals(Instant.parse("2015-02-01T23:05:52.283Z"), Timestamps.parseEpochMillis("1422831952283", "timestamp_ms"));
        assertEquals(Instant.EPOCH, Timestamps.parseEpochMillis("0", "timestamp_ms"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "-1", "1.5", "14228319522830000000", "12a", " 1"})
    void rejectsEpochMillisThatAreNotDigits(String text) {
        assertWrongType(() -> Timestamps.parseEpochMillis(text, "timestamp_ms"),
                "timestamp_ms was '" + text + "', but must be milliseconds since 1970 such as 1422831952283");
    }

    @Test
    void convertsEpochMicrosExactly() {
        assertEquals(Instant.parse("2026-07-04T14:38:08.085434Z"), Timestamps.ofEpochMicros(1_783_175_888_085_434L));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), Timestamps.ofEpochMicros(-1));
    }
}
