package org.relais.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.relais.ingest.model.ParsedRecord;

/**
 * An input format: how a file of that format is cut into Kafka records ({@link #split}), and how
 * one such record is parsed into canonical entities ({@link #parse}).
 *
 * <p>Splitting happens in {@code bin/relais produce} and does as little as possible: it keeps each
 * record's bytes as they are in the file, so that a record the parser later rejects can be kept in
 * quarantine exactly as it arrived. Parsing happens in the ingest job, on the Spark executors.
 * Implementations are stateless and thread-safe.
 */
public interface RecordFormat {

    /** The name given to {@code produce --format} and carried in each record's format header. */
    String name();

    /** One line for the list of known formats. */
    String description();

    /**
     * Cuts a file into records. The iterator may throw {@link java.io.UncheckedIOException} on a
     * read error.
     *
     * <p>A record longer than {@code maxRecordBytes} is not held in memory: it comes out as a
     * {@linkplain SourceRecord#oversized() oversized} record that gives its line and size, for the
     * caller to reject with a message, and splitting goes on after it. So a line without its end
     * or a CSV quote that is never closed costs one rejected record, not the memory of the whole
     * rest of the file.
     *
     * @throws BadInputException when the file as a whole cannot be used (a CSV file without the
     *     required header columns, say); the message names the file and the problem
     */
    Iterator<SourceRecord> split(InputStream in, String fileName, int maxRecordBytes)
            throws IOException, BadInputException;

    /** {@link #split(InputStream, String, int)} with no limit below what a Java array holds. */
    default Iterator<SourceRecord> split(InputStream in, String fileName) throws IOException, BadInputException {
        return split(in, fileName, SourceRecord.NO_LIMIT);
    }

    /**
     * Parses one record.
     *
     * @throws BadRecordException when the record cannot be used; it then goes to quarantine with
     *     the exception's reason
     */
    ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException;
}
