package org.relais.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/** A format whose files are JSON lines ({@link JsonLines}), each line keyed by {@link #key}. */
abstract class JsonLinesFormat extends NamedFormat {

    JsonLinesFormat(String name, String description) {
        super(name, description);
    }

    @Override
    public Iterator<SourceRecord> split(InputStream in, String fileName, int maxRecordBytes) throws IOException {
        return JsonLines.split(in, this::key, maxRecordBytes);
    }

    /**
     * The Kafka key of a record, from its bytes as in the file (which may be neither JSON nor UTF-8),
     * or null. Must not fail: a record whose key cannot be read is published without one, and
     * parsing says what is wrong with it.
     */
    abstract String key(byte[] record);

    /** {@code platform:<value of field>}, the field read from the top level of the record; or null. */
    static String platformKey(String platform, byte[] record, String field) {
        return platformKey(platform, Json.peek(record, Set.of(field)).get(field));
    }
}
