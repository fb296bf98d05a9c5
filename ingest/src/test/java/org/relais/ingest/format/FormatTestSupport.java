package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.relais.ingest.model.ParsedRecord;

/** Shared fixtures of the format tests: a fixed parse context, splitting and error assertions. */
final class FormatTestSupport {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant RECEIVED_AT = Instant.parse("2024-12-31T12:00:00Z");
    /** Accepts 2006-01-01 to 2025-01-02. */
    static final ParseContext CONTEXT = ParseContext.at(NOW, RECEIVED_AT);

    /** Two bytes that are not UTF-8: a lead byte followed by one that cannot continue it. */
    static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28};

    private FormatTestSupport() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static List<SourceRecord> splitAll(RecordFormat format, byte[] file) throws IOException, BadInputException {
        return drain(format.split(new ByteArrayInputStream(file), "test-file"));
    }

    /** Splits through a stream that returns at most three bytes per read, to cross buffer boundaries. */
    static List<SourceRecord> splitTrickling(RecordFormat format, byte[] file) throws IOException, BadInputException {
        return drain(format.split(trickle(file), "test-file"));
    }

    static InputStream trickle(byte[] file) {
        return new ByteArrayInputStream(file) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    static List<SourceRecord> drain(Iterator<SourceRecord> records) {
        List<SourceRecord> result = new ArrayList<>();
        records.forEachRemaining(result::add);
        return result;
    }

    static String keyOf(SourceRecord record) {
        return record.key() == null ? null : new String(record.key(), UTF_8);
    }

    static String valueOf(SourceRecord record) {
        return new String(record.value(), UTF_8);
    }

    static ParsedRecord parse(RecordFormat format, String value) throws BadRecordException {
        return format.parse(bytes(value), CONTEXT);
    }

    /** Asserts that parsing fails with {@code reason} and a message containing {@code messagePart}. */
    static BadRecordException assertBad(RecordFormat format, byte[] value, Reason reason, String messagePart) {
        BadRecordException e = assertThrows(BadRecordException.class, () -> format.parse(value, CONTEXT),
                () -> "expected " + reason + " for " + new String(value, UTF_8));
        assertEquals(reason, e.reason(), () -> "reason of: " + e.getMessage());
        assertTrue(e.getMessage().contains(messagePart),
                () -> "message '" + e.getMessage() + "' should contain '" + messagePart + "'");
        return e;
    }

    static BadRecordException assertBad(RecordFormat format, String value, Reason reason, String messagePart) {
        return assertBad(format, bytes(value), reason, messagePart);
    }

    /** Asserts that a record of {@code before}, two bytes that are not UTF-8 and {@code after} is {@link Reason#INVALID_UTF8}. */
    static void assertInvalidUtf8Rejected(RecordFormat format, String before, String after, String messagePart) {
        assertBad(format, concat(bytes(before), INVALID_UTF8, bytes(after)), Reason.INVALID_UTF8, messagePart);
    }

    /** Asserts that {@code split} refuses a whole file, with {@code message}. */
    static void assertFileRefused(RecordFormat format, String file, String fileName, String message) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(bytes(file)), fileName));
        assertEquals(message, e.getMessage());
    }

    /** Bytes that change what a JSON or CSV document means, or break its UTF-8. */
    private static final byte[] TELLING_BYTES = bytes("{}[]\":,\\\n\r0-9.aentrfluxTE@#/ ");

    private static final int TRUNCATIONS = 24;
    private static final int FLIPS = 48;

    /**
     * Parses truncations and byte flips of each record, and fails on any outcome other than a result
     * or a {@link BadRecordException}: a parser must never throw anything else, whatever the bytes.
     * Each record is cut at {@value #TRUNCATIONS} evenly spaced points and at its last two bytes,
     * and gets {@value #FLIPS} single-byte changes (a flipped bit, a structural character, an
     * invalid UTF-8 byte) at random positions drawn from {@code seed}.
     */
    static void assertOnlyBadRecordExceptions(RecordFormat format, List<byte[]> records, ParseContext context, long seed) {
        Random random = new Random(seed);
        for (int r = 0; r < records.size(); r++) {
            byte[] record = records.get(r);
            for (int i = 1; i <= TRUNCATIONS + 2; i++) {
                int length = i <= TRUNCATIONS
                        ? (int) ((long) record.length * i / (TRUNCATIONS + 1))
                        : record.length - (i - TRUNCATIONS);
                if (length >= 0) {
                    assertParsesOrRejects(format, Arrays.copyOf(record, length), context,
                            "record " + r + " cut to " + length + " bytes");
                }
            }
            for (int i = 0; i < FLIPS && record.length > 0; i++) {
                byte[] changed = record.clone();
                int at = random.nextInt(record.length);
                changed[at] = switch (random.nextInt(3)) {
                    case 0 -> (byte) (changed[at] ^ (1 << random.nextInt(8)));
                    case 1 -> TELLING_BYTES[random.nextInt(TELLING_BYTES.length)];
                    default -> (byte) (0x80 + random.nextInt(0x80));
                };
                assertParsesOrRejects(format, changed, context, "record " + r + " with byte " + at + " changed to "
                        + (changed[at] & 0xFF));
            }
        }
    }

    private static void assertParsesOrRejects(RecordFormat format, byte[] value, ParseContext context, String what) {
        try {
            format.parse(value, context);
        } catch (BadRecordException e) {
            // A rejected record is the expected outcome for most garbage.
        } catch (RuntimeException | StackOverflowError e) {
            fail(format.name() + " threw " + e + " for " + what + ": " + new String(value, UTF_8), e);
        }
    }
}
