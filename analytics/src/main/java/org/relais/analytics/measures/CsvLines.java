package org.relais.analytics.measures;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.relais.ingest.util.Causes;

/**
 * Reading the CSV files a user gives (edge and node lists, seeds), with messages that send the
 * reader to the right line: the text, checked to be UTF-8, and the line numbers of records.
 * Commons CSV counts records, not lines: blank lines, comments and line breaks inside quoted values
 * make the two differ.
 */
public final class CsvLines {

    private CsvLines() {
    }

    /** A file that could not be read at all (missing, a directory, not allowed), rather than used. */
    public static final class UnreadableFileException extends IOException {

        private static final long serialVersionUID = 1L;

        UnreadableFileException(String message) {
            super(message);
        }
    }

    /**
     * The text of {@code file}, decoded as UTF-8, without a byte-order mark.
     *
     * @throws UnreadableFileException when the file cannot be read: "cannot read FILE: why"
     * @throws IOException when it is not UTF-8: "FILE line N: not UTF-8 text (byte 0xE9 ...)"
     */
    public static String text(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UnreadableFileException("cannot read " + file + ": it is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read " + Causes.message(e));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // The decoder stops at the first bad byte.
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                // CR, LF and CRLF each end a line, as Commons CSV counts them.
                if (bytes[i] == '\r' || bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                    line++;
                }
            }
            throw new IOException(String.format(Locale.ROOT, "%s line %d: not UTF-8 text (byte 0x%02X; save the file"
                    + " as UTF-8)", file, line, bytes[Math.min(at, bytes.length - 1)] & 0xFF), e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
