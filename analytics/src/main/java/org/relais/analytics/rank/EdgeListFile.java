package org.relais.analytics.rank;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.measures.CsvLines;

/**
 * A graph given as CSV files, for {@code relais rank}: an edge list {@code source,target[,weight]}
 * with a header row, and optionally a node list {@code id[,label]} that adds isolated nodes and
 * labels. Vertices are numbered in id order (Java string order), so results are reproducible.
 * Every problem names the file, the line and what is wrong.
 */
public final class EdgeListFile {

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
     * Reads the edges, and the nodes when {@code nodes} is not null.
     *
     * @throws BadFileException on a missing column, an empty id, a weight that is not a positive
     *     finite number, or bytes that are not UTF-8
     */
    public static EdgeListFile read(Path edges, Path nodes) throws BadFileException {
        Map<String, String> labelOf = new HashMap<>();
        TreeSet<String> idSet = new TreeSet<>();
        if (nodes != null) {
            for (Line line : lines(nodes, List.of("id"), List.of("label"))) {
                String id = line.required("id");
                idSet.add(id);
                String label = line.optional("label");
                if (label != null && !label.isEmpty()) {
                    labelOf.put(id, label);
                }
            }
        }
        List<Line> edgeLines = lines(edges, List.of("source", "target"), List.of("weight"));
        List<String[]> pairs = new ArrayList<>(edgeLines.size());
        double[] weights = new double[edgeLines.size()];
        int m = 0;
        for (Line line : edgeLines) {
            String s = line.required("source");
            String t = line.required("target");
            String w = line.optional("weight");
            double weight = 1;
            if (w != null && !w.isEmpty()) {
                try {
                    weight = Double.parseDouble(w);
                } catch (NumberFormatException e) {
                    throw line.problem("weight '" + w + "' is not a number");
                }
                if (!(weight > 0) || Double.isInfinite(weight)) {
                    throw line.problem("weight was " + w + ", but must be a finite number > 0");
                }
            }
            idSet.add(s);
            idSet.add(t);
            pairs.add(new String[] {s, t});
            weights[m++] = weight;
        }
        String[] ids = idSet.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        int[] src = new int[m];
        int[] dst = new int[m];
        for (int e = 0; e < m; e++) {
            src[e] = index.get(pairs.get(e)[0]);
            dst[e] = index.get(pairs.get(e)[1]);
        }
        String[] labels = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            labels[i] = labelOf.getOrDefault(ids[i], ids[i]);
        }
        CompactGraph graph = CompactGraph.builder(ids.length).build(src, dst, weights, m);
        return new EdgeListFile(ids, labels, graph, m);
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
            return i == null || i >= record.size() ? null : record.get(i).strip();
        }

        BadFileException problem(String what) {
            return new BadFileException(file + " line " + number + ": " + what);
        }
    }

    private static List<Line> lines(Path file, List<String> required, List<String> optional) throws BadFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new BadFileException(file + ": not UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadFileException("cannot read " + org.relais.ingest.util.Causes.message(e), true);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader in = new java.io.StringReader(text);
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(in)) {
            List<Line> lines = new ArrayList<>();
            Map<String, Integer> columns = null;
            for (CSVRecord r : parser) {
                if (columns == null) {
                    columns = header(file, CsvLines.startLine(parser, r), r, required, optional);
                    continue;
                }
                lines.add(new Line(file, CsvLines.startLine(parser, r), columns, r));
            }
            if (columns == null) {
                throw new BadFileException(file + ": the file is empty, but must start with a header row "
                        + String.join(",", required));
            }
            return lines;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadFileException(file + ": not valid CSV (" + e.getMessage() + ")");
        }
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
                    + "; it has " + Arrays.toString(r.values()) + " (expected " + String.join(",", required)
                    + (optional.isEmpty() ? "" : "[," + String.join(",", optional) + "]") + ")");
        }
        return columns;
    }
}
