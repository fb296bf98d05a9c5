package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.spark.SparkSessions;
import org.relais.ingest.testing.CommandRun;
import org.relais.ingest.testing.KafkaBrokerExtension;
import org.relais.ingest.testing.SparkExtension;

/**
 * The nightly job end to end, through the command line, on the sample data: a real broker, real
 * Spark, real Parquet. The tests run in order and share the lake, as successive nights do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    /** The leaders sample-data/README.md names, by design of the generator. */
    static final Set<String> EXPECTED_TOP_5 = Set.of("twitter:99528101", "twitter:80284011", "twitter:316565488",
            "twitter:64674234", "twitter:803405022985869096");

    static final List<String> RANKING_COLUMNS = List.of("rank", "actor_id", "platform", "name", "pagerank",
            "relais_score", "personalized_pagerank", "in_degree", "out_degree", "in_strength", "out_strength",
            "followers", "reposts_received", "mentions_received", "hits_hub", "hits_authority", "k_core", "betweenness", "harmonic_closeness", "community",
            "community_rank", "bubble_reach");

    static final Path PROJECT = Paths.get(System.getProperty("relais.project.dir", "..")).toAbsolutePath();
    static final Path SAMPLE = PROJECT.resolve("sample-data");
    static Path work;

    @Test
    @Order(1)
    void nightlyOnTheSampleDataRanksTheLeadersTheSampleReadmeNames() throws Exception {
        work = Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "nightly-it");
        produce("twitter-v2", "relais.posts", SAMPLE.resolve("twitter"));
        produce("blog-links-csv", "relais.blog-links", SAMPLE.resolve("blogs"));
        produce("follows-csv", "relais.follows", SAMPLE.resolve("follows"));

        Run run = relais("nightly", "--run-date", "2026-10-19");
        assertEquals(0, run.code, run.err);
        Path csv = work.resolve("reports/2026-10-19/rankings.csv");
        assertEquals(csv.toString(), run.lastLine(), "the last line is the ranking's path");

        List<CSVRecord> rows = readCsv(csv);
        assertEquals(373, rows.size(), "every actor of the sample has a row");
        assertEquals(EXPECTED_TOP_5, rows.subList(0, 5).stream().map(r -> r.get("actor_id")).collect(Collectors.toSet()));
        double sum = 0;
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            assertEquals(i + 1, Integer.parseInt(r.get("rank")));
            double pr = Double.parseDouble(r.get("pagerank"));
            assertTrue(pr <= previous, "sorted by PageRank, descending, at rank " + (i + 1));
            previous = pr;
            sum += pr;
        }
        assertEquals(1.0, sum, 1e-9, "PageRank scores sum to 1");
        CSVRecord first = rows.get(0);
        assertEquals("CourrierRep", first.get("name"));
        assertEquals("twitter", first.get("platform"));
        List<String> blogs = rows.stream().filter(r -> r.get("platform").equals("blog")).limit(3)
                .map(r -> r.get("actor_id")).toList();
        assertEquals(List.of("blog:chroniques-republicaines.blogspot.com", "blog:lavigiecitoyenne.wordpress.com",
                "blog:blogs.echo-citoyen.example/jeanne-lacombe"), blogs,
                "the top 3 blogs of sample-data/README.md, the third with its path in its id");
        assertEquals(49, rankOf(rows, "twitter:2061738111141462061"), "the sockpuppets' candidate, far down");
        assertEquals(72, rankOf(rows, "blog:la-sentinelle-libre.blogspot.com"), "the link farm's blog, far down");

        JsonNode manifest = manifest("2026-10-19");
        assertEquals("succeeded", manifest.path("status").asText());
        assertEquals(7720, manifest.path("records").path("kafka_records").asLong(),
                "40 pages, 1,303 blog links and 6,377 follows were published");
        assertEquals(3845, manifest.path("records").path("lake_rows").path("posts").asLong(),
                "3,845 distinct tweets (sample-data/README.md)");
        assertEquals(6006, manifest.path("records").path("lake_rows").path("follows").asLong());
        assertEquals(0, manifest.path("quarantined").path("total").asLong());
        // Three topics of three partitions; keyless pages go where the producer's sticky partitioner
        // puts them, so a partition may hold none and is then not listed.
        long consumed = 0;
        Set<String> topics = new java.util.TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("consumed").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> range = it.next();
            topics.add(range.getKey().substring(0, range.getKey().lastIndexOf('/')));
            consumed += range.getValue().path("to").asLong() - range.getValue().path("from").asLong();
        }
        assertEquals(3, topics.size(), topics.toString());
        assertEquals(7720, consumed, "the ranges consumed hold every record published");
        for (String stage : List.of("ingest", "analyze", "report")) {
            assertTrue(manifest.path("durations_seconds").path(stage).asDouble() > 0, stage + " is timed");
        }
        assertEquals("3.5.7", manifest.path("versions").path("spark").asText());
        assertEquals(0.85, manifest.path("parameters").path("relais.pagerank.damping").asDouble());
        assertEquals(1, manifest.path("stages").path("analyze").path("details").path("lake_version").asLong(),
                "analyze records the version it read, which report checks against later deletions");
    }

    @Test
    @Order(2)
    void aSecondRunWithNothingNewAddsNothingAndRanksTheSame() throws Exception {
        List<CSVRecord> before = readCsv(work.resolve("reports/2026-10-19/rankings.csv"));
        Run run = relais("nightly", "--run-date", "2026-10-20");
        assertEquals(0, run.code, run.err);
        JsonNode manifest = manifest("2026-10-20");
        assertEquals(0, manifest.path("records").path("kafka_records").asLong(), "nothing new was read");
        assertEquals(3845, manifest.path("records").path("lake_rows").path("posts").asLong(), "nothing was added");
        assertEquals(1, manifest.path("stages").path("ingest").path("details").path("lake_version").asLong(),
                "no new lake version was committed");
        List<CSVRecord> after = readCsv(work.resolve("reports/2026-10-20/rankings.csv"));
        assertEquals(values(before), values(after), "the same lake gives the same ranking");
    }

    @Test
    @Order(3)
    void aMalformedRecordIsQuarantinedAndTheRunSucceeds() throws Exception {
        Path bad = work.resolve("bad.jsonl");
        Files.writeString(bad, "{\"data\": [{\"id\": \"1\", \"text\": \"cut short\n");
        produceFiles("twitter-v2", "relais.posts", List.of(bad));
        Run run = relais("nightly", "--run-date", "2026-10-21");
        assertEquals(0, run.code, run.err);
        JsonNode manifest = manifest("2026-10-21");
        assertEquals(1, manifest.path("quarantined").path("total").asLong());
        assertEquals(1, manifest.path("quarantined").path("by_reason").path("malformed_json").asLong());
        assertEquals(373, readCsv(work.resolve("reports/2026-10-21/rankings.csv")).size());
    }

    /**
     * The figures README.md gives under "Coordinated amplification": the sample's ring, which leaks
     * its score to the accounts it follows to look ordinary, keeps its candidate 49th; the same ring
     * without its edges to outsiders lifts him to 10th; PageRank from trusted seeds (the four media)
     * holds him back; a cap on repeated interactions lowers the ring's and the farm's actors.
     */
    @Test
    @Order(4)
    void aRingClosedOnItselfRisesWhereTrustedSeedsHoldItBack() throws Exception {
        String candidate = "twitter:2061738111141462061";
        List<CSVRecord> ranking = readCsv(work.resolve("reports/2026-10-19/rankings.csv"));
        String ringCommunity = ranking.stream().filter(r -> r.get("actor_id").equals(candidate)).findFirst()
                .orElseThrow().get("community");
        Set<String> ring = ranking.stream().filter(r -> r.get("community").equals(ringCommunity))
                .map(r -> r.get("actor_id")).collect(Collectors.toSet());
        assertEquals(21, ring.size(), "the 20 sockpuppets and their candidate are a community of their own");

        Path dir = Files.createDirectories(work.resolve("ring"));
        List<Row> edges;
        SparkSession spark = SparkSessions.create("ring-it", SparkExtension.config());
        try {
            edges = spark.read().parquet(work.resolve("lake/edges/run_date=2026-10-19").toString())
                    .select("src", "dst", "weight").collectAsList();
        } finally {
            spark.stop();
        }
        List<String> closed = new ArrayList<>(List.of("source,target,weight"));
        int dropped = 0;
        for (Row e : edges) {
            if (ring.contains(e.getString(0)) && !ring.contains(e.getString(1))) {
                dropped++;
            } else {
                closed.add(e.getString(0) + "," + e.getString(1) + "," + e.getDouble(2));
            }
        }
        assertEquals(472, dropped, "the ring's edge rows to outsiders");
        Files.write(dir.resolve("closed.csv"), closed);
        List<String> nodes = new ArrayList<>(List.of("id"));
        ranking.forEach(r -> nodes.add(r.get("actor_id")));
        Files.write(dir.resolve("nodes.csv"), nodes);
        List<String> media = new ArrayList<>(List.of("id"));
        ranking.stream().filter(r -> Set.of("CourrierRep", "EchoCitoyen", "RadioAgora_info", "CanalHexagone")
                .contains(r.get("name"))).forEach(r -> media.add(r.get("actor_id")));
        assertEquals(5, media.size());
        Files.write(dir.resolve("media.csv"), media);

        Run rank = capture(List.of("rank", "--edges", dir.resolve("closed.csv").toString(), "--nodes",
                dir.resolve("nodes.csv").toString(), "--seeds", dir.resolve("media.csv").toString(), "--out",
                dir.resolve("closed").toString()));
        assertEquals(0, rank.code, rank.err);
        List<CSVRecord> closedRanking = readAnyCsvWithHeader(dir.resolve("closed/rankings.csv"));
        assertEquals(10, positionBy(closedRanking, "pagerank", candidate), "closed on itself, the ring lifts him");
        CSVRecord row = closedRanking.stream().filter(r -> r.get("id").equals(candidate)).findFirst().orElseThrow();
        assertEquals(0.010, Double.parseDouble(row.get("bubble_reach")), 0.0005, "and his bubble reach says so");
        assertEquals(181, positionBy(closedRanking, "personalized_pagerank", candidate),
                "from the media as trusted seeds, he stays far down");
        // PageRank with min-account-age=90d is personalised PageRank from every actor but the ring's 20
        // accounts (49 to 69 days old on the run date; the candidate is 138 days old): closed on itself,
        // the ring then lifts him only to 115th.
        List<String> established = new ArrayList<>(List.of("id"));
        ranking.stream().map(r -> r.get("actor_id")).filter(id -> id.equals(candidate) || !ring.contains(id))
                .forEach(established::add);
        Files.write(dir.resolve("established.csv"), established);
        Run aged = capture(List.of("rank", "--edges", dir.resolve("closed.csv").toString(), "--nodes",
                dir.resolve("nodes.csv").toString(), "--seeds", dir.resolve("established.csv").toString(), "--out",
                dir.resolve("closed-aged").toString()));
        assertEquals(0, aged.code, aged.err);
        assertEquals(115, positionBy(readAnyCsvWithHeader(dir.resolve("closed-aged/rankings.csv")),
                "personalized_pagerank", candidate), "closed on itself, without the new accounts' random jumps");

        Run withAges = relais("analyze", "--run-date", "2026-10-19", "--set", "pagerank.min-account-age=90d");
        assertEquals(0, withAges.code, withAges.err);
        assertEquals(0, relais("report", "--run-date", "2026-10-19").code);
        List<CSVRecord> agedRanking = readCsv(work.resolve("reports/2026-10-19/rankings.csv"));
        assertEquals(335, rankOf(agedRanking, candidate), "min-account-age=90d: the ring's 20 accounts have no random"
                + " jump, and the candidate only what they pass on (networkx with that personalization: 335th)");
        assertEquals(67, rankOf(agedRanking, "blog:la-sentinelle-libre.blogspot.com"), "the farm's blog is no account");
        assertEquals(EXPECTED_TOP_5, agedRanking.subList(0, 5).stream().map(r -> r.get("actor_id"))
                .collect(Collectors.toSet()), "the top five stay the same five");

        Run capped = relais("analyze", "--run-date", "2026-10-19", "--set", "graph.max-repeats=3");
        assertEquals(0, capped.code, capped.err);
        Run report = relais("report", "--run-date", "2026-10-19");
        assertEquals(0, report.code, report.err);
        List<CSVRecord> cappedRanking = readCsv(work.resolve("reports/2026-10-19/rankings.csv"));
        assertEquals(100, rankOf(cappedRanking, candidate), "max-repeats=3: the ring's candidate");
        assertEquals(117, rankOf(cappedRanking, "blog:la-sentinelle-libre.blogspot.com"), "and the farm's blog");
        assertEquals(EXPECTED_TOP_5, cappedRanking.subList(0, 5).stream().map(r -> r.get("actor_id"))
                .collect(Collectors.toSet()), "the top five stay the same five");
    }

    /** The 1-based position of {@code id} when the rows are sorted by {@code column}, descending, ties by id. */
    private static int positionBy(List<CSVRecord> rows, String column, String id) {
        List<CSVRecord> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingDouble((CSVRecord r) -> -Double.parseDouble(r.get(column)))
                .thenComparing(r -> r.get("id")));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).get("id").equals(id)) {
                return i + 1;
            }
        }
        throw new AssertionError(id + " not in the ranking");
    }

    static List<CSVRecord> readAnyCsvWithHeader(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void deleteWork() throws IOException {
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Runs {@code relais ARGS} in this JVM with the test's lake, reports and broker. */
    static Run relais(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lake", work.resolve("lake").toString(), "--reports", work.resolve("reports").toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--master", "local[2]",
                "--config", SAMPLE.resolve("relais.conf").toString(), "--set", "spark.shuffle-partitions=2"));
        return capture(all);
    }

    static Run capture(List<String> args) {
        CommandRun r = CommandRun.of(Relais::commandLine, args.toArray(String[]::new));
        return new Run(r.code(), r.out(), r.err());
    }

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    private static void produce(String format, String topic, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            produceFiles(format, topic, files.sorted().toList());
        }
    }

    private static void produceFiles(String format, String topic, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("produce", "--format", format, "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers()));
        files.forEach(f -> args.add(f.toString()));
        Run run = capture(args);
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("0 rejected"), run.out);
    }

    /** The rows of a rankings.csv, its header checked. */
    static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(RANKING_COLUMNS, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    /** The rows of any CSV file of a report, header and all. */
    static List<CSVRecord> readAnyCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.parse(in)) {
            return parser.getRecords();
        }
    }

    private static int rankOf(List<CSVRecord> rows, String actorId) {
        return rows.stream().filter(r -> r.get("actor_id").equals(actorId)).findFirst()
                .map(r -> Integer.parseInt(r.get("rank"))).orElseThrow();
    }

    private static List<List<String>> values(List<CSVRecord> rows) {
        return rows.stream().map(CSVRecord::toList).toList();
    }

    private static JsonNode manifest(String runDate) throws IOException {
        return Lake.json().readTree(work.resolve("reports").resolve(runDate).resolve("manifest.json").toFile());
    }
}
