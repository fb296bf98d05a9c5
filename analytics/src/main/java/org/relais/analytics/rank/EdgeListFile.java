package org.relais.analytics.rank;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.measures.CsvLines;
import org.relais.ingest.util.Printable;

/**
 * A graph given as CSV files, for {@code relais rank}: an edge list {@code source,target[,weight]}
 * with a header row, and optionally a node list {@code id[,label]} that adds isolated nodes and
 * labels. Vertices are numbered in id order (Java string order), so results are reproducible.
 * Every problem names the file, the line and what is wrong.
 */
public final class EdgeListFile {

    /** The smallest weight a float holds at full precision (its smallest normal number). */
    public static final double MIN_WEIGHT = Float.MIN_NORMAL;
    /** The largest weight a float holds. */
    public static final double MAX_WEIGHT = Float.MAX_VALUE;
    /** A decimal number: digits, a point, an exponent; not Java's other forms ({@code 0x1p4}, {@code 2f}). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final String[] ids;
    private final String[] labels;
    private final CompactGraph graph;
    private final long edgeRecords;

    private EdgeListFile(String[] ids, String[] labels, CompactGraph graph, long edgeRecords) {
        this.ids = ids;
        this.labels = labels;
        this.graph = graph;
        this.edgeRecords = edgeRecords;
    }

    /**
     * A file that cannot be read, or cannot be used as an edge or node list; the message names the
     * file, the line and the problem.
     */
    public static final class BadFileException extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean unreadable;

        public BadFileException(String message) {
            this(message, false);
        }

        BadFileException(String message, boolean unreadable) {
            super(message);
            this.unreadable = unreadable;
        }

