package org.relais.analytics.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.relais.analytics.graph.CompactGraph;

/**
 * The political-blogs network of Adamic and Glance (2005) from {@code ../shared/datasets/polblogs},
 * with the graph variants and reference figures of its {@code REFERENCE.md}, for agreement tests.
 *
 * <p>Vertex {@code i} is the {@code i}-th node of the GML file (GML ids 1..1490 become 0..1489).
 */
public final class Polblogs {

    /** The system property surefire sets to the shared folder beside the project. */
    public static final String SHARED_DIR_PROPERTY = "relais.shared.dir";

    private final Path dir;
    private final GmlReader.Graph gml;
    private final String[] labels;
    private final int[] side;
    private final Map<Long, Integer> vertexOfId = new HashMap<>();

    private Polblogs(Path dir, GmlReader.Graph gml) {
        this.dir = dir;
        this.gml = gml;
        int n = gml.nodes().size();
        labels = new String[n];
        side = new int[n];
        for (int i = 0; i < n; i++) {
            GmlReader.Node node = gml.nodes().get(i);
            labels[i] = node.label();
            side[i] = ((Long) node.attributes().get("value")).intValue();
            vertexOfId.put(node.id(), i);
        }
    }

    /** Where the data set should be: {@code ${relais.shared.dir}/datasets/polblogs}, or {@code ../shared/...}. */
    public static Path directory() {
        String shared = System.getProperty(SHARED_DIR_PROPERTY, "../shared");
        return Path.of(shared, "datasets", "polblogs");
    }

    /** Whether the GML file and the reference metrics are there (tests skip when not). */
    public static boolean available() {
        Path dir = directory();
        return Files.isRegularFile(dir.resolve("polblogs.gml")) && Files.isRegularFile(dir.resolve("polblogs_node_metrics.csv"));
    }

    public static Polblogs load() {
        Path dir = directory();
        try {
            return new Polblogs(dir, GmlReader.read(dir.resolve("polblogs.gml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int vertexCount() {
        return labels.length;
    }

    public String label(int vertex) {
        return labels[vertex];
    }

    /** 0 = liberal, 1 = conservative (the GML {@code value}). */
    public int side(int vertex) {
        return side[vertex];
    }

    /** The raw edge records as vertex pairs, self-loops included: {@code [0]} sources, {@code [1]} targets. */
    public int[][] edgeRecords() {
        List<GmlReader.Edge> edges = gml.edges();
        int[] src = new int[edges.size()];
        int[] dst = new int[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            src[i] = vertexOfId.get(edges.get(i).source());
            dst[i] = vertexOfId.get(edges.get(i).target());
        }
        return new int[][] {src, dst};
    }

    /** Variant W: all 1490 vertices, self-loops dropped, parallel records summed into weights. */
    public CompactGraph weightedGraph() {
        int[][] e = edgeRecords();
        return CompactGraph.builder(vertexCount()).build(e[0], e[1], null, e[0].length);
    }

    /** Variant U: all 1490 vertices, self-loops dropped, one unweighted edge per distinct pair. */
    public CompactGraph unweightedGraph() {
        int[][] e = edgeRecords();
        Set<Long> seen = new HashSet<>();
        int[] src = new int[e[0].length];
        int[] dst = new int[e[0].length];
        int m = 0;
        for (int i = 0; i < e[0].length; i++) {
            if (seen.add(((long) e[0][i] << 32) | e[1][i])) {
                src[m] = e[0][i];
                dst[m] = e[1][i];
                m++;
            }
        }
        return CompactGraph.builder(vertexCount()).build(src, dst, null, m);
    }

    /**
     * The vertices that have at least one link other than a self-loop, ascending: the vertex set of
     * the "1224 nodes" variant of REFERENCE.md section 2.3.
     */
    public int[] linkedVertices() {
        int[][] e = edgeRecords();
        boolean[] linked = new boolean[vertexCount()];
        for (int i = 0; i < e[0].length; i++) {
            if (e[0][i] != e[1][i]) {
                linked[e[0][i]] = true;
                linked[e[1][i]] = true;
            }
        }
        return IntStream.range(0, vertexCount()).filter(v -> linked[v]).toArray();
    }

    /** Reads a column of {@code polblogs_node_metrics.csv} as a per-vertex array. */
    public double[] referenceMetric(String column) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("polblogs_node_metrics.csv"), StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            int col = header.indexOf(column);
            int idCol = header.indexOf("id");
            int labelCol = header.indexOf("label");
            if (col < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            double[] values = new double[vertexCount()];
            Arrays.fill(values, Double.NaN);
            for (String line : lines.subList(1, lines.size())) {
                // No field is quoted in this file (REFERENCE.md), so a plain split is exact.
                String[] f = line.split(",", -1);
                int v = vertexOfId.get(Long.parseLong(f[idCol]));
                if (!f[labelCol].equals(labels[v])) {
                    throw new IllegalStateException("label mismatch for id " + f[idCol] + ": '" + f[labelCol]
                            + "' in the CSV, '" + labels[v] + "' in the GML");
                }
                values[v] = Double.parseDouble(f[col]);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of a {@code rank,label,score} top-k file. */
    public record Ranked(int rank, String label, double score) {
    }

    /** Reads one of the {@code *_top20.csv} / {@code *_top10.csv} files. */
    public List<Ranked> referenceTop(String fileName) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(fileName), StandardCharsets.UTF_8);
            List<Ranked> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                rows.add(new Ranked(Integer.parseInt(f[0]), f[1], Double.parseDouble(f[2])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
