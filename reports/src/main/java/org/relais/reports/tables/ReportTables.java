package org.relais.reports.tables;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.ScoreTable;
import org.relais.ingest.lake.Lake;
import org.relais.reports.CsvTable;
import org.relais.reports.RankingTable;
import org.relais.reports.campaign.CampaignTargets;
import org.relais.reports.gexf.GexfGraph;
import org.relais.reports.privacy.Pseudonymizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's report tables beside its ranking: {@code top_influencers.csv},
 * {@code communities.csv}, {@code changes.csv}, {@code explanations.csv},
 * {@code identity_links.csv} (not with pseudonymisation on), {@code campaign_targets.csv} and
 * {@code graph.gexf}, and the Parquet copies {@code top_influencers}, {@code community_report} and
 * {@code changes} in the lake, partitioned by run date. {@code docs/reports.md} describes every
 * file and column.
 *
 * <p>Call {@link #writeAll} once the run's ranking is in the lake and {@code rankings.csv} is in the
 * staged report directory: with pseudonymisation on, {@code rankings.csv} is rewritten with
 * pseudonyms (or write it with {@link #writeRankingsCsv} in the first place).
 */
public final class ReportTables {

    private static final Logger LOG = LoggerFactory.getLogger(ReportTables.class);

    public static final String RANKINGS_FILE = "rankings.csv";

    private ReportTables() {
    }

    /** A file written: its name in the report directory and its rows (nodes for the GEXF file). */
    public record Output(String file, long rows) {
    }

    private static Output logged(Output o, long startNanos) {
        LOG.info("report: {} rows in {} ({} s)", o.rows(), o.file(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
        return o;
    }

    /**
     * What {@link #writeAll} wrote, for the manifest.
     *
     * @param files the files, in the order written
     * @param lakeTables the lake tables written for the run date
     * @param previousRunDate the run {@code changes.csv} compares with, or null
     * @param gexfEdges edges in {@code graph.gexf}
     * @param pseudonymised whether account ids and handles were replaced in the research files
     * @param suppressionEntries entries of the campaign suppression list
     */
    public record Result(List<Output> files, List<String> lakeTables, String previousRunDate, long gexfEdges,
            boolean pseudonymised, int suppressionEntries) {

        public ObjectNode toJson() {
            ObjectNode n = Lake.json().createObjectNode();
            ObjectNode f = n.putObject("files");
            files.forEach(o -> f.put(o.file(), o.rows()));
            lakeTables.forEach(n.putArray("lake_tables")::add);
            n.put("previous_run_date", previousRunDate);
            n.put("gexf_edges", gexfEdges);
            n.put("pseudonymised", pseudonymised);
            n.put("suppression_entries", suppressionEntries);
            return n;
        }
    }

    /**
     * Reads the run's inputs from the lake and writes every report table.
     *
     * @param stagedDir the run's report directory while it is being written (files go straight in)
     */
    public static Result writeAll(SparkSession spark, Lake lake, String runDate, Path stagedDir,
            ReportSettings settings) throws IOException {
        return write(ReportInputs.read(spark, lake, runDate), lake, runDate, stagedDir, settings);
    }

    /** Writes every report table from {@code in}. */
    public static Result write(ReportInputs in, Lake lake, String runDate, Path stagedDir, ReportSettings settings)
            throws IOException {
        Pseudonymizer p = settings.pseudonymizer();
        Dataset<Row> rankings = in.rankings().cache();
        try {
            List<Output> files = new ArrayList<>();
            List<String> tables = new ArrayList<>();

            long t0 = System.nanoTime();
            Dataset<Row> top = TopInfluencers.build(rankings, settings.top(), settings.communityLists(),
                    settings.communityMinSize());
            files.add(logged(throughLake(lake, top, TopInfluencers.NAME, TopInfluencers.SCHEMA, runDate,
                    TopInfluencers::ordered, TopInfluencers.COLUMNS, stagedDir.resolve(TopInfluencers.FILE), p), t0));
            tables.add(TopInfluencers.NAME);

            t0 = System.nanoTime();
            Dataset<Row> communities = CommunityReport.build(in.communities(), rankings, in.posts(), in.blogLinks(),
                    in.identityLinks(), settings.excludedDomains());
            files.add(logged(throughLake(lake, communities, CommunityReport.NAME, CommunityReport.SCHEMA, runDate,
                    CommunityReport::ordered, CommunityReport.COLUMNS, stagedDir.resolve(CommunityReport.FILE), p), t0));
            tables.add(CommunityReport.NAME);

            t0 = System.nanoTime();
            Dataset<Row> changes = Changes.build(rankings, in.previousRankings());
            files.add(logged(throughLake(lake, changes, Changes.NAME, Changes.SCHEMA, runDate, Changes::ordered,
                    Changes.COLUMNS, stagedDir.resolve(Changes.FILE), p), t0));
            tables.add(Changes.NAME);

            t0 = System.nanoTime();
            Dataset<Row> explanations = Explanations.build(in.explanations(), rankings);
            files.add(logged(new Output(Explanations.FILE, new ReportCsv(Explanations.COLUMNS, p)
                    .write(stagedDir.resolve(Explanations.FILE), explanations.toLocalIterator())), t0));

            // Each link puts an account next to the public blog of the same person: pseudonymised,
            // it would name the account again. Research exports get no identity links.
            if (p == null) {
                t0 = System.nanoTime();
                files.add(logged(new Output(IdentityLinks.FILE, new ReportCsv(IdentityLinks.COLUMNS, null).write(
                        stagedDir.resolve(IdentityLinks.FILE),
                        IdentityLinks.build(in.identityLinks(), in.accounts()).toLocalIterator())), t0));
            }

            t0 = System.nanoTime();
            List<CampaignTargets.Target> targets = CampaignTargets.select(rankings, in.accounts(), in.posts(),
                    in.identityLinks(), settings.campaign());
            files.add(logged(new Output(CampaignTargets.FILE, CampaignTargets.write(
                    stagedDir.resolve(CampaignTargets.FILE), targets, settings.campaign(), runDate)), t0));

            t0 = System.nanoTime();
            GexfGraph.Written gexf = GexfGraph.write(stagedDir.resolve(GexfGraph.FILE), rankings, in.edges(),
                    settings.gexfTop(), p, "Relais " + runDate + ": the " + settings.gexfTop()
                            + " actors with the highest PageRank and the edges between them");
            files.add(logged(new Output(GexfGraph.FILE, gexf.nodes()), t0));

            if (p != null) {
                t0 = System.nanoTime();
                files.add(logged(new Output(RANKINGS_FILE, writeRankingsCsv(rankings, stagedDir.resolve(RANKINGS_FILE),
                        p)), t0));
            }
            Result result = new Result(files, tables, in.previousRunDate(), gexf.edges(), p != null,
                    settings.campaign().suppression().size());
            if (p != null) {
                LOG.info("report: account ids and handles pseudonymised in the research files");
            }
            return result;
        } finally {
            rankings.unpersist();
        }
    }

    /**
     * Writes {@code rankings.csv} as {@code ReportJob} does, with account ids and handles
     * replaced by pseudonyms when {@code pseudonymizer} is not null.
     */
    public static long writeRankingsCsv(Dataset<Row> rankings, Path file, Pseudonymizer pseudonymizer)
            throws IOException {
        return new ReportCsv(rankingColumns(), pseudonymizer)
                .write(file, rankings.orderBy(col(RankingTable.RANK)).toLocalIterator());
    }

    /** {@link RankingTable#COLUMNS}, with the actor id and name marked as account identifiers. */
    static List<ReportColumn> rankingColumns() {
        StructType schema = RankingTable.SCHEMA;
        List<ReportColumn> columns = new ArrayList<>();
        for (CsvTable.Column c : RankingTable.COLUMNS) {
            StructField f = schema.apply(c.name());
            ReportColumn.Identity identity = c.name().equals(ScoreTable.ACTOR_ID) ? ReportColumn.Identity.ACTOR_ID
                    : c.name().equals(ScoreTable.LABEL) ? ReportColumn.Identity.ACTOR_NAME : ReportColumn.Identity.NONE;
            columns.add(new ReportColumn(c.name(), f.dataType(), c.kind(), identity,
                    identity == ReportColumn.Identity.ACTOR_NAME ? ScoreTable.ACTOR_ID : null));
        }
        return List.copyOf(columns);
    }

    /**
     * Writes {@code table} as its lake partition, in the CSV's order (so that two runs on the same
     * lake write the same file), reads it back (so the CSV is exactly what the lake holds, and the
     * plan runs once), and writes it as CSV in order.
     */
    private static Output throughLake(Lake lake, Dataset<Row> table, String name, StructType schema, String runDate,
            java.util.function.UnaryOperator<Dataset<Row>> order, List<ReportColumn> columns, Path csv,
            Pseudonymizer p) throws IOException {
        // One file per partition: these tables are small, and one file is what a notebook expects.
        lake.replacePartition(order.apply(table).coalesce(1), name, runDate);
        Dataset<Row> stored = lake.readPartition(table.sparkSession(), name, runDate, schema);
        long rows = new ReportCsv(columns, p).write(csv, order.apply(stored).toLocalIterator());
        return new Output(csv.getFileName().toString(), rows);
    }
}
