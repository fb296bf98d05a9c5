package org.relais.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Cuts a byte stream into records at line ends, without decoding it, so that bytes that are not
 * valid UTF-8 reach the parser (and quarantine) exactly as they were in the file.
 *
 * <p>Rules shared by every line-based format: a record ends at {@code '\n'}; one trailing
 * {@code '\r'} is dropped (CRLF files); blank records (only spaces and tabs) are skipped; a UTF-8
 * byte-order mark at the start of the stream is dropped (spreadsheets write one, and it would
 * otherwise stick to the first JSON document or the first CSV column name); the last record needs
 * no line end. A lone {@code '\r'} is not a line end.
 *
 * <p>In CSV mode a {@code '\n'} inside a quoted field ({@link CsvQuotes}, as Commons CSV's
 * {@code RFC4180} format reads quotes) does not end the record, so that both agree on where
 * records end.
 *
 * <p>A record is kept in memory up to a limit (the largest record the broker will take). A longer
 * one is not: the framer counts its bytes up to its end and returns it {@linkplain Frame#oversized()
 * oversized}, with its first line and size but without its bytes. Past the limit, a quote no
 * longer holds a record open: the record ends at the first line end past the limit. So a quote that is never
 * closed costs the lines up to the limit, reported as one oversized record, and framing resumes
 * after it, instead of the rest of the file becoming one record held in memory.
 */
final class LineFramer {

    /**
     * One record: its bytes without the line end, the 1-based line where it starts, and its size
     * (more than {@code bytes.length} when it was too long to keep, and {@code bytes} is empty).
     * {@code openQuote}: in CSV mode, the stream ended inside a quoted field, so the record runs
     * from its line to the end of the file.
     */
    record Frame(byte[] bytes, long line, long size, boolean openQuote) {

        boolean oversized() {
            return size > bytes.length;
        }
    }

    /** Turns a frame into the record to publish, or {@code null} to skip it. */
    @FunctionalInterface
    interface FrameMapper {
        SourceRecord map(Frame frame);
    }

    private static final int CHUNK_SIZE = 1 << 16;

    private final InputStream in;
    private final boolean csvQuotes;
    private int maxRecordBytes;
    private final byte[] chunk = new byte[CHUNK_SIZE];
    private int chunkPos;
    private int chunkEnd;
    private byte[] record = new byte[1024];
    private int recordLength;
    /** The size of the record being read, when it has outgrown {@link #maxRecordBytes}; else -1. */
    private long oversizedLength = -1;
    /** The line number of the next byte to read. */
    private long line = 1;
    /** Whether the last record read ended with the stream, inside a quoted CSV field. */
    private boolean endedInQuotes;

    /**
     * @param in the stream; the caller closes it
     * @param csvQuotes whether {@code '\n'} inside a quoted CSV field belongs to the record
     * @param maxRecordBytes records longer than this (line end excluded) come out oversized
     */
    LineFramer(InputStream in, boolean csvQuotes, int maxRecordBytes) throws IOException {
        this.in = BOMInputStream.builder().setInputStream(in).get();
        this.csvQuotes = csvQuotes;
        limit(maxRecordBytes);
    }

    /** Changes the limit for the records still to come (CSV rows share it with their header). */
    void limit(int maxRecordBytes) {
        if (maxRecordBytes < 0) {
            throw new IllegalArgumentException("maxRecordBytes < 0: " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The next non-blank record, or {@code null} at the end of the stream. */
    Frame next() throws IOException {
        while (true) {
            long start = line;
            if (!readRecord()) {
                return null;
            }
            if (oversizedLength >= 0) {
                return new Frame(new byte[0], start, oversizedLength, false);
            }
            if (recordLength > 0 && record[recordLength - 1] == '\r') {
                recordLength--;
            }
            if (!isBlank()) {
                return new Frame(Arrays.copyOf(record, recordLength), start, recordLength, endedInQuotes);
            }
        }
    }

    /** The remaining records, mapped; the iterator throws {@link UncheckedIOException} on read errors. */
    Iterator<SourceRecord> records(FrameMapper mapper) {
        return new RecordIterator(() -> {
            for (Frame frame = next(); frame != null; frame = next()) {
                SourceRecord record = mapper.map(frame);
                if (record != null) {
                    return record;
                }
            }
            return null;
        });
    }

    /**
     * Reads up to and including the next record end into {@link #record}, without the line end.
     * Returns false when the stream was already exhausted.
     */
    private boolean readRecord() throws IOException {
        recordLength = 0;
        oversizedLength = -1;
        endedInQuotes = false;
        boolean readAnything = false;
        CsvQuotes quotes = new CsvQuotes();
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                endedInQuotes = quotes.inQuotes();
                return readAnything;
            }
            readAnything = true;
            int segmentStart = chunkPos;
            while (chunkPos < chunkEnd) {
                byte b = chunk[chunkPos++];
                if (b == '\n') {
                    line++;
                    if (!quotes.inQuotes() || oversizedLength >= 0
                            || recordLength + (chunkPos - 1 - segmentStart) > maxRecordBytes + 1) {
                        append(segmentStart, chunkPos - 1);
                        return true;
                    }
                } else if (csvQuotes) {
                    quotes.accept(b);
                }
            }
            append(segmentStart, chunkEnd);
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(chunk);
        } while (n == 0);
        chunkPos = 0;
        chunkEnd = Math.max(n, 0);
        return n > 0;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (oversizedLength >= 0) {
            oversizedLength += n;
            return;
        }
        if (recordLength + n > maxRecordBytes + 1) {
            // One byte of slack: a CRLF record's '\r' is not part of the record.
            oversizedLength = (long) recordLength + n;
            return;
        }
        if (recordLength + n > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + n));
        }
        System.arraycopy(chunk, from, record, recordLength, n);
        recordLength += n;
    }

    private boolean isBlank() {
        for (int i = 0; i < recordLength; i++) {
            if (record[i] != ' ' && record[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
