package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
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

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"yesterday", "", "2021-02-30T00:00:00Z", "2021-09-22T24:00:00Z", "22/09/2021",
        "Wed Sep 22 16:37:29 +0000 2021", "2021-09-22T16:37:29+02:00Z", "1632328649", "2021-9-22"})
    void rejectsEverythingElseAsWrongType(String text) {
        BadRecordException e = assertThrows(BadRecordException.class, () -> Timestamps.parseIso(text, "created_at"));
        assertEquals(Reason.WRONG_TYPE, e.reason());
        assertEquals("created_at was '" + text + "', but must be an ISO-8601 date-time such as 2021-09-22T16:37:29Z",
                e.getMessage());
    }
}
