package org.relais.reports.html;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.relais.analytics.distributed.MemoryBudget;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.analytics.job.TypeWeights;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.job.IngestJob;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.RunLog;
import org.relais.reports.CsvTable;
import org.relais.reports.CsvTable.Column;
import org.relais.reports.CsvTable.Kind;
import org.relais.reports.Manifest;
import org.relais.reports.ReportJob;
import org.relais.reports.tables.ReportTables;

/**
 * A small report directory as the report job writes it (the columns of docs/reports.md, written
 * by {@link CsvTable} so names get the same neutralisation; {@code manifest.json} built by
 * {@link Manifest#build} from stage records), with names chosen to break a page that does not
 * escape them.
 */
final class ReportFixture {

    static final String RUN_DATE = "2026-10-19";
    static final int ACTORS = 60;
    static final String TOP_NAME = "CourrierRep";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(2)>";
    static final String AMP = "&amp; Co";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\")";
    static final String QUOTE = "O'Brien";
    /** Names of the first actors, by rank; the rest are {@code Actor<rank>}. */
    static final List<String> NAMES = List.of(TOP_NAME, SCRIPT, IMG, AMP, FORMULA, QUOTE, "ArmandDelcourt",
            "chroniques-republicaines.blogspot.com");

    private ReportFixture() {
    }

    static String name(int rank) {
        return rank <= NAMES.size() ? NAMES.get(rank - 1) : "Actor" + rank;
    }

    static String id(int rank) {
        return rank == 8 ? "blog:" + name(rank) : "twitter:" + (1000 + rank);
    }

    static String platform(int rank) {
        return rank == 8 || rank % 10 == 0 ? "blog" : "twitter";
    }

    static double pagerank(int rank) {
        double total = 0;
        for (int r = 1; r <= ACTORS; r++) {
            total += Math.pow(r, -1.1);
        }
        return Math.pow(rank, -1.1) / total;
    }

    static int community(int rank) {
        return rank % 4;
    }

    /** How the run that the fixture's {@code manifest.json} describes went. */
    enum Run {
        /** Every stage succeeded. */
        SUCCEEDED,
        /** Every stage succeeded, recorded by an ingest stage that did not count records per format. */
        WITHOUT_RECORDS_PER_FORMAT,
        /** The report stage failed after writing its files. */
        REPORT_FAILED
    }

    /** Writes every file of a run's report directory into {@code dir}, for a run that succeeded. */
    static void write(Path dir) throws IOException {
        write(dir, Run.SUCCEEDED);
    }

    /** Writes every file of a run's report directory into {@code dir}. */
    static void write(Path dir, Run run) throws IOException {
        Files.createDirectories(dir);
        rankings(dir);
        topInfluencers(dir);
        communities(dir);
        changes(dir);
        explanations(dir);
        manifest(dir, run);
    }

    private static void rankings(Path dir) throws IOException {
        String[] columns = {"rank", "actor_id", "platform", "name", "pagerank", "relais_score", "personalized_pagerank",
            "in_degree", "out_degree", "in_strength", "out_strength", "followers", "reposts_received",
            "mentions_received", "hits_hub", "hits_authority", "k_core", "betweenness", "harmonic_closeness",
            "community", "community_rank", "bubble_reach"};
        List<List<?>> rows = new ArrayList<>();
        for (int r = 1; r <= ACTORS; r++) {
            int inDegree = 300 / r + 1;
            rows.add(Arrays.asList(r, id(r), platform(r), name(r), pagerank(r), 100 - r, null, inDegree, 10, inDegree * 2.5,
                    25.0, inDegree - 1, 3 * inDegree, inDegree / 2, 0.01, 0.02, 5, null, 0.5, community(r), r / 4 + 1,
                    r % 3 == 0 ? null : 0.1 * (r % 10)));
        }
        table(columns, "rank", "name").write(dir.resolve("rankings.csv"), rows.iterator());
    }

