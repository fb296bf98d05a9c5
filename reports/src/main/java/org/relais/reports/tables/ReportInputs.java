package org.relais.reports.tables;

import java.util.List;
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
import org.relais.ingest.lake.Tables;
import org.relais.reports.RankingTable;

/**
 * What the report tables are made from, for one run date.
 *
 * @param rankings the run's ranking ({@link RankingTable#SCHEMA})
 * @param previousRankings the ranking of the latest earlier run, or null when there is none
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

    /**
     * Reads them from the lake. The run's ranking and edges must be there; communities and
     * explanations may be missing (older runs, or an analyze job that does not write them).
     */
    public static ReportInputs read(SparkSession spark, Lake lake, String runDate) {
        Dataset<Row> rankings = lake.readPartition(spark, RankingTable.NAME, runDate, RankingTable.SCHEMA);
        String previousDate = null;
        for (String d : lake.runDates(RankingTable.NAME)) {
            if (d.compareTo(runDate) < 0) {
                previousDate = d;
            }
        }
        Dataset<Row> previous = previousDate == null ? null
                : lake.readPartition(spark, RankingTable.NAME, previousDate, RankingTable.SCHEMA);
        return new ReportInputs(rankings, previous, previousDate,
                optional(spark, lake, CommunityTable.NAME, runDate, CommunityTable.SCHEMA),
                optional(spark, lake, ExplanationTable.NAME, runDate, ExplanationTable.SCHEMA),
                lake.readPartition(spark, ScoreTable.EDGES, runDate, InteractionGraph.EDGES_SCHEMA),
                lake.read(spark, Tables.Accounts.TABLE),
                lake.read(spark, Tables.Posts.TABLE),
                lake.read(spark, Tables.BlogLinks.TABLE),
                optional(spark, lake, AnalyzeJob.IDENTITY_LINKS, runDate, InteractionGraph.IDENTITY_LINKS_SCHEMA));
    }

    private static Dataset<Row> optional(SparkSession spark, Lake lake, String table, String runDate,
            StructType schema) {
        if (lake.runDates(table).contains(runDate)) {
            return lake.readPartition(spark, table, runDate, schema);
        }
        return spark.createDataFrame(List.of(), schema);
    }
}
