package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Splitting for formats whose files are either JSON lines or JSON arrays of records, as an API's
 * response bodies are ({@code [{…},{…}]}, one or more arrays, pretty-printed or not).
 *
 * <p>A file whose first byte other than white space (after a UTF-8 byte-order mark) is {@code [}
 * is read as a sequence of JSON values: each element of a top-level array, and each top-level
 * value that is not an array, is one record, whose bytes are exactly those of the element in the
 * file. Any other file is JSON lines, split by {@link JsonLines}.
 *
 * <p>Like {@link LineFramer}, this never decodes: the JSON structure is read through an
 * ISO-8859-1 view of the bytes, in which every byte is one character (so character offsets are byte
 * offsets) and UTF-8's multi-byte sequences, all above 0x7F, can never be taken for JSON's
 * punctuation. Bytes that are not UTF-8 thus reach the parser, and quarantine, as they were. When
 * the file stops being JSON (a cut-off download, a stray byte), the rest of the file from the
 * element that broke becomes one last record, which the parser then quarantines: splitting never
 * stops on bad data, and what was after the break is kept rather than dropped.
 *
 * <p>An element longer than the record limit is not held in memory: as the structure cannot be
 * followed without reading it, it and the rest of the file come out as one oversized record (line
 * and size only), which the producer rejects with a message.
 */
final class JsonArrays {

    /** How far ahead the first byte is looked for; a file starting with more white space is JSON lines. */
    private static final int SNIFF_LIMIT = 1 << 16;

    private JsonArrays() {
    }

    /**
     * @param key the Kafka key of a record, from its bytes (which may not be JSON or UTF-8: it must
     *     not fail, but return null)
     */
    static Iterator<SourceRecord> splitArraysOrLines(InputStream in, Function<byte[], String> key, int maxRecordBytes)
            throws IOException {
        InputStream buffered = new BufferedInputStream(BOMInputStream.builder().setInputStream(in).get(), SNIFF_LIMIT);
        if (firstNonBlankByte(buffered) != '[') {
            return JsonLines.split(buffered, key, maxRecordBytes);
        }
        return new RecordIterator(new ArraySplitter(new RecordingInputStream(buffered, maxRecordBytes), key));
    }

    private static int firstNonBlankByte(InputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        try {
            for (int i = 0; i < SNIFF_LIMIT; i++) {
                int b = in.read();
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /** The records of a stream of JSON values, top-level arrays opened. */
    private static final class ArraySplitter implements RecordIterator.Reader {
        private final RecordingInputStream recording;
        private final JsonParser parser;
        private final Function<byte[], String> key;
        private boolean inArray;
        private boolean done;

        ArraySplitter(RecordingInputStream recording, Function<byte[], String> key) throws IOException {
            this.recording = recording;
            this.parser = Json.MAPPER.getFactory().createParser(new InputStreamReader(recording, ISO_8859_1));
            this.key = key;
        }

        @Override
        public SourceRecord next() throws IOException {
            SourceRecord record = null;
            while (record == null && !done) {
                record = read();
            }
            return record;
        }

        /** The next record, or null when a token was consumed without giving one (or at the end). */
        private SourceRecord read() throws IOException {
            long start = -1;
            long line = 0;
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    done = true;
                    return null;
                }
                if (!inArray && token == JsonToken.START_ARRAY) {
                    inArray = true;
                    return null;
                }
                if (inArray && token == JsonToken.END_ARRAY) {
                    inArray = false;
                    recording.discardBefore(parser.currentTokenLocation().getCharOffset() + 1);
                    return null;
                }
                start = parser.currentTokenLocation().getCharOffset();
                line = parser.currentTokenLocation().getLineNr();
                long end;
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    end = parser.currentTokenLocation().getCharOffset() + 1;
                } else {
                    parser.finishToken();
                    end = parser.currentLocation().getCharOffset();
                }
                byte[] value = recording.slice(start, end);
                recording.discardBefore(end);
                return record(value, line);
            } catch (RecordTooLargeException e) {
                done = true;
                long from = start >= 0 ? start : recording.start();
                return SourceRecord.tooLarge(Math.max(line, 1), recording.restSize(from));
            } catch (JsonProcessingException e) {
                done = true;
                long restStart = start >= 0 ? start : recording.start();
                long restLine = line > 0 ? line : Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr());
                byte[] rest;
                try {
                    rest = recording.rest(restStart);
                } catch (RecordTooLargeException tooLarge) {
                    return SourceRecord.tooLarge(restLine, recording.restSize(restStart));
                }
                int from = 0;
                while (from < rest.length && (rest[from] == ',' || rest[from] <= ' ')) {
                    from++;
                }
                if (from == rest.length) {
                    return null;
                }
                return record(Arrays.copyOfRange(rest, from, rest.length), restLine);
            }
        }

        private SourceRecord record(byte[] value, long line) {
            String recordKey = key.apply(value);
            return new SourceRecord(recordKey == null ? null : recordKey.getBytes(UTF_8), value, line);
        }
    }

    /**
     * An input stream that keeps the bytes read through it from {@link #start()} on, so that the
     * bytes of a record can be cut out by offset after the parser has read past them.
     */
    private static final class RecordingInputStream extends InputStream {
        /** Room for the parser's read-ahead beyond the record being read. */
        private static final int READ_AHEAD = 1 << 16;

        private final InputStream in;
        private final long maxKept;
        private byte[] kept = new byte[1 << 16];
        /** The offset in the stream of {@code kept[0]}. */
        private long keptStart;
        private int keptLength;
        /** Bytes read past the limit and not kept. */
        private long dropped;

        RecordingInputStream(InputStream in, int maxRecordBytes) {
            this.in = in;
            this.maxKept = (long) maxRecordBytes + READ_AHEAD;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }

        long start() {
            return keptStart;
        }

        byte[] slice(long from, long to) {
            return Arrays.copyOfRange(kept, (int) (from - keptStart), (int) (to - keptStart));
        }

        /** Forgets the bytes before {@code offset}: they belong to records already published. */
        void discardBefore(long offset) {
            int drop = (int) Math.min(offset - keptStart, keptLength);
            if (drop > 0) {
                System.arraycopy(kept, drop, kept, 0, keptLength - drop);
                keptLength -= drop;
                keptStart += drop;
            }
        }

        /** Everything from {@code from} to the end of the stream, reading what is left. */
        byte[] rest(long from) throws IOException {
            byte[] chunk = new byte[1 << 16];
            while (read(chunk, 0, chunk.length) >= 0) {
                // read() keeps the bytes.
            }
            return slice(Math.max(from, keptStart), keptStart + keptLength);
        }

        /**
         * The size of everything from {@code from} to the end of the stream, reading what is left
         * without keeping it.
         */
        long restSize(long from) throws IOException {
            byte[] chunk = new byte[1 << 16];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                dropped += n;
            }
            return keptStart + keptLength + dropped - Math.max(from, keptStart);
        }

        private void keep(byte[] b, int off, int n) throws RecordTooLargeException {
            if (keptLength + n > maxKept) {
                dropped += n;
                throw new RecordTooLargeException();
            }
            if (keptLength + n > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + n));
            }
            System.arraycopy(b, off, kept, keptLength, n);
            keptLength += n;
        }
    }

    /** The record being read is longer than the limit. */
    private static final class RecordTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLargeException() {
            super("record too large", null);
        }
    }
}
