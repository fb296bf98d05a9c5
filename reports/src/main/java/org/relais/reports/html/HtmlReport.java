package org.relais.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relais.reports.Manifest;
import org.relais.reports.html.Page.Column;

/**
 * A run's {@code report.html}: one self-contained page for analysts, made from the CSV files and
 * {@code manifest.json} of the run's report directory. It holds the top influencers, the score
 * distribution, the communities, the night's biggest movers, the ingest figures, the parameters,
 * stage durations and software versions. Styles and charts (SVG) are inline and the page forbids
 * itself scripts and network access, so it opens the same from a mail attachment, a file share or
 * an air-gapped machine. A file that is missing leaves its section saying so; only
 * {@code report.html} is written.
 *
 * <p>Names are shown exactly as the CSV holds them, escaped: a name the CSV writer neutralised
 * against spreadsheet formulas keeps its leading {@code '}, so what the page shows is what a
 * reader finds in the files.
 */
public final class HtmlReport {

    /** The file written into the report directory. */
    public static final String FILE = "report.html";

    static final int TOP = 20;
    static final int COMMUNITIES_IN_CHART = 15;
    static final int COMMUNITIES_IN_TABLE = 20;
    static final int MOVERS = 10;
    static final int LEADERS_PER_PLATFORM = 5;
    static final int LIST_ITEMS = 5;

    // The columns read, as docs/reports.md names them.
    private static final String RANK = "rank";
    private static final String PLATFORM = "platform";
    private static final String NAME = "name";
    private static final String PAGERANK = "pagerank";
    private static final String RELAIS_SCORE = "relais_score";
    private static final String IN_DEGREE = "in_degree";
    private static final String FOLLOWERS = "followers";
    private static final String COMMUNITY = "community";

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private final JsonNode manifest;
    private final String manifestProblem;
    private final Ranking ranking;
    private final List<CsvRows.Row> communities;
    private final List<CsvRows.Row> topInfluencers;
    private final Changes changes;

    private HtmlReport(Path dir, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        JsonNode m = MissingNode.getInstance();
        String problem = null;
        if (Files.isRegularFile(dir.resolve("manifest.json"))) {
            try {
                m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
            } catch (JsonProcessingException e) {
                problem = "manifest.json could not be read: " + e.getOriginalMessage();
            }
        } else {
            problem = "manifest.json is not available for this run.";
        }
        this.manifest = m;
        this.manifestProblem = problem;
        this.communities = readIfPresent("communities.csv");
        this.topInfluencers = readIfPresent("top_influencers.csv");
        this.ranking = Files.isRegularFile(dir.resolve("rankings.csv"))
                ? Ranking.read(dir.resolve("rankings.csv")) : null;
        this.changes = Files.isRegularFile(dir.resolve("changes.csv")) ? Changes.read(dir.resolve("changes.csv")) : null;
    }

    /**
     * Writes {@code report.html} into {@code reportDir} (a run's report directory, staged or
     * final) from the files there, replacing any previous one.
     *
     * @return the file written
     */
    public static Path write(Path reportDir) throws IOException {
        return write(reportDir, Clock.systemUTC());
    }

