package org.relais.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a report table as CSV the way every report of Relais is written: RFC 4180 (comma,
 * double quotes, CRLF), UTF-8 without a byte-order mark, a header row, numbers unrounded with
 * {@code .} as decimal separator and no exponent, and text cells neutralised against formula
 * injection (see {@link #safeText}).
 */
public final class CsvTable {

    /** How a column's values are written. */
    public enum Kind {
        /** Free text from the data (handles, names, hashtags): neutralised. */
        TEXT,
        /** Numbers: written in full, never altered. */
        NUMBER,
        /** Identifiers and codes Relais itself produces (actor ids, dates): written as is. */
        CODE
    }

    /** A column: header name and kind. */
    public record Column(String name, Kind kind) {
    }

    private final List<Column> columns;

    public CsvTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /** Writes the header and every row; each row holds one value per column, in order. */
    public void write(Path file, Iterator<? extends List<?>> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = CSVFormat.RFC4180.builder()
                        .setHeader(header().toArray(String[]::new)).get().print(out)) {
            List<String> cells = new ArrayList<>(columns.size());
            while (rows.hasNext()) {
                List<?> row = rows.next();
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of " + file.getFileName() + " has " + row.size()
                            + " values for " + columns.size() + " columns");
                }
                cells.clear();
                for (int i = 0; i < columns.size(); i++) {
                    cells.add(format(row.get(i), columns.get(i).kind()));
                }
                printer.printRecord(cells);
            }
        }
    }

    static String format(Object value, Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case NUMBER -> number(value);
            case TEXT -> safeText(value.toString());
            case CODE -> value.toString();
        };
    }

    /** Full precision, plain notation: {@code 0.000123}, never {@code 1.23E-4}. */
    static String number(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return number((double) f);
        }
        return value.toString();
    }

    /**
     * A text cell that spreadsheets will not run as a formula: following OWASP's CSV-injection
     * guidance, a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
     * carriage return / line feed gets a leading single quote. Only text columns are treated;
     * numbers are never altered.
     */
    public static String safeText(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
        return risky ? "'" + s : s;
    }
}
