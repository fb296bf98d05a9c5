package org.relais.reports.gexf;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.gexf.GEXFExporter.AttributeCategory;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.job.EdgeType;
import org.relais.analytics.job.InteractionGraph;
import org.relais.reports.RankingTable;
import org.relais.reports.privacy.Pseudonymizer;

/**
 * {@code graph.gexf}: the subgraph of the top K actors by PageRank and every edge between them, for
 * Gephi. Nodes carry their name as label and the scores as typed attributes; the typed edges of a
 * pair are merged into one weighted edge that keeps the weight of each type and the dominant one.
 * Written with JGraphT's {@link GEXFExporter} (GEXF 1.2).
 */
public final class GexfGraph {

    public static final String FILE = "graph.gexf";

    /** GEXF 1.2's namespace, as JGraphT writes it. */
    public static final String NAMESPACE = "http://www.gexf.net/1.2draft";

    /** Node attributes: name and GEXF type, in the order they are declared. */
    public static final Map<String, GEXFAttributeType> NODE_ATTRIBUTES = nodeAttributes();

    public static final String DOMINANT_TYPE = "dominant_type";
    public static final String INTERACTIONS = "interactions";
    /** Prefix of the per-type edge weights: {@code weight_follow}, {@code weight_repost}, ... */
    public static final String WEIGHT_PREFIX = "weight_";

    private GexfGraph() {
    }

    private static Map<String, GEXFAttributeType> nodeAttributes() {
        Map<String, GEXFAttributeType> m = new LinkedHashMap<>();
        m.put(ScoreTable.PLATFORM, GEXFAttributeType.STRING);
        m.put(RankingTable.RANK, GEXFAttributeType.INTEGER);
        m.put(ScoreTable.PAGERANK, GEXFAttributeType.DOUBLE);
        m.put(ScoreTable.RELAIS_SCORE, GEXFAttributeType.DOUBLE);
        m.put(ScoreTable.COMMUNITY, GEXFAttributeType.INTEGER);
        m.put(ScoreTable.IN_DEGREE, GEXFAttributeType.INTEGER);
        m.put(ScoreTable.OUT_DEGREE, GEXFAttributeType.INTEGER);
        m.put(ScoreTable.HITS_AUTHORITY, GEXFAttributeType.DOUBLE);
        m.put(ScoreTable.K_CORE, GEXFAttributeType.INTEGER);
        m.put(ScoreTable.BUBBLE_REACH, GEXFAttributeType.DOUBLE);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** An edge of the exported graph: the typed edges of one (source, target) pair, merged. */
    static final class Link {
        final Map<String, Double> weightByType = new TreeMap<>();
        long interactions;
        double weight;

        /** The type with the largest weight; ties go to the first type code in alphabetical order. */
        String dominantType() {
            String best = null;
            double bestWeight = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Double> e : weightByType.entrySet()) {
                if (e.getValue() > bestWeight) {
                    best = e.getKey();
                    bestWeight = e.getValue();
                }
            }
            return best;
        }
    }

    /** What was written. */
    public record Written(int nodes, int edges) {
    }

    /**
     * Writes the top {@code top} actors of {@code rankings} and the edges of {@code edges} between
     * them.
     *
     * @param pseudonymizer null to write ids and names as they are; else accounts' ids and labels
     *     are replaced, as in the CSV files
     * @param description the file's {@code <meta><description>}
     */
    public static Written write(Path file, Dataset<Row> rankings, Dataset<Row> edges, int top,
            Pseudonymizer pseudonymizer, String description) throws IOException {
        Dataset<Row> nodes = rankings.filter(col(RankingTable.RANK).leq(top)).orderBy(col(RankingTable.RANK)).cache();
        try {
            Dataset<Row> ids = nodes.select(col(ScoreTable.ACTOR_ID));
            List<Row> edgeRows = edges
                    .join(broadcast(ids.withColumnRenamed(ScoreTable.ACTOR_ID, "s_id")),
                            col(InteractionGraph.SRC).equalTo(col("s_id")), "left_semi")
                    .join(broadcast(ids.withColumnRenamed(ScoreTable.ACTOR_ID, "d_id")),
                            col(InteractionGraph.DST).equalTo(col("d_id")), "left_semi")
                    .select(InteractionGraph.SRC, InteractionGraph.DST, InteractionGraph.TYPE, InteractionGraph.COUNT,
                            InteractionGraph.WEIGHT)
                    .orderBy(InteractionGraph.SRC, InteractionGraph.DST, InteractionGraph.TYPE)
                    .collectAsList();
            return write(file, nodes.collectAsList(), edgeRows, pseudonymizer, description);
        } finally {
            nodes.unpersist();
        }
    }

