package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
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
    void decodeAndCheckRejectMalformedSequencesNamingTheOffset(String what, String hex, int offset) {
        byte[] value = concat(bytes("ok"), HexFormat.of().parseHex(hex));
        String message = String.format("record is not valid UTF-8: malformed sequence at byte %d (0x%s)", offset,
                hex.substring(0, 2));
        for (Executable parse : List.<Executable>of(() -> Utf8.decode(value, "record"),
                () -> Utf8.check(value, "record"))) {
            BadRecordException e = assertThrows(BadRecordException.class, parse);
            assertEquals(Reason.INVALID_UTF8, e.reason());
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void checkAgreesWithTheStrictDecoderOnRandomBytes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int validNonAscii = 0;
        int invalid = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] value = new byte[random.nextInt(40)];
            for (int j = 0; j < value.length; j++) {
                // Mostly ASCII, as records are, with runs long enough for the eight-byte steps.
                value[j] = (byte) (random.nextInt(10) == 0 ? random.nextInt(256) : 32 + random.nextInt(90));
                if (random.nextInt(50) == 0 && j + 3 < value.length) {
                    // A valid multi-byte character now and then, so that not every non-ASCII byte is an error.
                    byte[] ch = new String(Character.toChars(0x80 + random.nextInt(0x10FF7F)))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    System.arraycopy(ch, 0, value, j, Math.min(ch.length, value.length - j));
                    j += ch.length - 1;
                }
            }
            boolean valid = Utf8.firstMalformedOffset(value) < 0;
            boolean checked;
            try {
                Utf8.check(value, "record");
                checked = true;
            } catch (BadRecordException e) {
                checked = false;
            }
            assertEquals(valid, checked, HexFormat.of().formatHex(value));
            invalid += valid ? 0 : 1;
            validNonAscii += valid && new String(value, java.nio.charset.StandardCharsets.UTF_8).chars()
                    .anyMatch(c -> c >= 0x80) ? 1 : 0;
        }
        assertEquals(true, validNonAscii > 1000 && invalid > 1000, validNonAscii + " valid with non-ASCII characters, "
                + invalid + " invalid");
    }
}
