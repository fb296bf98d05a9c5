package org.relais.reports;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relais.analytics.ScoreTable;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.RunLog;
import org.relais.reports.html.HtmlReport;
import org.relais.reports.tables.ReportSettings;
import org.relais.reports.tables.ReportTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report job: turns a run's scores into the ranking, as Parquet in the lake (partitioned by
 * run date) and as {@code <reports>/<run-date>/rankings.csv}, and writes the run's
 * {@code manifest.json} beside it. The run's report directory is written aside and moved into
 * place when complete, so a reader never sees half of it and a failed run leaves the previous one.
 */
public final class ReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    private final SparkSession spark;
    private final Lake lake;
    private final Path reportsRoot;

    public ReportJob(SparkSession spark, Lake lake, Path reportsRoot) {
        this.spark = spark;
        this.lake = lake;
        this.reportsRoot = reportsRoot;
    }

    /**
     * What the report job wrote.
     *
     * @param directory the run's report directory
     * @param rankingsCsv the ranking as CSV
     * @param actors rows in the ranking
     * @param top the first rows of the ranking, for the console
     */
    public record Result(Path directory, Path rankingsCsv, long actors, List<Row> top, ReportTables.Result tables) {

        public ObjectNode toJson() {
            ObjectNode n = Lake.json().createObjectNode();
            n.put("directory", directory.toString());
            n.put("rankings_csv", rankingsCsv.toString());
            n.put("actors", actors);
            n.set("report_tables", tables.toJson());
            return n;
        }
    }

    /**
     * Writes the run's ranking and then its manifest.
     *
     * @param manifest builds {@code manifest.json} once the files are written; it receives this
     *     job's result so it can list the outputs
     * @param topN how many rows {@link Result#top()} holds
     * @param settings the reports' settings ({@code relais.report.*})
     */
    public Result run(String runDate, ManifestWriter manifest, int topN, ReportSettings settings) throws IOException {
        Dataset<Row> scores = lake.readPartition(spark, ScoreTable.NAME, runDate, ScoreTable.SCHEMA);
        // The report directory first: a reports path that cannot hold it (a file in the way, no
        // permission) fails the run before the lake's tables of the date are replaced.
        ReportDirectory dir = ReportDirectory.begin(reportsRoot, runDate);
        try {
            Dataset<Row> ranked = RankingTable.rank(scores);
            // From here until the directory is in place, the lake's tables of the date are not the
            // published ones: a later date's changes.csv must not compare with them.
            RunLog runLog = new RunLog(lake, runDate);
            runLog.clearPublished();
            lake.replacePartition(ranked, RankingTable.NAME, runDate);
            Dataset<Row> rankings = lake.readPartition(spark, RankingTable.NAME, runDate, RankingTable.SCHEMA)
                    .orderBy(col(RankingTable.RANK));
            Path csv = dir.file("rankings.csv");
            long[] count = new long[1];
            List<Row> top = new ArrayList<>();
            Iterator<Row> rows = rankings.toLocalIterator();
            RankingTable.csv().write(csv, new Iterator<List<?>>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public List<?> next() {
                    Row r = rows.next();
                    if (count[0]++ < topN) {
                        top.add(r);
                    }
                    List<Object> values = new ArrayList<>(r.size());
                    for (int i = 0; i < r.size(); i++) {
                        values.add(r.get(i));
                    }
                    return values;
                }
            });
            ReportTables.Result tables = ReportTables.writeAll(spark, lake, runDate, csv.getParent(), settings);
            Path finalDir = dir.finalDirectory();
            Result result = new Result(finalDir, finalDir.resolve("rankings.csv"), count[0], top, tables);
            manifest.write(dir.file("manifest.json"), result);
            HtmlReport.write(dir.file(HtmlReport.FILE).getParent());
            dir.commit();
            runLog.markPublished(java.time.Instant.now());
            LOG.info("report: {} actors ranked; wrote {}", count[0], result.rankingsCsv());
            return result;
        } finally {
            dir.abandon();
        }
    }

    /** Writes the run's manifest into the staged report directory. */
    @FunctionalInterface
    public interface ManifestWriter {
        void write(Path file, Result result) throws IOException;
    }
}
