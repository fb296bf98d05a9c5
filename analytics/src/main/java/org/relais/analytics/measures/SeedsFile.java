package org.relais.analytics.measures;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The seed actors of personalised PageRank, read from a file ({@code relais.pagerank.seeds-file},
 * {@code relais rank --seeds}): either one id per line, or a CSV file (RFC 4180, quotes allowed)
 * whose header row names an {@code actor_id} or, failing that, an {@code id} column; other columns
 * are ignored, so a rankings file can serve as a seeds file. Lines starting with {@code #} (after
 * any spaces) are comments, before the header as anywhere else, and blank lines are skipped; an id
 * that starts with {@code #} is quoted ({@code "#news"}), as rankings files write it. The
 * header is the first row that is neither; a file without one must have a single value per row.
 * Every problem is reported with the file and the line.
 */
public final class SeedsFile {

    /** The header names of the id column, in order of preference. */
    public static final List<String> ID_COLUMNS = List.of("actor_id", "id");

    private final Path file;
    private final List<String> ids;

    private SeedsFile(Path file, List<String> ids) {
        this.file = file;
        this.ids = List.copyOf(ids);
    }

    /**
     * Reads the seed ids of {@code file}, in file order, each once.
     *
     * @throws CsvLines.UnreadableFileException when the file cannot be read
     * @throws IOException when the file is not UTF-8 or not valid CSV, holds no id,
     *     or has a row without an id or (without a header) with several values; the message names
     *     the file and, where there is one, the line
     */
    public static SeedsFile read(Path file) throws IOException {
        String text = CsvLines.text(file);
        // A comment is told by its line as written: "#news" quoted is an id (a rankings file
        // quotes ids starting with #), # news is a comment, also after spaces.
        String[] lines = text.split("\r\n|\r|\n", -1); // the line ends Commons CSV counts
        Set<String> ids = new LinkedHashSet<>();
        int column = -1;
        String columnName = null;
        boolean started = false;
        try (Reader in = new StringReader(text);
                CSVParser parser = CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            for (CSVRecord r : parser) {
                long line = CsvLines.startLine(parser, r);
                // As given, but for spaces around an unquoted value.
                List<String> values = r.toList();
                if (values.stream().allMatch(String::isEmpty) || lines[(int) line - 1].strip().startsWith("#")) {
                    continue;
                }
                if (!started) {
                    started = true;
                    column = idColumn(values);
                    if (column >= 0) {
                        columnName = values.get(column);
                        continue;
                    }
                }
                ids.add(id(file, line, values, column, columnName));
            }
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": not valid CSV (" + e.getCause().getMessage() + ")", e);
        }
        if (ids.isEmpty()) {
            throw new IOException(file + ": no seed id in it (only a header, comments or blank lines)");
        }
        return new SeedsFile(file, new ArrayList<>(ids));
    }

    /** The file the seeds were read from. */
    public Path file() {
        return file;
    }

    /** The seed ids, in file order, each once. */
    public List<String> ids() {
        return ids;
    }

    /** The vertices, ascending, whose id ({@code vertexIds[v]}) is a seed; empty when none is. */
    public int[] verticesIn(String[] vertexIds) {
        Set<String> seeds = new HashSet<>(ids);
        return java.util.stream.IntStream.range(0, vertexIds.length).filter(v -> seeds.contains(vertexIds[v]))
                .toArray();
    }

    /** The column of the first of {@link #ID_COLUMNS} that {@code header} names, or -1 when it is no header. */
    private static int idColumn(List<String> header) {
        for (String name : ID_COLUMNS) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String id(Path file, long line, List<String> values, int column, String columnName)
            throws IOException {
        if (column < 0) {
            if (values.size() > 1) {
                throw new IOException(file + " line " + line + ": " + values.size() + " values, but without a header"
                        + " row naming " + String.join(" or ", ID_COLUMNS) + " a seeds file has one id per line");
            }
            return values.get(0);
        }
        if (column >= values.size() || values.get(column).isEmpty()) {
            throw new IOException(file + " line " + line + ": " + columnName + " is empty");
        }
        return values.get(column);
    }
}
