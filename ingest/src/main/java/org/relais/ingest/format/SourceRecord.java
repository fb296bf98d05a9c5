package org.relais.ingest.format;

/**
 * One record cut from an input file, ready to publish.
 *
 * @param key the Kafka key ({@code platform:postId} where the record is about one post, so that
 *     everything about a post lands in one partition, in order), or {@code null}
 * @param value the record's bytes as they stand in the file
 * @param line the 1-based line where the record starts, for messages
 */
public record SourceRecord(byte[] key, byte[] value, long line) {
}
