package org.relais.ingest.format;

/**
 * One record cut from an input file, ready to publish.
 *
 * @param key the Kafka key ({@code platform:postId} where the record is about one post, so that
 *     everything about a post lands in one partition, in order), or {@code null}
 * @param value the record's bytes as they stand in the file; empty for a record that was larger
 *     than the splitter keeps ({@link #oversized()})
 * @param line the 1-based line where the record starts, for messages
 * @param size the record's size in bytes: {@code value.length}, or more for an oversized record
 * @param openQuote a CSV row whose quoted field is never closed: it runs to the end of the file,
 *     swallowing the rows after it, and is not to be published
 */
public record SourceRecord(byte[] key, byte[] value, long line, long size, boolean openQuote) {

    /** The largest record a splitter can keep: about the largest Java array. */
    public static final int NO_LIMIT = Integer.MAX_VALUE - 16;

    public SourceRecord(byte[] key, byte[] value, long line) {
        this(key, value, line, value.length, false);
    }

    /** A record that was too large to keep: only its place and its size are known. */
    static SourceRecord tooLarge(long line, long size) {
        return new SourceRecord(null, new byte[0], line, size, false);
    }

    /** A CSV row whose quoted field runs to the end of the file. */
    static SourceRecord openQuote(long line, long size) {
        return new SourceRecord(null, new byte[0], line, size, true);
    }

    /** Whether the record was larger than the splitter keeps; its value is then empty. */
    public boolean oversized() {
        return size > value.length;
    }
}
