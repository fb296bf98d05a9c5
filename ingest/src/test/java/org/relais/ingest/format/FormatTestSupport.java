package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
}
