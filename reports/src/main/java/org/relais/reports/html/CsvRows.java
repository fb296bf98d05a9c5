package org.relais.reports.html;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a report CSV row by row, by column name. Reading is lenient on content, because the page
 * must still come out when another job left a column empty or is older than this one: a missing
 * column or an empty cell reads as {@code ""} (text) or {@code NaN} (number). The file itself must
 * be well-formed RFC 4180.
 */
final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .get();

    private CsvRows() {
    }

    /** One row: cells by column name. */
    static final class Row {
        private final CSVRecord record;

        private Row(CSVRecord record) {
            this.record = record;
        }

        /** The cell as written in the file (neutralised text keeps its leading {@code '}); "" when absent. */
        String text(String column) {
            return record.isSet(column) ? record.get(column) : "";
        }

        /** The cell as a number; {@code NaN} when absent, empty or not a number. */
        double number(String column) {
            String t = text(column).trim();
            if (t.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /** Calls {@code action} on every row in file order, holding one row at a time. */
    static void forEach(Path file, Consumer<Row> action) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord record : parser) {
                action.accept(new Row(record));
            }
        }
    }

    /** Every row; for the small tables (communities, top influencers). */
    static List<Row> readAll(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        forEach(file, rows::add);
        return rows;
    }
}