    static Written write(Path file, List<Row> nodeRows, List<Row> edgeRows, Pseudonymizer pseudonymizer,
            String description) throws IOException {
        Graph<String, Link> graph = GraphTypeBuilder.<String, Link>directed().allowingMultipleEdges(false)
                .allowingSelfLoops(false).weighted(true).edgeClass(Link.class).buildGraph();
        Map<String, Row> byId = new LinkedHashMap<>();
        for (Row r : nodeRows) {
            String id = r.getAs(ScoreTable.ACTOR_ID);
            byId.put(id, r);
            graph.addVertex(id);
        }
        for (Row r : edgeRows) {
            String src = r.getAs(InteractionGraph.SRC);
            String dst = r.getAs(InteractionGraph.DST);
            if (src.equals(dst) || !graph.containsVertex(src) || !graph.containsVertex(dst)) {
                continue;
            }
            Link link = graph.getEdge(src, dst);
            if (link == null) {
                link = new Link();
                graph.addEdge(src, dst, link);
            }
            double w = r.<Double>getAs(InteractionGraph.WEIGHT);
            link.weightByType.merge(r.getAs(InteractionGraph.TYPE), w, Double::sum);
            link.interactions += r.<Long>getAs(InteractionGraph.COUNT);
            link.weight += w;
        }
        for (Link link : graph.edgeSet()) {
            graph.setEdgeWeight(link, link.weight);
        }

        Map<Link, String> edgeIds = new java.util.IdentityHashMap<>();
        for (Link link : graph.edgeSet()) {
            edgeIds.put(link, "e" + edgeIds.size());
        }
        GEXFExporter<String, Link> exporter = new GEXFExporter<>(
                v -> xmlSafe(pseudonymizer == null ? v : pseudonymizer.actorId(v)), edgeIds::get);
        exporter.setCreator("Relais");
        exporter.setDescription(description);
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
        NODE_ATTRIBUTES.forEach((name, type) -> exporter.registerAttribute(name, AttributeCategory.NODE, type));
        exporter.registerAttribute(DOMINANT_TYPE, AttributeCategory.EDGE, GEXFAttributeType.STRING);
        exporter.registerAttribute(INTERACTIONS, AttributeCategory.EDGE, GEXFAttributeType.LONG);
        List<String> types = new ArrayList<>();
        for (EdgeType t : EdgeType.values()) {
            types.add(t.code());
            exporter.registerAttribute(WEIGHT_PREFIX + t.code(), AttributeCategory.EDGE, GEXFAttributeType.DOUBLE);
        }
        exporter.setVertexAttributeProvider(v -> nodeAttributes(v, byId.get(v), pseudonymizer));
        exporter.setEdgeAttributeProvider(link -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put(DOMINANT_TYPE, DefaultAttribute.createAttribute(link.dominantType()));
            a.put(INTERACTIONS, DefaultAttribute.createAttribute(link.interactions));
            for (String type : types) {
                Double w = link.weightByType.get(type);
                if (w != null) {
                    a.put(WEIGHT_PREFIX + type, DefaultAttribute.createAttribute(plain(w)));
                }
            }
            return a;
        });

        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            exporter.exportGraph(graph, out);
        }
        return new Written(graph.vertexSet().size(), graph.edgeSet().size());
    }

    private static Map<String, Attribute> nodeAttributes(String id, Row r, Pseudonymizer pseudonymizer) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        String name = r.getAs(ScoreTable.LABEL);
        if (name == null) {
            name = id.substring(id.indexOf(':') + 1);
        }
        a.put("label", DefaultAttribute.createAttribute(xmlSafe(pseudonymizer == null ? name
                : pseudonymizer.name(id, name))));
        for (String attribute : NODE_ATTRIBUTES.keySet()) {
            Object value = r.getAs(attribute);
            if (value == null) {
                continue;
            }
            String text = value instanceof Double d ? plain(d) : xmlSafe(value.toString());
            a.put(attribute, DefaultAttribute.createAttribute(text));
        }
        return a;
    }

    /** Plain notation, as in the CSV files: {@code 0.000123}. */
    private static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /**
     * Drops the characters XML 1.0 cannot hold (control characters other than tab, line feed and
     * carriage return; unpaired surrogates; U+FFFE, U+FFFF), which a name from the data may carry.
     */
    static String xmlSafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
