package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV data row with its header, as the CSV formats publish it: a small CSV document of the
 * header line and one row (see {@link CsvFiles}). Columns are found by name, ignoring case and
 * surrounding spaces; values are trimmed, and an empty value means "not given", as in
 * {@link JsonObject}.
 */
final class CsvRow {

    /** RFC 4180 as Commons CSV reads it: {@code ""} escapes, quoted line breaks, strict about stray quotes. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final String[] header;
    private final String[] values;

    private CsvRow(String[] header, String[] values) {
        this.header = header;
        this.values = values;
    }

    /**
     * Parses a record value: a header line and exactly one data row with as many fields.
     *
     * @throws BadRecordException {@link Reason#INVALID_UTF8}, or {@link Reason#MALFORMED_CSV} when
     *     the text is not CSV or the row does not fit its header
     */
    static CsvRow parse(byte[] value) throws BadRecordException {
        List<String[]> records = records(Utf8.decode(value, "record"));
        if (records.size() != 2) {
            throw new BadRecordException(Reason.MALFORMED_CSV, "record must hold a header line and one row, but holds "
                    + records.size() + " line(s)");
        }
        String[] header = records.get(0);
        String[] row = records.get(1);
        if (row.length != header.length) {
            throw new BadRecordException(Reason.MALFORMED_CSV, "row has " + row.length
                    + " field(s), but the header has " + header.length + " (" + String.join(",", header) + ")");
        }
        return new CsvRow(header, row);
    }

    /** A row whose fields were already split (at publish time); never fails. */
    static CsvRow of(String[] header, String[] values) {
        return new CsvRow(header, values);
    }

    /**
     * Splits CSV text into records of fields.
     *
     * @throws BadRecordException {@link Reason#MALFORMED_CSV} with Commons CSV's reason
     */
    static List<String[]> records(String text) throws BadRecordException {
        List<String[]> result = new ArrayList<>(2);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                result.add(record.values());
            }
        } catch (IOException | UncheckedIOException e) {
            // Commons CSV reports a stray or unterminated quote as an IOException, wrapped when it
            // surfaces from the iterator.
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new BadRecordException(Reason.MALFORMED_CSV, "record is not valid CSV: " + cause.getMessage());
        }
        return result;
    }

    /** The fields of one line of a file, decoded leniently: for header names and keys at publish time. */
    static String[] fieldsLenient(byte[] line) throws BadRecordException {
        List<String[]> records = records(new String(line, UTF_8));
        return records.isEmpty() ? new String[0] : records.get(0);
    }

    /** The column's index in {@code header}, or -1. */
    static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The trimmed value, or {@code null} when the column is absent or the value empty. */
    String optional(String column) {
        int i = indexOf(header, column);
        if (i < 0 || i >= values.length) {
            return null;
        }
        return Values.emptyToNull(values[i].strip());
    }

    /**
     * The trimmed value.
     *
     * @throws BadRecordException {@link Reason#MISSING_FIELD} when the column is absent or the value empty
     */
    String required(String column) throws BadRecordException {
        String value = optional(column);
        if (value == null) {
            throw new BadRecordException(Reason.MISSING_FIELD, indexOf(header, column) < 0
                    ? "column " + column + " is missing from the header"
                    : column + " is empty");
        }
        return value;
    }

    /** An ISO-8601 time (see {@link Timestamps#parseIso}), or {@code null}; the range check is the caller's. */
    Instant time(String column) throws BadRecordException {
        String value = optional(column);
        return value == null ? null : Timestamps.parseIso(value, column);
    }

    /** Whether every field is empty: the rows of commas spreadsheets leave at the end of a sheet. */
    boolean isEmpty() {
        for (String value : values) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
