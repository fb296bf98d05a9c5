package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {

    @Test
    void decodesValidTextIncludingARealReplacementCharacter() throws BadRecordException {
        String text = "Brexit \u00e9t\u00e9 \uD83C\uDDEA\uD83C\uDDFA \uFFFD";
        assertEquals(text, Utf8.decode(bytes(text), "record"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bad continuation, C328, 2",
        "lone continuation byte, 80, 2",
        "overlong encoding of '/', C0AF, 2",
        "UTF-8 encoded surrogate, EDA080, 2",
        "beyond U+10FFFF, F4908080, 2",
        "truncated at the end, E282, 2",
        "invalid byte FF, FF, 2"})
    void rejectsMalformedSequencesNamingTheOffset(String what, String hex, int offset) {
        byte[] value = concat(bytes("ok"), HexFormat.of().parseHex(hex));
        BadRecordException e = assertThrows(BadRecordException.class, () -> Utf8.decode(value, "record"));
        assertEquals(Reason.INVALID_UTF8, e.reason());
        assertEquals(String.format("record is not valid UTF-8: malformed sequence at byte %d (0x%s)", offset,
                hex.substring(0, 2)), e.getMessage());
    }
}
