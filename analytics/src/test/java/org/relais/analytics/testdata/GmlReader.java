package org.relais.analytics.testdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the simple GML that network-data collections publish (a {@code graph [ ... ]} with
 * {@code node [ id N label "..." ... ]} and {@code edge [ source S target T ... ]}), so that tests can
 * load reference networks without a GML library (JGraphT's importer clashes with Spark's ANTLR).
 *
 * <p>Strings are kept exactly as written between the quotes, spaces included; GML character
 * references ({@code &amp;quot;}) are not decoded, because the files this reads contain none (an
 * {@code &} in a label is literal text). Lists other than nodes and edges are skipped. Records keep
 * file order; nothing is deduplicated.
 */
public final class GmlReader {

    /** A node: its GML {@code id}, its {@code label} (null if absent), and all its scalar attributes. */
    public record Node(long id, String label, Map<String, Object> attributes) {
    }

    /** One edge record, {@code source -> target} by GML id, with all its scalar attributes. */
    public record Edge(long source, long target, Map<String, Object> attributes) {
    }

    /** A parsed graph: the header flags and the records, in file order. */
    public record Graph(boolean directed, boolean multigraph, List<Node> nodes, List<Edge> edges) {
    }

    private final String text;
    private int pos;
    /** The node and edge records of each list, in order (their keys repeat, so the list's map cannot hold them). */
    private final Map<Map<String, Object>, List<Object>> records = new IdentityHashMap<>();

    private GmlReader(String text) {
        this.text = text;
    }

    /** Reads and parses a GML file (UTF-8, which includes ASCII). */
    public static Graph read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses GML text. */
    public static Graph parse(String text) {
        GmlReader reader = new GmlReader(text);
        Map<String, Object> top = reader.list(false);
        Object graph = top.get("graph");
        if (!(graph instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("GML has no graph [ ... ] list");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) graph;
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Object item : reader.records.getOrDefault(g, List.of())) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, Map<String, Object>> record = (Map.Entry<String, Map<String, Object>>) item;
            Map<String, Object> attrs = record.getValue();
            if (record.getKey().equals("node")) {
                Object label = attrs.get("label");
                nodes.add(new Node(number(attrs, "id", "node"), label == null ? null : (String) label,
                        Collections.unmodifiableMap(attrs)));
            } else if (record.getKey().equals("edge")) {
                edges.add(new Edge(number(attrs, "source", "edge"), number(attrs, "target", "edge"),
                        Collections.unmodifiableMap(attrs)));
            }
        }
        return new Graph(flag(g, "directed"), flag(g, "multigraph"), List.copyOf(nodes), List.copyOf(edges));
    }

    private Map<String, Object> list(boolean nested) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                if (nested) {
                    throw error("unexpected end of file inside a list");
                }
                return attrs;
            }
            if (text.charAt(pos) == ']') {
                if (!nested) {
                    throw error("unbalanced ']'");
                }
                pos++;
                return attrs;
            }
            String key = word();
            skipSpace();
            if (pos >= text.length()) {
                throw error("key '" + key + "' has no value");
            }
            char c = text.charAt(pos);
            if (c == '[') {
                pos++;
                Map<String, Object> child = list(true);
                if (key.equals("node") || key.equals("edge")) {
                    records.computeIfAbsent(attrs, k -> new ArrayList<>()).add(Map.entry(key, child));
                } else {
                    attrs.put(key, child);
                }
            } else if (c == '"') {
                int close = text.indexOf('"', pos + 1);
                if (close < 0) {
                    throw error("unterminated string");
                }
                attrs.put(key, text.substring(pos + 1, close));
                pos = close + 1;
            } else {
                String token = word();
                attrs.put(key, token.contains(".") || token.contains("e") || token.contains("E")
                        ? (Object) Double.parseDouble(token) : (Object) Long.parseLong(token));
            }
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                && text.charAt(pos) != '[' && text.charAt(pos) != ']') {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key or a value");
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("GML line " + line + ": " + message);
    }

    private static long number(Map<String, Object> attrs, String key, String what) {
        Object v = attrs.get(key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("GML " + what + " without an integer " + key + ": " + attrs);
        }
        return l;
    }

    private static boolean flag(Map<String, Object> attrs, String key) {
        return attrs.get(key) instanceof Long l && l != 0;
    }
}
