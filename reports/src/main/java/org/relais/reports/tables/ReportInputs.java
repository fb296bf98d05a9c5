package org.relais.reports.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.CommunityTable;
import org.relais.analytics.ExplanationTable;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.analytics.job.InteractionGraph;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.RunLog;
import org.relais.ingest.lake.Tables;
import org.relais.reports.RankingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the report tables are made from, for one run date.
 *
 * @param rankings the run's ranking ({@link RankingTable#SCHEMA})
 * @param previousRankings the ranking of the latest earlier run whose report was published, without
 *     the accounts deleted since, or null when there is none
 * @param previousRunDate that run's date, or null
 * @param communities the run's communities; empty when the analyze job wrote none
 * @param explanations the run's explanations; empty when the analyze job wrote none
 * @param edges the run's typed edges
 * @param accounts the lake's accounts
 * @param posts the lake's posts
 * @param blogLinks the lake's blog links
 * @param identityLinks the run's links between accounts and blogs; empty when none were written
 */
public record ReportInputs(Dataset<Row> rankings, Dataset<Row> previousRankings, String previousRunDate,
        Dataset<Row> communities, Dataset<Row> explanations, Dataset<Row> edges, Dataset<Row> accounts,
        Dataset<Row> posts, Dataset<Row> blogLinks, Dataset<Row> identityLinks) {

    private static final Logger LOG = LoggerFactory.getLogger(ReportInputs.class);

    /** The report stage's name in the lake's run log (the command line's {@code Stages.REPORT}). */
    private static final String REPORT_STAGE = "report";

    /**
     * Reads them from the lake. The run's ranking and edges must be there; communities and
     * explanations may be missing (older runs, or an analyze job that does not write them).
     */
    public static ReportInputs read(SparkSession spark, Lake lake, String runDate) {
        Dataset<Row> rankings = lake.readPartition(spark, RankingTable.NAME, runDate, RankingTable.SCHEMA);
        String previousDate = null;
        List<String> dates = lake.runDates(RankingTable.NAME);
        for (int i = dates.size() - 1; i >= 0 && previousDate == null; i--) {
            String d = dates.get(i);
            if (d.compareTo(runDate) < 0) {
                if (published(lake, d)) {
                    previousDate = d;
                } else {
                    LOG.warn("changes: passing over {}, whose report was not published (it failed or was stopped"
                            + " after it began replacing that date's tables); run {} again to publish it", d, d);
                }
            }
        }
        // Every table of this run was computed after this run's deletions reached the lake; an
        // earlier run's ranking was not, and must not bring a deleted account back.
        Dataset<Row> previous = previousDate == null ? null
                : withoutDeletedAccounts(lake.readPartition(spark, RankingTable.NAME, previousDate,
                        RankingTable.SCHEMA), ScoreTable.ACTOR_ID, lake.read(spark, Tables.Deletions.TABLE));
        return new ReportInputs(rankings, previous, previousDate,
                optional(spark, lake, CommunityTable.NAME, runDate, CommunityTable.SCHEMA),
                optional(spark, lake, ExplanationTable.NAME, runDate, ExplanationTable.SCHEMA),
                lake.readPartition(spark, ScoreTable.EDGES, runDate, InteractionGraph.EDGES_SCHEMA),
                lake.read(spark, Tables.Accounts.TABLE),
                lake.read(spark, Tables.Posts.TABLE),
                lake.read(spark, Tables.BlogLinks.TABLE),
                optional(spark, lake, AnalyzeJob.IDENTITY_LINKS, runDate, InteractionGraph.IDENTITY_LINKS_SCHEMA));
    }

    /**
     * Whether the ranking of {@code runDate} in the lake is the one its report published: a report
     * that failed or never finished after replacing it did not publish it, and changes must compare
     * with what readers saw ({@link RunLog#markedPublished}). A report that failed before touching
     * it (refused, say) leaves the mark of the last one that published. A lake from before the
     * mark counts a report recorded as succeeded.
     */
    private static boolean published(Lake lake, String runDate) {
        RunLog log = new RunLog(lake, runDate);
        if (log.markedPublished()) {
            return true;
        }
        com.fasterxml.jackson.databind.JsonNode report = log.read(REPORT_STAGE);
        return report != null && RunLog.SUCCEEDED.equals(report.path(RunLog.STATUS).asText());
    }

    /**
     * {@code rows} without those whose {@code actorColumn} names an account of an account deletion
     * in {@code deletions} (the lake's deletions table): actor id {@code platform:account_id}.
     */
    static Dataset<Row> withoutDeletedAccounts(Dataset<Row> rows, String actorColumn, Dataset<Row> deletions) {
        return InteractionGraph.withoutActors(rows, actorColumn, InteractionGraph.deletedActors(deletions));
    }

    /** The actor id of a post's author (posts table columns). */
    public static Column author() {
        return InteractionGraph.actor(col(Tables.PLATFORM), col(Tables.Posts.AUTHOR_ID));
    }

    /**
     * {@code rows} with each account actor id in {@code actorColumn} replaced by the blog the analyze
     * job merged the account into ({@code relais.graph.merge-identities}), so that what the account
     * posted counts for the actor the ranking holds: an account of the run's {@code identityLinks}
     * that is not itself in {@code rankings} was merged into its blog. Without merged identities
     * every linked account is ranked itself, and nothing changes; but for a report run again after
     * later ingests, an account linked to a blog whose first posts arrived after the analysis is
     * not ranked either, and those posts count for the blog.
     */
    public static Dataset<Row> asRanked(Dataset<Row> rows, String actorColumn, Dataset<Row> identityLinks,
            Dataset<Row> rankings) {
        Dataset<Row> merged = identityLinks
                .join(rankings, identityLinks.col(InteractionGraph.ACCOUNT_ACTOR)
                        .equalTo(rankings.col(ScoreTable.ACTOR_ID)), "left_anti")
                .select(col(InteractionGraph.ACCOUNT_ACTOR).as("_merged"),
                        col(InteractionGraph.BLOG_ACTOR).as("_into"));
        Dataset<Row> joined = rows.join(merged, rows.col(actorColumn).equalTo(merged.col("_merged")), "left");
        return joined.withColumn(actorColumn, coalesce(col("_into"), rows.col(actorColumn))).drop("_merged", "_into");
    }

    private static Dataset<Row> optional(SparkSession spark, Lake lake, String table, String runDate,
            StructType schema) {
        if (lake.runDates(table).contains(runDate)) {
            return lake.readPartition(spark, table, runDate, schema);
        }
        return spark.createDataFrame(List.of(), schema);
    }
}
