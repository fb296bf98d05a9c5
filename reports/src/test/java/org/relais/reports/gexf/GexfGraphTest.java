package org.relais.reports.gexf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.job.InteractionGraph;
import org.relais.reports.RankingTable;
import org.relais.reports.privacy.Pseudonymizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** graph.gexf read back with the JDK's DOM parser and with JGraphT's schema-validating importer. */
class GexfGraphTest {

    @TempDir
    static Path dir;

    static Path file;
    static GexfGraph.Written written;
    static Document doc;

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"clic\")";

    /** A row of {@code schema} with the given columns set and the others null. */
    static Row row(StructType schema, Object... keyValues) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < keyValues.length; i += 2) {
            values[schema.fieldIndex((String) keyValues[i])] = keyValues[i + 1];
        }
        return new GenericRowWithSchema(values, schema);
    }

    static Row withSchema(Row r, StructType schema) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.get(i);
        }
        return new GenericRowWithSchema(values, schema);
    }

    static Row node(int rank, String id, String name, double pagerank, Integer community) {
        return withSchema(row(RankingTable.SCHEMA, RankingTable.RANK, rank, "actor_id", id,
                "platform", id.substring(0, id.indexOf(':')), "name", name, "pagerank", pagerank,
                "relais_score", rank == 3 ? null : 90.0 - rank, "in_degree", 10 - rank, "out_degree", rank,
                "hits_authority", pagerank / 4, "k_core", 2, "community", community, "bubble_reach", 0.000125),
                RankingTable.SCHEMA);
    }

    static Row edge(String src, String dst, String type, long count, double weight) {
        return withSchema(org.apache.spark.sql.RowFactory.create(src, dst, type, count, weight),
                InteractionGraph.EDGES_SCHEMA);
    }

    static List<Row> nodes() {
        return List.of(
                node(1, "twitter:1", "CourrierRep", 0.5, 0),
                node(2, "twitter:2", HYPERLINK, 0.3, 0),
                node(3, "blog:chroniques.example", "chroniques.example", 0.15, 1),
                node(4, "mastodon:7", "Tab\u0001by <&> \"é\"", 0.05, null));
    }

    static List<Row> edges() {
        return List.of(
                edge("twitter:2", "twitter:1", "repost", 3, 3.0),
                edge("twitter:2", "twitter:1", "mention", 2, 1.0),
                edge("twitter:1", "blog:chroniques.example", "share", 2, 2.0),
                edge("mastodon:7", "twitter:2", "reply", 1, 0.5),
                edge("mastodon:7", "mastodon:7", "reply", 1, 0.5),
                edge("twitter:9", "twitter:1", "follow", 1, 1.0));
    }

    @BeforeAll
    static void write() throws Exception {
        file = dir.resolve("graph.gexf");
        written = GexfGraph.write(file, nodes(), edges(), null, "Relais 2026-11-21: the top actors");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        doc = f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(String name) {
        NodeList list = doc.getElementsByTagNameNS(GexfGraph.NAMESPACE, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** For each node (or edge) id, its attribute values by title. */
    private static Map<String, Map<String, String>> values(String elementName, String attributeClass) {
        Map<String, String> titles = new HashMap<>();
        for (Element attributes : elements("attributes")) {
            if (attributes.getAttribute("class").equals(attributeClass)) {
                NodeList defs = attributes.getElementsByTagNameNS(GexfGraph.NAMESPACE, "attribute");
                for (int i = 0; i < defs.getLength(); i++) {
                    Element d = (Element) defs.item(i);
                    titles.put(d.getAttribute("id"), d.getAttribute("title"));
                }
            }
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Element e : elements(elementName)) {
            String key = elementName.equals("node") ? e.getAttribute("id")
                    : e.getAttribute("source") + " -> " + e.getAttribute("target");
            Map<String, String> v = new LinkedHashMap<>();
            NodeList vals = e.getElementsByTagNameNS(GexfGraph.NAMESPACE, "attvalue");
            for (int i = 0; i < vals.getLength(); i++) {
                Element a = (Element) vals.item(i);
                v.put(titles.get(a.getAttribute("for")), a.getAttribute("value"));
            }
            out.put(key, v);
        }
        return out;
    }

    @Test
    void theFileIsGexf12() {
        Element root = doc.getDocumentElement();
        assertEquals(GexfGraph.NAMESPACE, root.getNamespaceURI());
        assertEquals("gexf", root.getLocalName());
        assertEquals("1.2", root.getAttribute("version"));
        assertEquals("directed", elements("graph").get(0).getAttribute("defaultedgetype"));
        assertEquals("Relais", elements("creator").get(0).getTextContent());
        assertEquals("Relais 2026-11-21: the top actors", elements("description").get(0).getTextContent());
    }

    @Test
    void attributesAreDeclaredWithTheirTypesSoGephiShowsThem() {
        Map<String, String> node = new LinkedHashMap<>();
        Map<String, String> edge = new LinkedHashMap<>();
        for (Element attributes : elements("attributes")) {
            Map<String, String> target = attributes.getAttribute("class").equals("node") ? node : edge;
            NodeList defs = attributes.getElementsByTagNameNS(GexfGraph.NAMESPACE, "attribute");
            for (int i = 0; i < defs.getLength(); i++) {
                Element d = (Element) defs.item(i);
                target.put(d.getAttribute("title"), d.getAttribute("type"));
            }
        }
        Map<String, String> expectedNode = new LinkedHashMap<>();
        expectedNode.put("platform", "string");
        expectedNode.put("rank", "integer");
        expectedNode.put("pagerank", "double");
        expectedNode.put("relais_score", "double");
        expectedNode.put("community", "integer");
        expectedNode.put("in_degree", "integer");
        expectedNode.put("out_degree", "integer");
        expectedNode.put("hits_authority", "double");
        expectedNode.put("k_core", "integer");
        expectedNode.put("bubble_reach", "double");
        assertEquals(expectedNode, node);
        Map<String, String> expectedEdge = new LinkedHashMap<>();
        expectedEdge.put("dominant_type", "string");
        expectedEdge.put("interactions", "long");
        for (String t : List.of("follow", "repost", "quote", "reply", "mention", "share", "blog_link")) {
            expectedEdge.put("weight_" + t, "double");
        }
        assertEquals(expectedEdge, edge);
    }

    @Test
    void nodesHaveTheirNameAsLabelAndTheirScores() {
        List<Element> nodes = elements("node");
        assertEquals(4, nodes.size());
        assertEquals(4, written.nodes());
        Map<String, String> labels = new LinkedHashMap<>();
        nodes.forEach(n -> labels.put(n.getAttribute("id"), n.getAttribute("label")));
        assertEquals(List.of("twitter:1", "twitter:2", "blog:chroniques.example", "mastodon:7"),
                List.copyOf(labels.keySet()), "nodes in rank order");
        assertEquals("CourrierRep", labels.get("twitter:1"));
        assertEquals(HYPERLINK, labels.get("twitter:2"), "XML needs no formula neutralisation");
        assertEquals("Tabby <&> \"é\"", labels.get("mastodon:7"), "a control character XML cannot hold is dropped");

        Map<String, Map<String, String>> values = values("node", "node");
        Map<String, String> first = new LinkedHashMap<>();
        first.put("platform", "twitter");
        first.put("rank", "1");
        first.put("pagerank", "0.5");
        first.put("relais_score", "89");
        first.put("community", "0");
        first.put("in_degree", "9");
        first.put("out_degree", "1");
        first.put("hits_authority", "0.125");
        first.put("k_core", "2");
        first.put("bubble_reach", "0.000125");
        assertEquals(first, values.get("twitter:1"));
        assertFalse(values.get("blog:chroniques.example").containsKey("relais_score"), "a missing score is left out");
        assertFalse(values.get("mastodon:7").containsKey("community"));
    }

    @Test
    void theTypedEdgesOfAPairBecomeOneWeightedEdgeBetweenTopActorsOnly() {
        List<Element> edges = elements("edge");
        assertEquals(3, edges.size(), "the self-loop and the edge from outside the top are left out");
        assertEquals(3, written.edges());
        Map<String, String> weights = new LinkedHashMap<>();
        edges.forEach(e -> weights.put(e.getAttribute("source") + " -> " + e.getAttribute("target"),
                e.getAttribute("weight")));
        assertEquals(Map.of("twitter:2 -> twitter:1", "4.0", "twitter:1 -> blog:chroniques.example", "2.0",
                "mastodon:7 -> twitter:2", "0.5"), weights);

        Map<String, String> merged = values("edge", "edge").get("twitter:2 -> twitter:1");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("dominant_type", "repost");
        expected.put("interactions", "5");
        expected.put("weight_repost", "3");
        expected.put("weight_mention", "1");
        assertEquals(expected, merged);
    }

    @Test
    void jgraphtsImporterValidatesItAgainstTheGexfSchemaAndReadsItBack() throws IOException {
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        SimpleGEXFImporter<String, DefaultWeightedEdge> importer = new SimpleGEXFImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        Map<String, String> labels = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("label")) {
                labels.put(p.getFirst(), a.getValue());
            }
        });
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importer.importGraph(g, in);
        }
        assertEquals(4, g.vertexSet().size());
        assertEquals(3, g.edgeSet().size());
        assertEquals(4.0, g.getEdgeWeight(g.getEdge("twitter:2", "twitter:1")));
        assertEquals("CourrierRep", labels.get("twitter:1"));
    }

    @Test
    void withPseudonymisationAccountIdsAndLabelsAreReplacedButNotBlogs() throws Exception {
        Pseudonymizer p = Pseudonymizer.withKey("the-research-key-of-the-project!");
        Path pseudonymised = dir.resolve("pseudonymised.gexf");
        GexfGraph.write(pseudonymised, nodes(), edges(), p, "d");
        String text = Files.readString(pseudonymised);
        assertTrue(text.contains("<node id=\"twitter:" + p.pseudonym("twitter:1") + "\" label=\""
                + p.pseudonym("twitter:1") + "\">"), text);
        assertTrue(text.contains("<node id=\"blog:chroniques.example\" label=\"chroniques.example\">"), text);
        assertTrue(text.contains("source=\"twitter:" + p.pseudonym("twitter:2") + "\" target=\"twitter:"
                + p.pseudonym("twitter:1") + "\""), text);
        for (String name : List.of("CourrierRep", "HYPERLINK", "Tabby", "twitter:1\"", "mastodon:7\"")) {
            assertFalse(text.contains(name), name);
        }
    }
}
