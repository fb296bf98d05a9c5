package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Splitting shared by the CSV formats. A file is RFC 4180 CSV in UTF-8 with a header row; each
 * data row becomes one record whose value is the header line, {@code '\n'}, and the row's bytes as
 * they are in the file. The record is thus a CSV document of its own, parsed with the same reader
 * as the file, and quoted commas and line breaks survive, as do bytes that are not UTF-8 (they are
 * quarantined at parse time, not repaired). Framing is {@link LineFramer}'s in CSV mode: CRLF,
 * blank lines and a byte-order mark are handled there. Rows whose every field is empty are
 * skipped.
 */
final class CsvFiles {

    /** What to say of a file whose lines end with a carriage return alone. */
    private static final String OLD_MAC_LINE_ENDS = "old Mac line ends: convert them to \\n first, for example with"
            + " tr '\\r' '\\n'";

    private CsvFiles() {
    }

    /**
     * Reads the header and returns the data rows as records.
     *
     * @param required the columns the header must have (case-insensitive)
     * @param key the Kafka key of a row, or {@code null}; it sees the row as published (decoded
     *     leniently), so it must not fail
     * @throws BadInputException when the file is empty, its first line is binary (or gzip data),
     *     its header is not CSV, or it lacks a required column; the message names the file
     */
    static Iterator<SourceRecord> split(InputStream in, String fileName, List<String> required,
            Function<CsvRow, String> key, int maxRecordBytes) throws IOException, BadInputException {
        LineFramer framer = new LineFramer(in, true, maxRecordBytes);
        LineFramer.Frame headerLine = framer.next();
        if (headerLine == null) {
            throw new BadInputException(fileName + ": the file is empty, but must start with a header row with columns "
                    + Values.join(required));
        }
        if (headerLine.oversized()) {
            throw new BadInputException(fileName + ": the header row is " + headerLine.size()
                    + " bytes long, more than a record may be (" + maxRecordBytes + "); is a quote left open, or do its"
                    + " lines end with a carriage return alone (" + OLD_MAC_LINE_ENDS + ")?");
        }
        String notText = notText(headerLine.bytes());
        if (notText != null) {
            throw new BadInputException(fileName + ": " + notText + ", not a CSV header row; is this the file meant?");
        }
        if (hasLoneCarriageReturn(headerLine.bytes())) {
            // Commons CSV would end the header there and take the rest of the file for it.
            throw new BadInputException(fileName + ": its lines end with a carriage return alone, which Relais does"
                    + " not read as a line end (" + OLD_MAC_LINE_ENDS + ")");
        }
        String[] header;
        try {
            header = CsvRow.fieldsLenient(headerLine.bytes());
        } catch (BadRecordException e) {
            throw new BadInputException(fileName + ": line " + headerLine.line() + ": the header row is not valid CSV ("
                    + e.getMessage() + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (CsvRow.indexOf(header, column) < 0) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(fileName + ": the header row lacks the required column(s) " + Values.join(missing)
                    + "; it has " + Values.join(List.of(header)));
        }
        byte[] prefix = withNewline(headerLine.bytes());
        framer.limit(Math.max(0, maxRecordBytes - prefix.length));
        return framer.records(row -> {
            if (row.oversized()) {
                return SourceRecord.tooLarge(row.line(), prefix.length + row.size());
            }
            if (row.openQuote()) {
                return SourceRecord.openQuote(row.line(), row.size());
            }
            String rowKey = null;
            try {
                CsvRow fields = CsvRow.of(header, CsvRow.fieldsLenient(row.bytes()));
                if (fields.isEmpty()) {
                    return null;
                }
                rowKey = key.apply(fields);
            } catch (BadRecordException e) {
                // A row that is not CSV is still published, keyless, so that parsing quarantines it.
            }
            return new SourceRecord(rowKey == null ? null : rowKey.getBytes(UTF_8), concat(prefix, row.bytes()), row.line());
        });
    }

    private static byte[] withNewline(byte[] line) {
        byte[] result = new byte[line.length + 1];
        System.arraycopy(line, 0, result, 0, line.length);
        result[line.length] = '\n';
        return result;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /**
     * Whether {@code line} holds a {@code '\r'} that ends a line: outside quotes ({@link CsvQuotes},
     * as the framer reads them), and followed by more than carriage returns, which some writers
     * put twice before the {@code '\n'}.
     */
    private static boolean hasLoneCarriageReturn(byte[] line) {
        int end = line.length;
        while (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        CsvQuotes quotes = new CsvQuotes();
        for (int i = 0; i < end; i++) {
            if (line[i] == '\r' && !quotes.inQuotes()) {
                return true;
            }
            quotes.accept(line[i]);
        }
        return false;
    }

    /**
     * What makes a first line not text, or null: gzip's signature (a compressed file whose name does
     * not end in {@code .gz}), or control characters (binary data), which the message about the
     * header's columns would otherwise print to the terminal.
     */
    private static String notText(byte[] line) {
        if (line.length >= 2 && (line[0] & 0xff) == 0x1f && (line[1] & 0xff) == 0x8b) {
            return "the file starts with gzip's signature (name a compressed file .gz to have it read compressed)";
        }
        for (byte b : line) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7f) {
                return String.format(Locale.ROOT, "its first line holds binary data (the control character 0x%02x)", b);
            }
        }
        return null;
    }
}
