package org.relais.analytics.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The networkx reference centralities of the political-blogs network that
 * {@code src/test/python/polblogs_references.py} wrote to the test resource
 * {@code polblogs/polblogs_centrality.csv} (see that script for the calls), indexed like {@link Polblogs}.
 */
public final class PolblogsCentrality {

    private static final String RESOURCE = "/polblogs/polblogs_centrality.csv";

    private final Polblogs polblogs;
    private final List<String> header;
    private final String[][] rows;
    private final int[] vertexOfRow;

    private PolblogsCentrality(Polblogs polblogs) {
        this.polblogs = polblogs;
        Map<String, Integer> vertexOfLabel = new HashMap<>();
        for (int v = 0; v < polblogs.vertexCount(); v++) {
            vertexOfLabel.put(polblogs.label(v), v);
        }
        try (InputStream in = PolblogsCentrality.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            header = Arrays.asList(lines[0].split(",", -1));
            rows = new String[lines.length - 1][];
            vertexOfRow = new int[lines.length - 1];
            int labelColumn = header.indexOf("label");
            for (int i = 1; i < lines.length; i++) {
                // The script checks that no label holds a comma or a quote, so a plain split is exact.
                rows[i - 1] = lines[i].split(",", -1);
                Integer v = vertexOfLabel.get(rows[i - 1][labelColumn]);
                if (v == null) {
                    throw new IllegalStateException("label '" + rows[i - 1][labelColumn] + "' is not in the GML file");
                }
                vertexOfRow[i - 1] = v;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.length != polblogs.vertexCount()) {
            throw new IllegalStateException(rows.length + " reference rows for " + polblogs.vertexCount() + " vertices");
        }
    }

    public static PolblogsCentrality load(Polblogs polblogs) {
        return new PolblogsCentrality(polblogs);
    }

    /** A column as a per-vertex array. */
    public double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[vertexOfRow[i]] = Double.parseDouble(rows[i][c]);
        }
        return values;
    }

    /** The labels of the top {@code k} vertices by score descending, ties by label ascending (REFERENCE.md's rule). */
    public List<String> top(double[] scores, int k) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(v -> -scores[v]).thenComparing(polblogs::label))
                .limit(k)
                .map(polblogs::label)
                .toList();
    }

    /** The largest absolute difference between two per-vertex arrays. */
    public static double maxAbsDifference(double[] expected, double[] actual) {
        double max = 0;
        for (int v = 0; v < expected.length; v++) {
            max = Math.max(max, Math.abs(expected[v] - actual[v]));
        }
        return max;
    }
}
