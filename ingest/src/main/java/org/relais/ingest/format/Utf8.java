package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Strict UTF-8 decoding: a record that is not valid UTF-8 is quarantined, never repaired. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes {@code bytes}, or throws {@link Reason#INVALID_UTF8} naming the offset of the first
     * malformed sequence.
     *
     * @param what what the bytes are, for the message ("record", "page")
     */
    static String decode(byte[] bytes, String what) throws BadRecordException {
        // The JDK's lenient decoder is the fast path; it marks every malformed sequence with U+FFFD.
        // Only when one shows up is the strict decoder run, since the input may also hold a real U+FFFD.
        String text = new String(bytes, UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            int offset = firstMalformedOffset(bytes);
            if (offset >= 0) {
                throw malformed(bytes, offset, what);
            }
        }
        return text;
    }

    /**
     * Checks that {@code bytes} are valid UTF-8 without decoding them, for input a parser reads as
     * bytes: throws {@link Reason#INVALID_UTF8} like {@link #decode}. Runs of ASCII, most of any
     * record, are skipped eight bytes at a time.
     */
    static void check(byte[] bytes, String what) throws BadRecordException {
        int i = 0;
        int n = bytes.length;
        while (i + 8 <= n && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
            i += 8;
        }
        if (!wellFormed(bytes, i)) {
            throw malformed(bytes, firstMalformedOffset(bytes), what);
        }
    }

    /**
     * Whether {@code b} from {@code i} on is well-formed UTF-8 (RFC 3629): no stray continuation
     * byte, no overlong form, no surrogate, nothing beyond U+10FFFF, no sequence cut short. The
     * JDK's strict decoder says the same (a test checks it) but costs a decoding.
     */
    private static boolean wellFormed(byte[] b, int i) {
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c < 0xC2) {
                return false;
            } else if (c < 0xE0) {
                if (i + 1 >= n || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) {
                    return false;
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static BadRecordException malformed(byte[] bytes, int offset, String what) {
        return new BadRecordException(Reason.INVALID_UTF8, String.format(java.util.Locale.ROOT,
                "%s is not valid UTF-8: malformed sequence at byte %d (0x%02X)", what, offset, bytes[offset] & 0xFF));
    }

    /** The offset of the first malformed byte sequence, or -1 when {@code bytes} is valid UTF-8. */
    static int firstMalformedOffset(byte[] bytes) {
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return decoder.flush(out).isError() ? in.position() : -1;
    }
}
