package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Splitting shared by the JSON-lines formats: one JSON document per line, framed by
 * {@link LineFramer} (so CRLF, blank lines and a byte-order mark are handled there, and the bytes are
 * published undecoded).
 */
final class JsonLines {

    private JsonLines() {
    }

    /**
     * @param key the Kafka key of a line, or {@code null}; it sees the raw bytes, which may not be
     *     JSON or UTF-8, so it must not fail (return null instead)
     */
    static Iterator<SourceRecord> split(InputStream in, Function<byte[], String> key, int maxRecordBytes)
            throws IOException {
        return new LineFramer(in, false, maxRecordBytes).records(line -> {
            if (line.oversized()) {
                return SourceRecord.tooLarge(line.line(), line.size());
            }
            String lineKey = key.apply(line.bytes());
            return new SourceRecord(lineKey == null ? null : lineKey.getBytes(UTF_8), line.bytes(), line.line());
        });
    }
}