        /** Whether the file could not be read at all (missing, a directory, not allowed), rather than used. */
        public boolean unreadable() {
            return unreadable;
        }
    }

    /**
     * Reads the edges, and the nodes when {@code nodes} is not null. Values are as the file gives
     * them, but for spaces around an unquoted one (quote an id to keep them: {@code " a "}).
     *
     * @throws BadFileException on a missing column, a row with more values than the header (but
     *     empty ones), an empty id, a weight that is not a decimal number in a float's range (from
     *     {@value #MIN_WEIGHT} to {@value #MAX_WEIGHT}, also for the sum of a pair's rows), or bytes
     *     that are not UTF-8
     */
    public static EdgeListFile read(Path edges, Path nodes) throws BadFileException {
        Map<String, String> labelOf = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> idsInFileOrder = new ArrayList<>();
        if (nodes != null) {
            forEachRow(nodes, List.of("id"), List.of("label"), line -> {
                String id = line.required("id");
                vertex(id, index, idsInFileOrder);
                String label = line.optional("label");
                if (label != null && !label.isBlank()) {
                    labelOf.put(id, label);
                }
            });
        }
        Edges read = new Edges();
        forEachRow(edges, List.of("source", "target"), List.of("weight"), line -> {
            int s = vertex(line.required("source"), index, idsInFileOrder);
            int t = vertex(line.required("target"), index, idsInFileOrder);
            read.add(s, t, weight(line));
        });
        // Vertices in id order (Java string order), whatever the order of the files' rows.
        Integer[] byId = new Integer[idsInFileOrder.size()];
        for (int i = 0; i < byId.length; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, (a, b) -> idsInFileOrder.get(a).compareTo(idsInFileOrder.get(b)));
        String[] ids = new String[byId.length];
        int[] vertexOf = new int[byId.length];
        for (int v = 0; v < byId.length; v++) {
            ids[v] = idsInFileOrder.get(byId[v]);
            vertexOf[byId[v]] = v;
        }
        int m = read.count;
        for (int e = 0; e < m; e++) {
            read.src[e] = vertexOf[read.src[e]];
            read.dst[e] = vertexOf[read.dst[e]];
        }
        checkSums(edges, read, ids);
        String[] labels = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            labels[i] = labelOf.getOrDefault(ids[i], ids[i]);
        }
        CompactGraph graph = CompactGraph.builder(ids.length).build(read.src, read.dst, read.weight, m);
        return new EdgeListFile(ids, labels, graph, m);
    }

    private static int vertex(String id, Map<String, Integer> index, List<String> idsInFileOrder) {
        Integer v = index.get(id);
        if (v == null) {
            v = idsInFileOrder.size();
            index.put(id, v);
            idsInFileOrder.add(id);
        }
        return v;
    }

    private static double weight(Line line) throws BadFileException {
        String w = line.optional("weight");
        if (w == null || w.isBlank()) {
            return 1;
        }
        w = w.strip();
        if (!DECIMAL.matcher(w).matches()) {
            throw line.problem("weight '" + Printable.of(w) + "' is not a number");
        }
        double weight = Double.parseDouble(w);
        if (!(weight > 0)) {
            throw line.problem("weight was " + w + ", but must be a finite number > 0");
        }
        float kept = (float) weight;
        if (kept < Float.MIN_NORMAL || Float.isInfinite(kept)) {
            throw line.problem("weight was " + w + ", but must be from " + MIN_WEIGHT + " to " + MAX_WEIGHT
                    + " (what a float holds; the graph keeps weights as floats)");
        }
        return weight;
    }

    /** The edge rows read, in growing arrays. */
    private static final class Edges {
        int[] src = new int[1024];
        int[] dst = new int[1024];
        double[] weight = new double[1024];
        int count;
        double total;

        void add(int s, int t, double w) {
            if (count == src.length) {
                int size = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * count));
                src = Arrays.copyOf(src, size);
                dst = Arrays.copyOf(dst, size);
                weight = Arrays.copyOf(weight, size);
            }
            src[count] = s;
            dst[count] = t;
            weight[count] = w;
            count++;
            total += w;
        }
    }

    /**
     * Refuses a pair whose rows' weights add up to more than a float holds; looked for only when
     * all the weights together do.
     */
    private static void checkSums(Path file, Edges read, String[] ids) throws BadFileException {
        if (!Float.isInfinite((float) read.total)) {
            return;
        }
        Map<Long, Double> sums = new HashMap<>();
        for (int e = 0; e < read.count; e++) {
            long pair = (long) read.src[e] << 32 | read.dst[e];
            double sum = sums.merge(pair, read.weight[e], Double::sum);
            if (Float.isInfinite((float) sum) && read.src[e] != read.dst[e]) {
                throw new BadFileException(file + ": the rows from " + Printable.of(ids[read.src[e]]) + " to "
                        + Printable.of(ids[read.dst[e]])
                        + " weigh " + sum + " together, more than a float holds (" + MAX_WEIGHT + ")");
            }
        }
    }

    public String[] ids() {
        return ids.clone();
    }

    public String id(int vertex) {
        return ids[vertex];
    }

    public String label(int vertex) {
        return labels[vertex];
    }

    public CompactGraph graph() {
        return graph;
    }

    /** Edge rows read (before parallel edges were merged and self-loops dropped). */
    public long edgeRecords() {
        return edgeRecords;
    }

    /** One data row with its line number, for messages. */
    private record Line(Path file, long number, Map<String, Integer> columns, CSVRecord record) {

        String required(String column) throws BadFileException {
            String v = optional(column);
            if (v == null || v.isEmpty()) {
                throw problem(column + " is empty");
            }
            return v;
        }

        String optional(String column) {
            Integer i = columns.get(column);
            return i == null || i >= record.size() ? null : record.get(i);
        }

        BadFileException problem(String what) {
            return new BadFileException(file + " line " + number + ": " + what);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(Line line) throws BadFileException;
    }

    /** Reads {@code file}'s header, then hands each data row to {@code handler}, one at a time. */
    private static void forEachRow(Path file, List<String> required, List<String> optional, RowHandler handler)
            throws BadFileException {
        String text;
        try {
            text = CsvLines.text(file);
        } catch (CsvLines.UnreadableFileException e) {
            throw new BadFileException(e.getMessage(), true);
        } catch (IOException e) {
            throw new BadFileException(e.getMessage());
        }
        // Spaces around a value are no part of it, unless quoted.
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (Reader in = new StringReader(text); CSVParser parser = format.parse(in)) {
            Map<String, Integer> columns = null;
            int width = 0;
            for (CSVRecord r : parser) {
                long line = CsvLines.startLine(parser, r);
                if (columns == null) {
                    columns = header(file, line, r, required, optional);
                    width = r.size();
                    continue;
                }
                Line row = new Line(file, line, columns, r);
                if (hasValuesBeyond(r, width)) {
                    throw row.problem(r.size() + " values, but the header has " + width + " (a decimal comma"
                            + " must be a point, or a value holding a comma quoted)");
                }
                handler.row(row);
            }
            if (columns == null) {
                throw new BadFileException(file + ": the file is empty, but must start with a header row "
                        + String.join(",", required));
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new BadFileException(file + ": not valid CSV (" + cause.getMessage() + ")");
        }
    }

    /** Whether {@code r} has a non-empty value past the header's {@code width} (a trailing comma is fine). */
    private static boolean hasValuesBeyond(CSVRecord r, int width) {
        for (int i = width; i < r.size(); i++) {
            if (!r.get(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> header(Path file, long line, CSVRecord r, List<String> required,
            List<String> optional)
            throws BadFileException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String name = r.get(i).strip().toLowerCase(Locale.ROOT);
            if (required.contains(name) || optional.contains(name)) {
                columns.putIfAbsent(name, i);
            }
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadFileException(file + " line " + line + ": the header row lacks " + String.join(", ", missing)
                    + "; it has " + Printable.of(Arrays.toString(r.values())) + " (expected " + String.join(",", required)
                    + (optional.isEmpty() ? "" : "[," + String.join(",", optional) + "]") + ")");
        }
        return columns;
    }
}
