package org.relais.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.relais.analytics.CommunityTable;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.community.Partition;
import org.relais.analytics.algo.explain.Explanation;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.measures.CsvLines;
import org.relais.analytics.measures.MeasureSettings;
import org.relais.analytics.measures.MeasureSuite;
import org.relais.analytics.measures.SeedsFile;
import org.relais.analytics.rank.EdgeListFile;
import org.relais.ingest.cli.ConfigOptions;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.util.Causes;
import org.relais.ingest.util.Printable;
import org.relais.reports.CsvTable;
import org.relais.reports.CsvTable.Column;
import org.relais.reports.CsvTable.Kind;
import org.relais.reports.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relais rank}: every measure of the nightly ranking, for a graph a researcher brings as an
 * edge list, without Kafka, a lake or Spark. Writes {@code rankings.csv}, {@code communities.csv},
 * {@code explanations.csv} and {@code summary.json} (how each measure was computed).
 */
@Command(name = "rank", description = "Compute every measure for an edge list (CSV: source,target[,weight]).")
public final class RankCommand implements Callable<Integer> {

    @Option(names = "--edges", required = true, paramLabel = "FILE",
            description = "Edge list with a header row: source,target[,weight].")
    Path edges;

    @Option(names = "--nodes", paramLabel = "FILE", description = "Node list with a header row: id[,label]; adds isolated nodes.")
    Path nodes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the CSV files go.")
    Path out;

    @Option(names = "--seeds", paramLabel = "FILE",
            description = "Seed node ids for personalised PageRank: one per line, or CSV with an actor_id or id column.")
    Path seeds;

    @Option(names = "--damping", paramLabel = "D", description = "PageRank damping (relais.pagerank.damping, default 0.85).")
    Double damping;

    @Option(names = "--resolution", paramLabel = "GAMMA",
            description = "Modularity resolution of the communities (relais.communities.resolution, default 1.0).")
    Double resolution;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the randomised measures (communities, sampling).")
    Long seed;

    @Option(names = "--top", paramLabel = "N", description = "Explain the top N nodes (relais.explain.top, default 100).")
    Integer top;

    @Mixin
    ConfigOptions options;

    /**
     * The columns of rankings.csv: the measures of the nightly ranking, for the nodes of an edge
     * list. Node ids are written exactly as the files give them (codes, not neutralised text), so
     * that the results join back to the input; labels are text, neutralised against formulas.
     */
    static final List<Column> RANKING_COLUMNS = List.of(
            new Column("id", Kind.CODE), new Column("pagerank", Kind.NUMBER), new Column("in_degree", Kind.NUMBER),
            new Column("out_degree", Kind.NUMBER), new Column("hits_hub", Kind.NUMBER),
            new Column("hits_authority", Kind.NUMBER), new Column("k_core", Kind.NUMBER),
            new Column("betweenness", Kind.NUMBER), new Column("harmonic_closeness", Kind.NUMBER),
            new Column("community", Kind.NUMBER), new Column("bubble_reach", Kind.NUMBER),
            new Column("relais_score", Kind.NUMBER), new Column("label", Kind.TEXT),
            new Column("in_strength", Kind.NUMBER), new Column("out_strength", Kind.NUMBER),
            new Column("community_rank", Kind.NUMBER), new Column("personalized_pagerank", Kind.NUMBER));

    static final List<Column> COMMUNITY_COLUMNS = List.of(
            new Column("community", Kind.NUMBER), new Column("size", Kind.NUMBER),
            new Column("modularity_share", Kind.NUMBER), new Column("internal_weight", Kind.NUMBER),
            new Column("pagerank_mass", Kind.NUMBER), new Column("top_members", Kind.TEXT),
            new Column("top_member_ids", Kind.CODE));

    static final List<Column> EXPLANATION_COLUMNS = List.of(
            new Column("rank", Kind.NUMBER), new Column("id", Kind.CODE), new Column("kind", Kind.CODE),
            new Column("position", Kind.NUMBER), new Column("item", Kind.CODE), new Column("mass", Kind.NUMBER),
            new Column("share", Kind.NUMBER));

