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
                throw new BadRecordException(Reason.INVALID_UTF8, String.format(
                        "%s is not valid UTF-8: malformed sequence at byte %d (0x%02X)",
                        what, offset, bytes[offset] & 0xFF));
            }
        }
        return text;
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
