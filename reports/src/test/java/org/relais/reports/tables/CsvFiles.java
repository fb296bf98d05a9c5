package org.relais.reports.tables;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads report CSV files back with Commons CSV, and checks how their cells are written. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** A file read back: its header and its rows. */
    public record Table(List<String> header, List<List<String>> rows) {

        public List<String> column(String name) {
            int i = header.indexOf(name);
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }

    public static Table read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
            return new Table(List.copyOf(parser.getHeaderNames()), rows);
        }
    }

    /** Rows written as {@code a|b|c} lines, for expected values that read like the file. */
    public static List<List<String>> rows(String lines) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(List.of(line.split("\\|", -1)));
            }
        }
        return rows;
    }

    /**
     * Every cell of {@code textColumns} that a spreadsheet would run as a formula starts with the
     * neutralising quote; every cell of {@code numberColumns} is empty or a plain number.
     */
    public static void assertNeutralised(Table table, Collection<String> textColumns,
            Collection<String> numberColumns) {
        for (String c : textColumns) {
            for (String cell : table.column(c)) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0,
                        "column " + c + " holds a cell a spreadsheet would run: " + cell);
            }
        }
        for (String c : numberColumns) {
            for (String cell : table.column(c)) {
                if (!cell.isEmpty()) {
                    assertDoesNotThrow(() -> new BigDecimal(cell), "column " + c + " holds a non-number: " + cell);
                    assertFalse(cell.contains("E") || cell.contains("e"), "column " + c + " uses an exponent: " + cell);
                }
            }
        }
    }

    /** Double.toString without exponent and trailing zeros: how the reports write numbers. */
    public static String n(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