    static Path write(Path reportDir, Clock clock) throws IOException {
        String html = new HtmlReport(reportDir, clock).render();
        Path target = reportDir.resolve(FILE);
        Path temporary = reportDir.resolve("." + FILE + ".tmp");
        Files.writeString(temporary, html, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private String render() {
        Page page = new Page("Relais report " + runDate());
        header(page);
        page.raw("<main>\n");
        topInfluencers(page);
        scoreDistribution(page);
        communities(page);
        movers(page);
        ingestHealth(page);
        parametersAndStages(page);
        versions(page);
        page.raw("</main>\n");
        return page.finish("Written by Relais " + Manifest.relaisVersion() + " on "
                + GENERATED.format(clock.instant()) + " from the files of this directory. "
                + "This page loads nothing from the network.");
    }

    // ---------------------------------------------------------------- sections

    private void header(Page page) {
        page.raw("<header>\n").heading(1, "Relais report — run " + runDate());
        String status = manifest.path("status").asText("unknown");
        page.raw("<p class=\"status status-" + (status.equals("succeeded") || status.equals("failed") ? status
                : "unknown") + "\">Status: " + Html.escape(status) + "</p>\n");
        List<String> facts = new ArrayList<>(List.of(
                "Run date", runDate(),
                "Relais version", manifest.path("versions").path("relais").asText("unknown"),
                "Generated", GENERATED.format(clock.instant()),
                "Actors ranked", ranking == null ? "rankings.csv not available" : Format.integer(ranking.count)));
        JsonNode analyze = manifest.path("stages").path("analyze").path("details");
        if (analyze.has("actors")) {
            facts.addAll(List.of("Graph", Format.integer(analyze.path("actors").asDouble()) + " actors, "
                    + Format.integer(analyze.path("edges").asDouble()) + " edges"));
        }
        JsonNode pr = analyze.path("measures").path("pagerank");
        if (pr.has("iterations")) {
            facts.addAll(List.of("PageRank", (pr.path("converged").asBoolean() ? "converged after " : "did not converge in ")
                    + pr.path("iterations").asText() + " iterations (damping " + pr.path("damping").asText() + ")"));
        }
        manifest.path("stages").fields().forEachRemaining(e -> {
            if (e.getValue().has("cause")) {
                facts.addAll(List.of("Stage " + e.getKey() + " failed", e.getValue().path("cause").asText()));
            }
        });
        page.facts(facts);
        if (manifestProblem != null) {
            page.notAvailable(manifestProblem);
        }
        page.raw("""
                <nav aria-label="Sections"><ul>
                <li><a href="#top-influencers">Top influencers</a></li>
                <li><a href="#distribution">Score distribution</a></li>
                <li><a href="#communities">Communities</a></li>
                <li><a href="#movers">Biggest movers</a></li>
                <li><a href="#ingest">Ingest health</a></li>
                <li><a href="#parameters">Parameters and stages</a></li>
                <li><a href="#versions">Versions</a></li>
                </ul></nav>
                </header>
                """);
    }

    private void topInfluencers(Page page) {
        page.beginSection("top-influencers", "Top influencers");
        List<CsvRows.Row> top = ranking != null ? ranking.top : overallFromTopInfluencers();
        if (top == null) {
            page.notAvailable("rankings.csv is not available for this run.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (CsvRows.Row r : top) {
                rows.add(List.of(Format.integer(r.number(RANK)), r.text(NAME), r.text(PLATFORM),
                        Format.score(r.number(PAGERANK)), Format.decimal(r.number(RELAIS_SCORE), 1),
                        communityLabel(r.number(COMMUNITY)), Format.integer(r.number(IN_DEGREE)),
                        Format.integer(r.number(FOLLOWERS))));
            }
            page.table("The " + top.size() + " actors with the highest PageRank",
                    List.of(Column.number("Rank"), Column.text("Name"), Column.text("Platform"),
                            Column.number("PageRank"), Column.number("Relais score"), Column.number("Community"),
                            Column.number("In-degree"), Column.number("Followers")),
                    rows);
            page.note("Names are shown as rankings.csv holds them. PageRank sums to 1 over the run; the Relais "
                    + "score maps it to 0–100 on a log scale. In-degree counts distinct actors that relay, follow, "
                    + "mention or link to the actor; followers are the follows observed in the lake. "
                    + "– marks a measure this run did not compute.");
        }
        page.heading(3, "Leaders by platform");
        if (topInfluencers == null) {
            page.notAvailable("top_influencers.csv is not available for this run.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            topInfluencers.stream()
                    .filter(r -> r.text("list").equals("platform") && r.number("position") <= LEADERS_PER_PLATFORM)
                    .sorted(Comparator.comparing((CsvRows.Row r) -> r.text("group"))
                            .thenComparingDouble(r -> r.number("position")))
                    .forEach(r -> rows.add(List.of(r.text("group"), Format.integer(r.number("position")),
                            Format.integer(r.number(RANK)), r.text(NAME), Format.score(r.number(PAGERANK)),
                            Format.decimal(r.number(RELAIS_SCORE), 1))));
            if (rows.isEmpty()) {
                page.notAvailable("top_influencers.csv has no per-platform list.");
            } else {
                page.table("The first " + LEADERS_PER_PLATFORM + " actors of each platform",
                        List.of(Column.text("Platform"), Column.number("Position"), Column.number("Overall rank"),
                                Column.text("Name"), Column.number("PageRank"), Column.number("Relais score")),
                        rows);
            }
        }
        page.endSection();
    }

    private void scoreDistribution(Page page) {
        page.beginSection("distribution", "Score distribution");
        if (ranking == null || ranking.count == 0) {
            page.notAvailable("rankings.csv is not available for this run.");
            page.endSection();
            return;
        }
        double[] pagerank = Arrays.copyOf(ranking.pagerank, ranking.count);
        double[] logPagerank = new double[pagerank.length];
        double[] ranks = new double[pagerank.length];
        double total = 0;
        for (int i = 0; i < pagerank.length; i++) {
            logPagerank[i] = pagerank[i] > 0 ? Math.log10(pagerank[i]) : Double.NaN;
            ranks[i] = i + 1;
            total += Double.isFinite(pagerank[i]) ? pagerank[i] : 0;
        }
        int onePercent = Math.max(1, (int) Math.ceil(pagerank.length / 100.0));
        page.paragraph("The top 10 actors hold " + Format.percent(sumOfFirst(pagerank, 10) / total)
                + " of the PageRank; the top 1% (" + Format.integer(onePercent) + " actor(s)) hold "
                + Format.percent(sumOfFirst(pagerank, onePercent) / total) + ".");
        page.raw("<div class=\"columns\">\n");
        page.chart(orNothing(Charts.histogram("Actors by PageRank (log scale)", "PageRank", logPagerank, 40,
                v -> Format.significant(Math.pow(10, v), 2))));
        page.chart(orNothing(Charts.logLog("PageRank by rank (log-log)", "rank", "PageRank", ranks, pagerank)));
        double[] relais = Arrays.copyOf(ranking.relaisScore, ranking.count);
        String relaisChart = Charts.histogram("Actors by Relais score", "Relais score", relais, 20,
                v -> Format.decimal(v, 0));
        page.chart(orNothing(relaisChart));
        page.raw("</div>\n");
        if (relaisChart == null) {
            page.notAvailable("Relais scores were not computed in this run.");
        }
        page.note("A straight line on the log-log plot is a power law: a few actors receive most of the attention.");
        page.endSection();
    }

    private void communities(Page page) {
        page.beginSection("communities", "Communities");
        if (communities == null) {
            page.notAvailable("communities.csv is not available for this run.");
            page.endSection();
            return;
        }
        List<CsvRows.Row> bySize = new ArrayList<>(communities);
        bySize.sort(Comparator.comparingDouble((CsvRows.Row r) -> -finiteOr(r.number("size"), 0))
                .thenComparingDouble(r -> finiteOr(r.number(COMMUNITY), 0)));
        page.paragraph(Format.integer(bySize.size()) + " communities. The largest "
                + Math.min(COMMUNITIES_IN_CHART, bySize.size()) + " by number of members:");
        List<String> labels = new ArrayList<>();
        List<CsvRows.Row> charted = bySize.subList(0, Math.min(COMMUNITIES_IN_CHART, bySize.size()));
        double[] sizes = new double[charted.size()];
        for (int i = 0; i < charted.size(); i++) {
            List<String> members = members(charted.get(i));
            labels.add(communityLabel(charted.get(i).number(COMMUNITY))
                    + (members.isEmpty() ? "" : " · " + members.get(0)));
            sizes[i] = charted.get(i).number("size");
        }
        page.chart(orNothing(Charts.bars("Members per community", labels, sizes, Format::integer)));
        List<List<String>> rows = new ArrayList<>();
        for (CsvRows.Row r : bySize.subList(0, Math.min(COMMUNITIES_IN_TABLE, bySize.size()))) {
            rows.add(List.of(communityLabel(r.number(COMMUNITY)), Format.integer(r.number("size")),
                    Format.percent(r.number("pagerank_mass")), Format.decimal(r.number("modularity_share"), 3),
                    joined(members(r)), joined(items(r.text("top_hashtags"))), joined(items(r.text("top_domains")))));
        }
        page.table("The " + rows.size() + " largest communities",
                List.of(Column.number("Community"), Column.number("Members"), Column.number("PageRank share"),
                        Column.number("Modularity share"), Column.text("Top members"), Column.text("Top hashtags"),
                        Column.text("Top domains")),
                rows);
        page.note("Communities are found in the interaction graph; ids are numbered by size, 0 the largest. "
                + "PageRank share is the sum of the members' PageRank. communities.csv lists every community.");
        page.endSection();
    }

    private void movers(Page page) {
        page.beginSection("movers", "Biggest movers");
        if (changes == null) {
            page.notAvailable("changes.csv is not available for this run (it needs a previous run to compare with).");
            page.endSection();
            return;
        }
        Map<String, Integer> byStatus = changes.byStatus;
        page.facts(List.of(
                "New entrants", Format.integer(byStatus.getOrDefault("new", 0)),
                "Dropped out", Format.integer(byStatus.getOrDefault("dropped", 0)),
                "Moved", Format.integer(byStatus.getOrDefault("moved", 0)),
                "Unchanged", Format.integer(byStatus.getOrDefault("unchanged", 0))));
        List<Column> columns = List.of(Column.text("Name"), Column.text("Platform"), Column.number("Rank"),
                Column.number("Previous rank"), Column.number("Change"), Column.number("PageRank change"));
        page.beginColumns();
        page.heading(3, "Risers");
        moverTable(page, "Actors that rose, by PageRank gained", changes.risers, columns);
        page.nextColumn();
        page.heading(3, "Fallers");
        moverTable(page, "Actors that fell, by PageRank lost", changes.fallers, columns);
        page.nextColumn();
        page.heading(3, "New entrants");
        List<CsvRows.Row> best = changes.entrants;
        if (best.isEmpty()) {
            page.paragraph("No new actor in this run.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (CsvRows.Row r : best) {
                rows.add(List.of(r.text(NAME), r.text(PLATFORM), Format.integer(r.number(RANK)),
                        Format.score(r.number(PAGERANK))));
            }
            page.table("The best-ranked of the " + Format.integer(byStatus.getOrDefault("new", 0))
                    + " actors not ranked in the previous run",
                    List.of(Column.text("Name"), Column.text("Platform"), Column.number("Rank"),
                            Column.number("PageRank")),
                    rows);
        }
        page.endColumns();
        page.note("Changes are against the previous run; a positive change means the actor rose. Risers and "
                + "fallers are ordered by the PageRank they gained or lost, not by places: at the bottom of a "
                + "ranking many actors have almost the same score, and a tiny change moves them by hundreds of "
                + "places. changes.csv has every actor.");
        page.endSection();
    }

    private void moverTable(Page page, String caption, List<CsvRows.Row> best, List<Column> columns) {
        if (best.isEmpty()) {
            page.paragraph("None.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CsvRows.Row r : best) {
            rows.add(List.of(r.text(NAME), r.text(PLATFORM), Format.integer(r.number(RANK)),
                    Format.integer(r.number("previous_rank")), Format.signed(r.number("rank_change")),
                    Format.signedScore(r.number("pagerank_change"))));
        }
        page.table(caption, columns, rows);
    }

    private void ingestHealth(Page page) {
        page.beginSection("ingest", "Ingest health");
        if (manifestProblem != null) {
            page.notAvailable(manifestProblem);
            page.endSection();
            return;
        }
        JsonNode records = manifest.path("records");
        JsonNode quarantined = manifest.path("quarantined");
        page.facts(List.of(
                "Kafka records read", Format.integer(records.path("kafka_records").asDouble(Double.NaN)),
                "Quarantined", Format.integer(quarantined.path("total").asDouble(Double.NaN))));

        page.beginColumns();
        page.heading(3, "Records per format");
        if (records.path("by_format").isObject()) {
            page.table("Kafka records read, by input format", List.of(Column.text("Format"), Column.number("Records")),
                    numbersOf(records.path("by_format")));
        } else {
            page.notAvailable("Not recorded in this run's manifest.");
        }

        page.nextColumn();
        page.heading(3, "Rows per table");
        Set<String> tables = new TreeSet<>();
        for (String field : List.of("rows_added", "duplicates_dropped", "lake_rows")) {
            records.path(field).fieldNames().forEachRemaining(tables::add);
        }
        if (tables.isEmpty()) {
            page.notAvailable("Not recorded in this run's manifest.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (String t : tables) {
                rows.add(List.of(t, Format.integer(records.path("rows_added").path(t).asDouble(Double.NaN)),
                        Format.integer(records.path("duplicates_dropped").path(t).asDouble(Double.NaN)),
                        Format.integer(records.path("lake_rows").path(t).asDouble(Double.NaN))));
            }
            page.table("Rows added to the lake by this run", List.of(Column.text("Table"), Column.number("Rows added"),
                    Column.number("Duplicates dropped"), Column.number("Rows in the lake")), rows);
        }

        page.nextColumn();
        page.heading(3, "Quarantined, by reason");
        JsonNode byReason = quarantined.path("by_reason");
        if (byReason.isObject() && byReason.size() > 0) {
            page.table("Records sent to quarantine", List.of(Column.text("Reason"), Column.number("Records")),
                    numbersOf(byReason));
        } else if (byReason.isObject() || quarantined.path("total").asLong(-1) == 0) {
            page.paragraph("Nothing was quarantined.");
        } else {
            page.notAvailable("Not recorded in this run's manifest.");
        }

        page.nextColumn();
        page.heading(3, "Lost to Kafka's retention");
        JsonNode lost = records.has("lost_to_retention") ? records.path("lost_to_retention")
                : manifest.path("stages").path("ingest").path("details").path("lost_to_retention");
        if (lost.isObject() && lost.size() > 0) {
            page.table("Records Kafka deleted before a run read them", List.of(Column.text("Topic/partition"),
                    Column.number("Records")), numbersOf(lost));
        } else if (lost.isObject()) {
            page.paragraph("None: every record was read before Kafka's retention deleted it.");
        } else {
            page.notAvailable("Not recorded in this run's manifest.");
        }

        page.nextColumn();
        page.heading(3, "Consumed from Kafka");
        JsonNode consumed = manifest.path("consumed");
        if (consumed.isObject() && consumed.size() > 0) {
            List<List<String>> rows = new ArrayList<>();
            consumed.fields().forEachRemaining(e -> {
                double from = e.getValue().path("from").asDouble(Double.NaN);
                double to = e.getValue().path("to").asDouble(Double.NaN);
                rows.add(List.of(e.getKey(), Format.integer(from), Format.integer(to), Format.integer(to - from)));
            });
            page.table("Offsets read per topic partition (from inclusive, to exclusive)", List.of(
                    Column.text("Topic/partition"), Column.number("From"), Column.number("To"),
                    Column.number("Records")), rows);
        } else {
            page.paragraph("Nothing new was read from Kafka.");
        }
        page.endColumns();
        page.endSection();
    }

    private void parametersAndStages(Page page) {
        page.beginSection("parameters", "Parameters and stages");
        if (manifestProblem != null) {
            page.notAvailable(manifestProblem);
            page.endSection();
            return;
        }
        JsonNode stages = manifest.path("stages");
        JsonNode durations = manifest.path("durations_seconds");
        Set<String> names = new LinkedHashSet<>();
        stages.fieldNames().forEachRemaining(names::add);
        durations.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            page.notAvailable("No stage is recorded in this run's manifest.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (String s : names) {
                JsonNode stage = stages.path(s);
                double seconds = durations.has(s) ? durations.path(s).asDouble() : stage.path("seconds").asDouble(Double.NaN);
                rows.add(List.of(s, stage.path("status").asText(""), stage.path("started_at").asText(""),
                        stage.path("finished_at").asText(""), Format.decimal(seconds, 1)));
            }
            page.table("Stages of the run", List.of(Column.text("Stage"), Column.text("Status"), Column.text("Started"),
                    Column.text("Finished"), Column.number("Seconds")), rows);
        }
        JsonNode parameters = manifest.path("parameters");
        if (parameters.isObject() && parameters.size() > 0) {
            List<List<String>> rows = new ArrayList<>();
            parameters.fields().forEachRemaining(e -> rows.add(List.of(e.getKey(), valueText(e.getValue()))));
            page.table("The configuration that shaped the run", List.of(Column.text("Key"), Column.text("Value")), rows);
            page.note("Secrets are never written to the manifest. docs/configuration.md describes every key.");
        } else {
            page.notAvailable("No parameters are recorded in this run's manifest.");
        }
        page.endSection();
    }

    private void versions(Page page) {
        page.beginSection("versions", "Software versions");
        JsonNode versions = manifest.path("versions");
        if (versions.isObject() && versions.size() > 0) {
            List<List<String>> rows = new ArrayList<>();
            versions.fields().forEachRemaining(e -> rows.add(List.of(e.getKey(), valueText(e.getValue()))));
            page.table("What computed this run", List.of(Column.text("Component"), Column.text("Version")), rows);
        } else {
            page.notAvailable(manifestProblem != null ? manifestProblem : "No versions are recorded in this run's manifest.");
        }
        page.endSection();
    }

    // ---------------------------------------------------------------- helpers

    private String runDate() {
        String date = manifest.path("run_date").asText("");
        if (!date.isEmpty()) {
            return date;
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name != null && name.toString().matches("\\d{4}-\\d{2}-\\d{2}") ? name.toString() : "(unknown date)";
    }

    private List<CsvRows.Row> readIfPresent(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? CsvRows.readAll(file) : null;
    }

    private List<CsvRows.Row> overallFromTopInfluencers() {
        if (topInfluencers == null) {
            return null;
        }
        return topInfluencers.stream().filter(r -> r.text("list").equals("overall"))
                .sorted(Comparator.comparingDouble(r -> r.number("position"))).limit(TOP).toList();
    }

    /** A community's top members: their names, as communities.csv gives them. */
    private static List<String> members(CsvRows.Row community) {
        return items(community.text("top_members"));
    }

    /** The first items of a {@code ;}-separated cell. */
    private static List<String> items(String cell) {
        List<String> items = new ArrayList<>();
        for (String s : cell.split(";")) {
            if (!s.isBlank() && items.size() < LIST_ITEMS) {
                items.add(s.strip());
            }
        }
        return items;
    }

    private static String joined(List<String> items) {
        return items.isEmpty() ? Format.NONE : String.join(", ", items);
    }

    private static String communityLabel(double id) {
        return Double.isFinite(id) ? Format.integer(id) : Format.NONE;
    }

    private static List<List<String>> numbersOf(JsonNode object) {
        List<List<String>> rows = new ArrayList<>();
        object.fields().forEachRemaining(e -> rows.add(List.of(e.getKey(), Format.integer(e.getValue().asDouble(Double.NaN)))));
        return rows;
    }

    /** A scalar as is, a list of scalars joined with ", " (so that it wraps), anything else as JSON. */
    private static String valueText(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!value.isArray() || !item.isValueNode()) {
                return value.toString();
            }
            items.add(item.asText());
        }
        return String.join(", ", items);
    }

    private static double sumOfFirst(double[] values, int n) {
        double sum = 0;
        for (int i = 0; i < Math.min(n, values.length); i++) {
            sum += Double.isFinite(values[i]) ? values[i] : 0;
        }
        return sum;
    }

    private static double finiteOr(double v, double otherwise) {
        return Double.isFinite(v) ? v : otherwise;
    }

    private static String orNothing(String chart) {
        return chart == null ? "" : chart;
    }

    /**
     * What the page needs of rankings.csv, read in one pass: the first rows, and every PageRank
     * and Relais score (for the charts). Memory grows by 16 bytes per actor, so a ranking of
     * millions of actors fits.
     */
    private static final class Ranking {
        final List<CsvRows.Row> top = new ArrayList<>();
        double[] pagerank = new double[1024];
        double[] relaisScore = new double[1024];
        int count;

        static Ranking read(Path file) throws IOException {
            Ranking r = new Ranking();
            CsvRows.forEach(file, row -> {
                if (r.top.size() < TOP) {
                    r.top.add(row);
                }
                if (r.count == r.pagerank.length) {
                    r.pagerank = Arrays.copyOf(r.pagerank, 2 * r.count);
                    r.relaisScore = Arrays.copyOf(r.relaisScore, 2 * r.count);
                }
                r.pagerank[r.count] = row.number(PAGERANK);
                r.relaisScore[r.count] = row.number(RELAIS_SCORE);
                r.count++;
            });
            return r;
        }
    }

    /**
     * What the page needs of changes.csv, read in one pass: how many actors have each status, the
     * actors that rose or fell with the most PageRank gained or lost, and the best-ranked new
     * entrants.
     */
    private static final class Changes {
        final Map<String, Integer> byStatus = new TreeMap<>();
        List<CsvRows.Row> risers;
        List<CsvRows.Row> fallers;
        List<CsvRows.Row> entrants;

        static Changes read(Path file) throws IOException {
            Changes c = new Changes();
            // By PageRank gained or lost, not by places: at the bottom of a ranking many actors have
            // almost the same score, and a tiny change moves them by hundreds of places.
            Best<CsvRows.Row> risers = new Best<>(MOVERS, Comparator.comparingDouble(
                    (CsvRows.Row r) -> -finiteOr(r.number("pagerank_change"), 0))
                    .thenComparingDouble(r -> -r.number("rank_change")).thenComparingDouble(r -> r.number(RANK)));
            Best<CsvRows.Row> fallers = new Best<>(MOVERS, Comparator.comparingDouble(
                    (CsvRows.Row r) -> finiteOr(r.number("pagerank_change"), 0))
                    .thenComparingDouble(r -> r.number("rank_change")).thenComparingDouble(r -> r.number("previous_rank")));
            Best<CsvRows.Row> entrants = new Best<>(MOVERS, Comparator.comparingDouble((CsvRows.Row r) -> r.number(RANK)));
            CsvRows.forEach(file, r -> {
                String status = r.text("status");
                c.byStatus.merge(status, 1, Integer::sum);
                double change = r.number("rank_change");
                if (status.equals("moved") && change > 0) {
                    risers.add(r);
                } else if (status.equals("moved") && change < 0) {
                    fallers.add(r);
                } else if (status.equals("new") && Double.isFinite(r.number(RANK))) {
                    entrants.add(r);
                }
            });
            c.risers = risers.list();
            c.fallers = fallers.list();
            c.entrants = entrants.list();
            return c;
        }
    }

    /** The {@code k} smallest items by a comparator, kept while streaming. */
    private static final class Best<T> {
        private final int k;
        private final Comparator<T> order;
        private final PriorityQueue<T> worstFirst;

        Best(int k, Comparator<T> order) {
            this.k = k;
            this.order = order;
            this.worstFirst = new PriorityQueue<>(order.reversed());
        }

        void add(T item) {
            worstFirst.add(item);
            if (worstFirst.size() > k) {
                worstFirst.poll();
            }
        }

        List<T> list() {
            List<T> items = new ArrayList<>(worstFirst);
            items.sort(order);
            return items;
        }
    }
}
