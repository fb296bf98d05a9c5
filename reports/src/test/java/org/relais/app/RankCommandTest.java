package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.testdata.Polblogs;
import org.relais.ingest.lake.Lake;

/** {@code relais rank} on hand-made edge lists, bad files, and the political-blogs network. */
class RankCommandTest {

    @TempDir
    Path dir;

    static final List<String> REQUIRED = List.of("id", "pagerank", "in_degree", "out_degree", "hits_hub",
            "hits_authority", "k_core", "betweenness", "harmonic_closeness", "community", "bubble_reach",
            "relais_score");

    @Test
    void twoTrianglesJoinedByABridge() throws IOException {
        Path edges = write("edges.csv", "source,target\na,b\nb,c\nc,a\nb,a\nc,b\na,c\nc,d\nd,e\ne,f\nf,d\ne,d\nf,e\nd,f\n");
        Path nodes = write("nodes.csv", "id,label\nz,Isolée\n");
        NightlyIT.Run r = rank("--edges", edges.toString(), "--nodes", nodes.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = read(dir.resolve("out/rankings.csv"));
        assertEquals(REQUIRED, rows.get(0).getParser().getHeaderNames().subList(0, REQUIRED.size()));
        assertEquals(7, rows.size(), "six linked nodes and the isolated one");
        assertEquals("d", rows.get(0).get("id"), "d receives the bridge from c on top of its triangle");
        Map<String, CSVRecord> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.get("id"), row));
        assertEquals("2", byId.get("a").get("k_core"));
        assertEquals("0", byId.get("z").get("k_core"));
        assertEquals("Isolée", byId.get("z").get("label"));
        assertTrue(!byId.get("a").get("community").equals(byId.get("e").get("community")), "two communities");
        assertEquals(byId.get("a").get("community"), byId.get("b").get("community"));
        assertEquals(3, read(dir.resolve("out/communities.csv")).size(), "two triangles and the isolated node");
        assertEquals("z", rows.get(6).get("id"), "the isolated node last");
        assertTrue(Double.parseDouble(byId.get("c").get("betweenness")) > Double.parseDouble(byId.get("a").get("betweenness")),
                "paths between the triangles pass through the bridge");
        double sum = rows.stream().mapToDouble(row -> Double.parseDouble(row.get("pagerank"))).sum();
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void nodeIdsAreWrittenAsGivenSoTheResultsJoinBackToTheInputButLabelsAreNeutralised() throws IOException {
        Path edges = write("ids.csv", "source,target\n-1,@alice\n=x,@alice\n@alice,-1\n");
        Path nodes = write("labels.csv", "id,label\n-1,=HYPERLINK(\"x\")\n");
        NightlyIT.Run r = rank("--edges", edges.toString(), "--nodes", nodes.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = read(dir.resolve("out/rankings.csv"));
        assertEquals(List.of("@alice", "-1", "=x"), rows.stream().map(row -> row.get("id")).toList());
        assertEquals("'=HYPERLINK(\"x\")", rows.get(1).get("label"));
        List<CSVRecord> explained = read(dir.resolve("out/explanations.csv"));
        assertTrue(explained.stream().anyMatch(row -> row.get("id").equals("@alice")
                && row.get("kind").equals("contributor") && row.get("item").equals("=x")), explained.toString());
        CSVRecord community = read(dir.resolve("out/communities.csv")).stream()
                .filter(row -> row.get("top_member_ids").startsWith("@alice;")).findFirst().orElseThrow();
        assertTrue(community.get("top_members").startsWith("'@alice;"),
                "members by label (the id where there is none), neutralised as text: " + community);
    }

    @Test
    void aMissingEdgeListIsNamedWithWhatIsWrong() {
        Path missing = dir.resolve("nothere.csv");
        NightlyIT.Run r = rank("--edges", missing.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("relais rank: cannot read " + missing + ": no such file or directory", r.err().strip());
    }

    @Test
    void aSettingRankWouldIgnoreIsRefusedButTheMeasuresOnesApply() throws IOException {
        Path edges = write("pair.csv", "source,target,weight\na,b,5\nb,a,1\n");
        NightlyIT.Run ignored = rank("--edges", edges.toString(), "--set", "graph.max-repeats=3",
                "--set", "relais.graph.weights.follow=2", "--set", "pagerank.damping=0.9");
        assertEquals(3, ignored.code(), ignored.err());
        assertTrue(ignored.err().startsWith("relais rank: --set relais.graph.max-repeats, relais.graph.weights.follow:"
                + " rank does not use these settings; it takes the edge list's weights as given"), ignored.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
        // The nightly analysis's own PageRank keys: rank takes its seeds from --seeds.
        NightlyIT.Run nightly = rank("--edges", edges.toString(), "--set", "pagerank.seeds-file=seeds.txt",
                "--set", "pagerank.warm-start=true");
        assertEquals(3, nightly.code(), nightly.err());
        assertTrue(nightly.err().startsWith("relais rank: --set relais.pagerank.seeds-file, relais.pagerank.warm-start:"
                + " rank does not use these settings; it takes the edge list's weights as given, its seeds from"
                + " --seeds"), nightly.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
        NightlyIT.Run measured = rank("--edges", edges.toString(), "--set", "pagerank.damping=0.5",
                "--set", "relais.explain.top=1");
        assertEquals(0, measured.code(), measured.err());
        // Two nodes, b -> a weighing 1 and a -> b weighing 5: each node passes all it has to the
        // other, so PageRank is (1 - d)/2 + d * the other's, 1/2 each whatever the damping.
        List<CSVRecord> rows = read(dir.resolve("out/rankings.csv"));
        assertEquals(0.5, Double.parseDouble(rows.get(0).get("pagerank")), 1e-12);
        assertEquals(1, read(dir.resolve("out/explanations.csv")).stream().map(row -> row.get("id")).distinct().count(),
                "explain.top=1 applies");
    }

    @Test
    void idsAreKeptAsGivenQuotedSpacesIncludedAndSeedsMayStartWithAHash() throws IOException {
        Path edges = write("ids.csv", "source,target\n\" a \",b\n a ,c\n\"\ta\",d\n#news,#politics\n#politics,#news\n");
        NightlyIT.Run r = rank("--edges", edges.toString(), "--seeds",
                write("hash-seeds.csv", "# hashtags\n\"#politics\"\n").toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = read(dir.resolve("out/rankings.csv"));
        assertEquals(java.util.Set.of(" a ", "a", "\ta", "b", "c", "d", "#news", "#politics"),
                rows.stream().map(row -> row.get("id")).collect(java.util.stream.Collectors.toSet()),
                "a quoted id keeps its spaces; spaces around an unquoted one are no part of it");
        JsonNode used = Lake.json().readTree(dir.resolve("out/summary.json").toFile()).path("seeds");
        assertEquals(1, used.path("nodes_used").asInt(), "the quoted #politics is an id, not a comment");
        Path rankings = Files.copy(dir.resolve("out/rankings.csv"), dir.resolve("rankings-as-seeds.csv"));
        NightlyIT.Run again = rank("--edges", edges.toString(), "--seeds", rankings.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(8, Lake.json().readTree(dir.resolve("out/summary.json").toFile()).path("seeds").path("nodes_used")
                .asInt(), "a rankings file serves as seeds, ids starting with # included");
    }

    @Test
    void theSummarySaysWhatTheGraphMadeOfTheFile() throws IOException {
        Path edges = write("multi.csv", "source,target,weight\na,b,0.2\nb,a,1\na,b,0.1\nb,b,1\n");
        NightlyIT.Run r = rank("--edges", edges.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode summary = Lake.json().readTree(dir.resolve("out/summary.json").toFile());
        assertEquals(2, summary.path("edges").asInt());
        assertEquals(1, summary.path("merged_parallel_edges").asInt(), "a,b twice");
        assertEquals(1, summary.path("dropped_self_loops").asInt(), "b,b");
        assertEquals(1, summary.path("rounded_weights").asInt(), "0.1 + 0.2 is no float; 1 is");
        CSVRecord b = read(dir.resolve("out/rankings.csv")).stream().filter(row -> row.get("id").equals("b"))
                .findFirst().orElseThrow();
        assertEquals((double) (float) (0.1 + 0.2), Double.parseDouble(b.get("in_strength")),
                "the sum of the stored weights");
    }

    @Test
    void theContributorsBeyondTheListedOnesAreOneRowSoTheSharesAddUpToOne() throws IOException {
        StringBuilder star = new StringBuilder("source,target\n");
        for (int leaf = 1; leaf <= 12; leaf++) {
            star.append("leaf").append(leaf).append(",centre\n");
        }
        NightlyIT.Run r = rank("--edges", write("star.csv", star.toString()).toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> centre = read(dir.resolve("out/explanations.csv")).stream()
                .filter(row -> row.get("id").equals("centre")).toList();
        assertEquals(List.of("baseline", "contributor", "contributor", "contributor", "contributor", "contributor",
                "contributor", "contributor", "contributor", "contributor", "contributor", "other_contributors"),
                centre.stream().map(row -> row.get("kind")).toList());
        CSVRecord others = centre.get(centre.size() - 1);
        assertEquals("2", others.get("item"), "12 leaves, 10 listed");
        assertEquals(2 * Double.parseDouble(centre.get(1).get("mass")), Double.parseDouble(others.get("mass")), 1e-15,
                "the two other leaves pass on what each listed one does");
        assertEquals(1.0, centre.stream().mapToDouble(row -> Double.parseDouble(row.get("share"))).sum(), 1e-9);
    }

    @Test
    void seedsFromACsvFileBiasPersonalisedPageRank() throws IOException {
        Path edges = write("cycle.csv", "source,target\na,b\nb,c\nc,a\n");
        // A rankings-like file: comment, header with an actor_id column, quoted ids.
        Path seeds = write("seeds.csv", "# the campaign's own account\nactor_id,note\n\"a\",ours\n");
        NightlyIT.Run r = rank("--edges", edges.toString(), "--seeds", seeds.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Double> ppr = new HashMap<>();
        read(dir.resolve("out/rankings.csv")).forEach(row ->
                ppr.put(row.get("id"), Double.parseDouble(row.get("personalized_pagerank"))));
        // Teleport goes to a only: a = 0.15 + 0.85 c, b = 0.85 a, c = 0.85 b.
        double a = 0.15 / (1 - Math.pow(0.85, 3));
        assertEquals(a, ppr.get("a"), 1e-9);
        assertEquals(0.85 * a, ppr.get("b"), 1e-9);
        assertEquals(0.85 * 0.85 * a, ppr.get("c"), 1e-9);

        NightlyIT.Run some = rank("--edges", edges.toString(), "--seeds", write("some.txt", "a\nx\n").toString());
        assertEquals(0, some.code(), some.err());
        assertTrue(some.err().contains("relais rank: 1 of the 2 seed ids in " + dir.resolve("some.txt")
                + " are not nodes of the graph and are ignored: x\n"), some.err());
        JsonNode used = Lake.json().readTree(dir.resolve("out/summary.json").toFile()).path("seeds");
        assertEquals(2, used.path("ids").asInt());
        assertEquals(1, used.path("nodes_used").asInt());

        NightlyIT.Run none = rank("--edges", edges.toString(), "--seeds", write("none.txt", "x\ny\n").toString());
        assertEquals(1, none.code(), "a file read but of no use");
        List<String> lines = none.err().strip().lines().toList();
        assertEquals("relais rank: --seeds " + dir.resolve("none.txt") + ": none of its 2 ids is a node of the graph",
                lines.get(lines.size() - 1));
    }

    @Test
    void badFilesNameTheLineAndTheProblem() throws IOException {
        assertEquals(dir.resolve("e1.csv") + " line 1: the header row lacks target; it has [source, to] (expected"
                + " source,target[,weight])", rank("--edges", write("e1.csv", "source,to\na,b\n").toString()).err().strip()
                .replace("relais rank: ", ""));
        assertEquals(dir.resolve("e2.csv") + " line 3: weight 'lots' is not a number",
                rank("--edges", write("e2.csv", "source,target,weight\na,b,1\nb,c,lots\n").toString()).err().strip()
                        .replace("relais rank: ", ""));
        assertEquals(dir.resolve("e3.csv") + " line 2: target is empty",
                rank("--edges", write("e3.csv", "source,target\na,\n").toString()).err().strip()
                        .replace("relais rank: ", ""));
        assertEquals(dir.resolve("e4.csv") + " line 2: weight was -1, but must be a finite number > 0",
                rank("--edges", write("e4.csv", "source,target,weight\na,b,-1\n").toString()).err().strip()
                        .replace("relais rank: ", ""));
        // Lines, not records: blank lines and a quoted line break count.
        NightlyIT.Run spaced = rank("--edges", write("e5.csv",
                "\nsource,target,weight,note\n\na,b,1,\"two\nlines\"\n\nb,c,x,\n").toString());
        assertEquals(dir.resolve("e5.csv") + " line 7: weight 'x' is not a number",
                spaced.err().strip().replace("relais rank: ", ""));
        assertEquals(1, spaced.code(), "a file read but of no use");
        assertEquals(dir.resolve("e7.csv") + " line 2: the header row lacks target; it has [source] (expected"
                + " source,target[,weight])", rank("--edges", write("e7.csv", "\nsource\na\n").toString()).err().strip()
                .replace("relais rank: ", ""));
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("source,target,weight\na,b,1e-50\n", " line 2: weight was 1e-50, but must be from 1.1754943508222875E-38 to"
                + " 3.4028234663852886E38 (what a float holds; the graph keeps weights as floats)");
        bad.put("source,target,weight\na,b,1e308\n", " line 2: weight was 1e308, but must be from");
        bad.put("source,target,weight\na,b,0x1p4\n", " line 2: weight '0x1p4' is not a number");
        bad.put("source,target,weight\na,b,2f\n", " line 2: weight '2f' is not a number");
        bad.put("source,target,weight\na,b,\u001b[2J\u001b[31mFAKE\n", " line 2: weight '\\u001b[2J\\u001b[31mFAKE' is not a"
                + " number");
        bad.put("source,target,weight\na,b,1,5\n", " line 2: 4 values, but the header has 3 (a decimal comma must be a"
                + " point, or a value holding a comma quoted)");
        bad.put("source,target\na,b,3\n", " line 2: 3 values, but the header has 2");
        bad.put("source,target,weight\na,b,3e38\nc,d,1\na,b,3e38\n", ": the rows from a to b weigh 6.0E38 together, more"
                + " than a float holds (3.4028234663852886E38)");
        int n = 10;
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Path file = write("bad" + n++ + ".csv", e.getKey());
            NightlyIT.Run r = rank("--edges", file.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().strip().startsWith("relais rank: " + file + e.getValue()), r.err());
        }
        NightlyIT.Run lenient = rank("--edges", write("lenient.csv", "source,target,weight\na,b\nb,c,3.4028235E38\n"
                + "c,a,1,\n").toString(), "--nodes", write("lenient-nodes.csv", "id,label\na,Alpha\nz\ny,\"  \"\n").toString());
        assertEquals(0, lenient.code(), "a missing weight is 1, a trailing comma adds no value, Java's Float.MAX_VALUE"
                + " is a float, a missing or blank label is the id: " + lenient.err());
        assertEquals(java.util.Set.of("Alpha", "b", "c", "z", "y"), read(dir.resolve("out/rankings.csv")).stream()
                .map(row -> row.get("label")).collect(java.util.stream.Collectors.toSet()));
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'s', 'o', 'u', 'r', 'c', 'e', ',', 't', 'a', 'r', 'g', 'e', 't', '\n', 'a', ',',
            'b', '\n', 'J', 'o', 's', (byte) 0xe9, ',', 'b', '\n'});
        assertEquals("relais rank: " + latin1 + " line 3: not UTF-8 text (byte 0xE9; save the file as UTF-8)",
                rank("--edges", latin1.toString()).err().strip());
        NightlyIT.Run directory = rank("--edges", dir.toString());
        assertEquals(2, directory.code(), directory.err());
        assertEquals("relais rank: cannot read " + dir + ": it is a directory, not a file", directory.err().strip());
        NightlyIT.Run damping = rank("--edges", write("e6.csv", "source,target\na,b\n").toString(), "--damping", "1.5");
        assertEquals(3, damping.code());
        assertTrue(damping.err().contains("damping was 1.5, but must be in [0, 1)"), damping.err());
    }

    @Test
    void polblogsPageRankAndInDegreeMatchNetworkx() throws IOException {
        assumeTrue(Polblogs.available(), Polblogs.directory() + " not found: skipping polblogs agreement");
        Polblogs p = Polblogs.load();
        int[][] e = p.edgeRecords();
        StringBuilder edges = new StringBuilder("source,target\n");
        for (int i = 0; i < e[0].length; i++) {
            edges.append(e[0][i]).append(',').append(e[1][i]).append('\n');
        }
        StringBuilder nodes = new StringBuilder("id,label\n");
        for (int v = 0; v < p.vertexCount(); v++) {
            nodes.append(v).append(",\"").append(p.label(v).replace("\"", "\"\"")).append("\"\n");
        }
        NightlyIT.Run r = rank("--edges", write("polblogs-edges.csv", edges.toString()).toString(),
                "--nodes", write("polblogs-nodes.csv", nodes.toString()).toString(), "--top", "20");
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = read(dir.resolve("out/rankings.csv"));
        assertEquals(1490, rows.size());
        double[] pageRank = p.referenceMetric("pagerank_multiedge_weighted");
        double[] inDegree = p.referenceMetric("indegree_distinct");
        double maxDiff = 0;
        for (CSVRecord row : rows) {
            int v = Integer.parseInt(row.get("id"));
            maxDiff = Math.max(maxDiff, Math.abs(Double.parseDouble(row.get("pagerank")) - pageRank[v]));
            assertEquals((int) inDegree[v], Integer.parseInt(row.get("in_degree")), p.label(v));
        }
        assertTrue(maxDiff <= 1e-9, "max abs difference to networkx " + maxDiff);
        List<String> top = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            top.add(rows.get(i).get("label"));
        }
        List<String> expected = p.referenceTop("pagerank_multiedge_weighted_top20.csv").stream()
                .map(Polblogs.Ranked::label).toList();
        assertEquals(expected, top);
        // A baseline, 10 contributors and the others together, for each of the top 20 (all have more than 10).
        assertEquals(20 * 12, read(dir.resolve("out/explanations.csv")).size());
    }

    private NightlyIT.Run rank(String... args) {
        List<String> all = new ArrayList<>(List.of("rank", "--out", dir.resolve("out").toString()));
        all.addAll(List.of(args));
        return NightlyIT.capture(all);
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }
}