    private static void topInfluencers(Path dir) throws IOException {
        String[] columns = {"list", "group", "position", "rank", "actor_id", "platform", "name", "pagerank",
            "relais_score", "community", "in_degree", "followers"};
        List<List<?>> rows = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            rows.add(influencer("overall", "", r, r));
        }
        int twitter = 0;
        int blog = 0;
        for (int r = 1; r <= ACTORS; r++) {
            if (platform(r).equals("twitter") && twitter < 10) {
                rows.add(influencer("platform", "twitter", ++twitter, r));
            } else if (platform(r).equals("blog") && blog < 10) {
                rows.add(influencer("platform", "blog", ++blog, r));
            }
        }
        for (int r = 1; r <= 12; r++) {
            rows.add(influencer("community", String.valueOf(community(r)), r / 4 + 1, r));
        }
        table(columns, "position", "name", "group").write(dir.resolve("top_influencers.csv"), rows.iterator());
    }

    private static List<?> influencer(String list, String group, int position, int r) {
        return Arrays.asList(list, group, position, r, id(r), platform(r), name(r), pagerank(r), 100 - r, community(r),
                300 / r + 1, 300 / r);
    }

    private static void communities(Path dir) throws IOException {
        // As the report stage writes it: names in top_members, their ids in top_member_ids.
        String[] columns = {"community", "size", "modularity_share", "pagerank_mass", "top_members", "top_hashtags",
            "top_domains", "top_member_ids"};
        List<List<?>> rows = List.of(
                Arrays.asList(0, 15, 0.12, 0.41, name(4) + ";" + name(8) + ";" + name(12),
                        "#Présidentielle2027;" + SCRIPT, "courrier-republicain.example;lavigiecitoyenne.wordpress.com",
                        id(4) + ";" + id(8) + ";" + id(12)),
                Arrays.asList(1, 16, 0.1, 0.3, name(1) + ";" + name(5) + ";" + name(9), "#GrandOral2027;#Retraites",
                        "union-liberale.example", id(1) + ";" + id(5) + ";" + id(9)),
                Arrays.asList(2, 15, 0.08, 0.17, name(2) + ";" + name(6), "#AffaireDesBlogs", "",
                        id(2) + ";" + id(6)),
                Arrays.asList(3, 14, 0.05, 0.12, name(3) + ";" + name(7) + ";Inconnu", "", "",
                        id(3) + ";" + id(7) + ";twitter:unknown"));
        table(columns, "modularity_share", "top_hashtags", "top_domains", "top_member_ids")
                .write(dir.resolve("communities.csv"), rows.iterator());
    }

    private static void changes(Path dir) throws IOException {
        String[] columns = {"actor_id", "name", "platform", "status", "rank", "previous_rank", "rank_change",
            "pagerank", "previous_pagerank", "pagerank_change", "relais_score_change"};
        List<List<?>> rows = new ArrayList<>();
        for (int r = 1; r <= ACTORS; r++) {
            String status;
            Integer previous;
            if (r == 2 || r == 40) {
                status = "new";
                previous = null;
            } else if (r % 5 == 0) {
                status = "unchanged";
                previous = r;
            } else {
                status = "moved";
                previous = r % 2 == 0 ? r + r % 7 + 1 : Math.max(1, r - r % 6 - 1);
            }
            Integer change = previous == null ? null : previous - r;
            Double previousPagerank = previous == null ? null : pagerank(previous);
            rows.add(Arrays.asList(id(r), name(r), platform(r), status, r, previous, change, pagerank(r),
                    previousPagerank, previousPagerank == null ? null : pagerank(r) - previousPagerank, null));
        }
        rows.add(Arrays.asList("twitter:999", "Gone<b>", "twitter", "dropped", null, 30, null, null, 0.001, null, null));
        table(columns, "name", "status").write(dir.resolve("changes.csv"), rows.iterator());
    }

    private static void explanations(Path dir) throws IOException {
        String[] columns = {"actor_rank", "actor_id", "actor_name", "kind", "position", "item", "item_name", "mass",
            "share"};
        List<List<?>> rows = List.of(
                Arrays.asList(1, id(1), name(1), "baseline", 1, "random_jump", "", 0.002, 0.05),
                Arrays.asList(1, id(1), name(1), "contributor", 1, id(7), name(7), 0.01, 0.3),
                Arrays.asList(1, id(1), name(1), "edge_type", 1, "follow", "", 0.03, 0.95));
        table(columns, "actor_name", "item_name").write(dir.resolve("explanations.csv"), rows.iterator());
    }

    /**
     * Writes {@code manifest.json} as the report stage does: stage records in a run log (kept in a
     * throw-away lake), with the figures the ingest, analyze and report jobs record, gathered by
     * {@link Manifest#build}.
     */
    private static void manifest(Path dir, Run run) throws IOException {
        Path lakeDir = Files.createTempDirectory("relais-run-log");
        try {
            RelaisConfig config = RelaisConfig.builder()
                    .set("relais.kafka.topics", List.of("relais.posts", "relais.follows"))
                    .set("relais.report.communities.exclude-domains", List.of("x.com", IMG))
                    .build();
            RunLog runLog = new RunLog(Lake.open(lakeDir.toString(), new Configuration()), RUN_DATE);
            Instant t0 = Instant.parse(RUN_DATE + "T02:00:00Z");
            Instant analyzed = t0.plusMillis(12_500);
            Instant reported = analyzed.plusMillis(30_250);
            runLog.succeeded("ingest", t0, analyzed, ingest(run));
            runLog.succeeded("analyze", analyzed, reported, analyze(config));
            ObjectNode report = null;
            if (run == Run.REPORT_FAILED) {
                runLog.failed("report", reported, reported.plusSeconds(4), "disk <full>", null);
            } else {
                report = runLog.succeeded("report", reported, reported.plusSeconds(4), report(dir));
            }
            Manifest.write(dir.resolve("manifest.json"), Manifest.build(runLog, config, report));
        } finally {
            try (Stream<Path> files = Files.walk(lakeDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The ingest stage's figures, as {@code IngestJob} and the ingest stage record them. */
    private static ObjectNode ingest(Run run) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        ranges.put("relais.posts/0", new long[] {0, 40});
        ranges.put("relais.blog-links/0", new long[] {0, 1303});
        ranges.put("relais.follows/0", new long[] {0, 6377});
        Map<String, Long> quarantined = new LinkedHashMap<>();
        quarantined.put("bad_json", 2L);
        quarantined.put(SCRIPT, 1L);
        Map<String, Long> byFormat = new LinkedHashMap<>();
        byFormat.put("twitter-v2", 40L);
        byFormat.put("blog-links-csv", 1303L);
        byFormat.put("follows-csv", 6377L);
        LakeState.Batch batch = new LakeState.Batch(RUN_DATE, ranges, 7720, ordered("posts", 3845L, "follows", 6006L),
                ordered("posts", 52L, "follows", 371L), quarantined, Map.of("posts", 3L), byFormat, Map.of());
        ObjectNode details = new IngestJob.Result(2, batch, Map.of("relais.posts/0", 5L), false)
                .toJson();
        details.set("lake_rows", Lake.json().valueToTree(ordered("posts", 3845L, "follows", 6006L)));
        if (run == Run.WITHOUT_RECORDS_PER_FORMAT) {
            details.remove("by_format");
        }
        return details;
    }

    /** The analyze stage's figures, as {@code AnalyzeJob} records them when PageRank runs on Spark. */
    private static ObjectNode analyze(RelaisConfig config) {
        ObjectNode measures = Lake.json().createObjectNode();
        measures.putObject("pagerank").put("damping", 0.85).put("iterations", 50).put("converged", true)
                .put("l1_change", 1e-16);
        return new AnalyzeJob.Result(ACTORS, 7227, ordered("follow", 6006L, "repost", 1221L),
                MemoryBudget.Path.DISTRIBUTED, 1_000_000L, 50, true, measures).toJson(TypeWeights.from(config));
    }

    /** The report stage's figures, as {@code ReportJob} records them. */
    private static ObjectNode report(Path dir) {
        ReportTables.Result tables = new ReportTables.Result(List.of(
                new ReportTables.Output("top_influencers.csv", 42), new ReportTables.Output("communities.csv", 4),
                new ReportTables.Output("changes.csv", ACTORS + 1), new ReportTables.Output("explanations.csv", 3)),
                List.of("top_influencers", "community_report", "changes"), "2026-10-18", 0, false, 0);
        return new ReportJob.Result(dir, dir.resolve("rankings.csv"), ACTORS, List.of(), tables).toJson();
    }

    private static Map<String, Long> ordered(String k1, long v1, String k2, long v2) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** A CSV table whose {@code text} columns are neutralised; the others are written as they are. */
    private static CsvTable table(String[] columns, String... text) {
        List<Column> list = new ArrayList<>();
        List<String> textColumns = List.of(text);
        for (String c : columns) {
            list.add(new Column(c, textColumns.contains(c) ? Kind.TEXT : Kind.NUMBER));
        }
        return new CsvTable(list);
    }
}
