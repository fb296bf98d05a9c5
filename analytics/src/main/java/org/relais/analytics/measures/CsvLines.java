package org.relais.analytics.measures;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Line numbers of CSV records, for messages that send the reader to the right line of a file.
 * Commons CSV counts records, not lines: blank lines, comments and line breaks inside quoted
 * values make the two differ.
 */
public final class CsvLines {

    private CsvLines() {
    }

    /**
     * The line {@code record} starts on, 1 for the first, from the line the parser has reached
     * (the record's last) and the line breaks inside its values.
     *
     * @param parser the parser that has just returned {@code record}
     */
    public static long startLine(CSVParser parser, CSVRecord record) {
        long breaks = 0;
        for (String v : record) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n')) {
                    breaks++;
                }
            }
        }
        return parser.getCurrentLineNumber() - breaks;
    }
}
