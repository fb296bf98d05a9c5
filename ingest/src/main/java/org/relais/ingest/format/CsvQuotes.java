package org.relais.ingest.format;

/**
 * Whether a CSV reader is inside a quoted field, byte by byte, as Commons CSV's {@code RFC4180}
 * format reads quotes: a field is quoted when it starts with {@code '"'}, and inside it {@code ""}
 * is an escaped quote; a quote anywhere else is an ordinary character. Line ends are the caller's:
 * they are not given to {@link #accept}.
 */
final class CsvQuotes {

    private boolean fieldStart = true;
    private boolean quotedField;
    private boolean inQuotes;

    /** Takes the next byte of the record, other than a line end. */
    void accept(byte b) {
        if (b == '"') {
            if (fieldStart) {
                quotedField = true;
                inQuotes = true;
            } else if (quotedField) {
                // Closing quote, or the first half of an escaped "" (the second reopens).
                inQuotes = !inQuotes;
            }
            fieldStart = false;
        } else if (b == ',' && !inQuotes) {
            fieldStart = true;
            quotedField = false;
        } else {
            fieldStart = false;
        }
    }

    /** Whether the bytes taken so far end inside a quoted field. */
    boolean inQuotes() {
        return inQuotes;
    }
}
