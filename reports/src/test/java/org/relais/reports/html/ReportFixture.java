package org.relais.reports.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relais.reports.CsvTable;
import org.relais.reports.CsvTable.Column;
import org.relais.reports.CsvTable.Kind;

/**
 * A small report directory as the report job writes it (the columns of docs/reports.md, written
 * by {@link CsvTable} so names get the same neutralisation), with names chosen to break a page
 * that does not escape them.
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

    /** Writes every file of a run's report directory into {@code dir}. */
    static void write(Path dir, boolean manifestHasByFormat) throws IOException {
        Files.createDirectories(dir);
        rankings(dir);
        topInfluencers(dir);
        communities(dir);
        changes(dir);
        explanations(dir);
        manifest(dir, manifestHasByFormat);
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
        String[] columns = {"community", "size", "modularity_share", "pagerank_mass", "top_members", "top_hashtags",
            "top_domains"};
        List<List<?>> rows = List.of(
                Arrays.asList(0, 15, 0.12, 0.41, id(4) + ";" + id(8) + ";" + id(12), "#Présidentielle2027;" + SCRIPT,
                        "courrier-republicain.example;lavigiecitoyenne.wordpress.com"),
                Arrays.asList(1, 16, 0.1, 0.3, id(1) + ";" + id(5) + ";" + id(9), "#GrandOral2027;#Retraites",
                        "union-liberale.example"),
                Arrays.asList(2, 15, 0.08, 0.17, id(2) + ";" + id(6), "#AffaireDesBlogs", ""),
                Arrays.asList(3, 14, 0.05, 0.12, id(3) + ";" + id(7) + ";twitter:unknown", "", ""));
        table(columns, "modularity_share", "top_hashtags", "top_domains").write(dir.resolve("communities.csv"),
                rows.iterator());
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

    private static void manifest(Path dir, boolean withByFormat) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("run_date", RUN_DATE);
        m.put("status", "succeeded");
        m.putObject("consumed").putObject("relais.posts/0").put("from", 0).put("to", 40);
        ObjectNode records = m.putObject("records");
        records.put("kafka_records", 7720);
        if (withByFormat) {
            records.putObject("by_format").put("twitter-v2", 40).put("blog-links-csv", 1303).put("follows-csv", 6377);
        }
        records.putObject("rows_added").put("posts", 3845).put("follows", 6006);
        records.putObject("duplicates_dropped").put("posts", 52).put("follows", 371);
        records.putObject("lake_rows").put("posts", 3845).put("follows", 6006);
        ObjectNode quarantined = m.putObject("quarantined");
        quarantined.put("total", 3);
        quarantined.putObject("by_reason").put("bad_json", 2).put(SCRIPT, 1);
        m.putObject("durations_seconds").put("ingest", 12.5).put("analyze", 30.25).put("report", 4.0);
        ObjectNode stages = m.putObject("stages");
        ObjectNode ingest = stages.putObject("ingest");
        ingest.put("status", "succeeded").put("started_at", "2026-10-19T02:00:00Z")
                .put("finished_at", "2026-10-19T02:00:12.500Z").put("seconds", 12.5);
        ingest.putObject("details").putObject("lost_to_retention").put("relais.posts/0", 5);
        ObjectNode analyze = stages.putObject("analyze");
        analyze.put("status", "succeeded").put("seconds", 30.25);
        ObjectNode details = analyze.putObject("details");
        details.put("actors", ACTORS).put("edges", 7227);
        details.putObject("pagerank").put("damping", 0.85).put("iterations", 50).put("converged", true);
        stages.putObject("report").put("status", "succeeded").put("seconds", 4.0);
        ObjectNode parameters = m.putObject("parameters");
        parameters.put("relais.pagerank.damping", 0.85);
        parameters.putArray("relais.kafka.topics").add("relais.posts").add("relais.follows");
        parameters.put("relais.graph.weights.note", IMG);
        m.putObject("versions").put("relais", "0.1.0-TEST").put("spark", "3.5.7").put("java", "17.0.15");
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), m);
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