    @Override
    public Integer call() {
        List<String> unused = options.setKeys().stream().filter(k -> !MeasureSettings.reads(k)).toList();
        if (!unused.isEmpty()) {
            // A setting rank would ignore, such as graph.max-repeats or graph.weights.*, which
            // shape the lake's graph: the edge list's weights are taken as given.
            System.err.println("relais rank: --set " + String.join(", ", unused) + ": rank does not use "
                    + (unused.size() == 1 ? "this setting" : "these settings") + "; it takes the edge list's weights"
                    + " as given, its seeds from --seeds, and reads only "
                    + MeasureSettings.SECTIONS.stream().map(s -> s + ".*").collect(Collectors.joining(", "))
                    + ", except " + String.join(" and ", MeasureSettings.READ_BY_THE_NIGHTLY_ANALYSIS));
            return ExitCodes.CONFIG;
        }
        MeasureSettings settings;
        try {
            List<String> set = new ArrayList<>();
            if (damping != null) {
                set.add("pagerank.damping=" + damping);
            }
            if (resolution != null) {
                set.add("communities.resolution=" + resolution);
            }
            if (seed != null) {
                set.addAll(List.of("communities.seed=" + seed, "betweenness.seed=" + seed, "closeness.seed=" + seed));
            }
            if (top != null) {
                set.add("explain.top=" + top);
            }
            settings = MeasureSettings.from(options.withAssignments(set).load(List.of(MeasureSettings::from)));
        } catch (ConfigException e) {
            System.err.println("relais rank: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        EdgeListFile file;
        try {
            file = EdgeListFile.read(edges, nodes);
        } catch (EdgeListFile.BadFileException e) {
            System.err.println("relais rank: " + e.getMessage());
            return e.unreadable() ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        CompactGraph graph = file.graph();
        System.err.printf(Locale.ROOT, "relais rank: %,d nodes, %,d edges (%,d rows)%n", graph.vertexCount(),
                graph.edgeCount(),
                file.edgeRecords());
        Seeds teleport;
        try {
            teleport = seeds == null ? null : seeds(file, seeds);
        } catch (IOException e) {
            System.err.println("relais rank: --seeds " + e.getMessage());
            return e instanceof CsvLines.UnreadableFileException ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        MeasureSuite.Measures m = new MeasureSuite(settings, progress())
                .run(graph, null, teleport == null ? null : teleport.teleport(), null);
        try {
            Files.createDirectories(out);
            writeRankings(file, m);
            writeCommunities(file, m);
            writeExplanations(file, m);
            ObjectNode summary = Lake.json().createObjectNode();
            summary.put("edges_file", edges.toString());
            summary.put("nodes", graph.vertexCount());
            summary.put("edges", graph.edgeCount());
            summary.put("merged_parallel_edges", graph.mergedParallelEdges());
            summary.put("dropped_self_loops", graph.droppedSelfLoops());
            summary.put("rounded_weights", graph.roundedWeightCount());
            if (teleport != null) {
                summary.putObject("seeds").put("file", seeds.toString()).put("ids", teleport.given())
                        .put("nodes_used", teleport.used());
            }
            summary.set("measures", m.toJson());
            summary.set("versions", Manifest.versions());
            Lake.json().writeValue(out.resolve("summary.json").toFile(), summary);
        } catch (IOException e) {
            System.err.println("relais rank: cannot write to " + out + ": " + Causes.message(e));
            return ExitCodes.FAILED;
        }
        System.out.println(out.resolve("rankings.csv").toAbsolutePath());
        return ExitCodes.OK;
    }

    private void writeRankings(EdgeListFile file, MeasureSuite.Measures m) throws IOException {
        int n = file.graph().vertexCount();
        int[] order = MeasureSuite.topVertices(m.pageRank().scores(), n);
        List<List<?>> rows = new ArrayList<>(n);
        for (int v : order) {
            double reach = m.bubbleReach().share(v);
            rows.add(Arrays.asList(file.id(v), m.pageRank().score(v), m.degrees().inDegree(v), m.degrees().outDegree(v),
                    m.hits().hub(v), m.hits().authority(v), m.coreness().coreness(v), m.betweenness().score(v),
                    m.closeness().score(v), m.partition().community(v), Double.isNaN(reach) ? null : reach,
                    m.relaisScore().score(v), file.label(v), m.degrees().inStrength(v), m.degrees().outStrength(v),
                    m.communityRanks().rank(v), m.personalized() == null ? null : m.personalized().score(v)));
        }
        new CsvTable(RANKING_COLUMNS).write(out.resolve("rankings.csv"), rows.iterator());
    }

    private void writeCommunities(EdgeListFile file, MeasureSuite.Measures m) throws IOException {
        Partition p = m.partition();
        List<List<?>> rows = new ArrayList<>();
        for (int c = 0; c < p.communityCount(); c++) {
            // Labels to read, and the ids of the same members to join on, as in the nightly report.
            List<String> members = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int v : m.communityRanks().topMembers(c, CommunityTable.TOP_MEMBER_COUNT)) {
                members.add(file.label(v));
                ids.add(file.id(v));
            }
            rows.add(Arrays.asList(c, p.size(c), p.modularityContribution(c), p.internalWeight(c),
                    m.communityRanks().scoreMass(c), String.join(";", members), String.join(";", ids)));
        }
        new CsvTable(COMMUNITY_COLUMNS).write(out.resolve("communities.csv"), rows.iterator());
    }

    private void writeExplanations(EdgeListFile file, MeasureSuite.Measures m) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        int rank = 0;
        for (Explanation e : m.explanations()) {
            rank++;
            String id = file.id(e.target());
            rows.add(Arrays.asList(rank, id, "baseline", 1, "random_jump", e.baseline(), e.baselineShare()));
            for (int i = 0; i < e.size(); i++) {
                rows.add(Arrays.asList(rank, id, "contributor", i + 1, file.id(e.contributor(i)), e.mass(i), e.share(i)));
            }
            if (e.otherContributors() > 0) {
                rows.add(Arrays.asList(rank, id, "other_contributors", 1, Integer.toString(e.otherContributors()),
                        e.otherMass(), e.otherShare()));
            }
        }
        new CsvTable(EXPLANATION_COLUMNS).write(out.resolve("explanations.csv"), rows.iterator());
    }

    /**
     * Progress on the console for long runs: a line when a measure that reports its steps starts,
     * and one every ten seconds while it runs.
     */
    private static ProgressListener progress() {
        String[] phase = {null};
        long[] last = {0};
        return (name, step, delta) -> {
            long now = System.nanoTime();
            if (!name.equals(phase[0])) {
                phase[0] = name;
                last[0] = now;
                System.err.println("relais rank: " + name + "...");
            } else if (now - last[0] > 10_000_000_000L) {
                last[0] = now;
                System.err.printf(Locale.ROOT, "relais rank: %s, step %,d%n", name, step);
            }
        };
    }

    /**
     * The seeds' teleport vector (1 on each seed node, see {@link SeedsFile} for the file's forms,
     * 0 elsewhere), and how many of the file's ids were nodes of the graph.
     */
    private record Seeds(double[] teleport, int given, int used) {
    }

    /** Reads the seeds; ids that are not nodes of the graph are ignored, and the console says which. */
    private static Seeds seeds(EdgeListFile file, Path seedsFile) throws IOException {
        SeedsFile seeds = SeedsFile.read(seedsFile);
        int[] found = seeds.verticesIn(file.ids());
        if (found.length == 0) {
            throw new IOException(seedsFile + ": none of its " + seeds.ids().size() + " ids is a node of the graph");
        }
        double[] teleport = new double[file.graph().vertexCount()];
        for (int v : found) {
            teleport[v] = 1;
        }
        int given = seeds.ids().size();
        if (found.length < given) {
            Set<String> nodes = new HashSet<>(Arrays.asList(file.ids()));
            List<String> missing = seeds.ids().stream().filter(id -> !nodes.contains(id)).toList();
            System.err.printf(Locale.ROOT, "relais rank: %,d of the %,d seed ids in %s are not nodes of the graph and are"
                    + " ignored: %s%s%n", missing.size(), given, seedsFile, Printable.of(String.join(", ", missing.subList(0,
                            Math.min(5, missing.size())))), missing.size() > 5 ? ", ..." : "");
        }
        return new Seeds(teleport, given, found.length);
    }
}
