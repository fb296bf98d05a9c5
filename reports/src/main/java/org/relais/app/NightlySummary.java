package org.relais.app;

import java.util.Locale;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.ingest.job.IngestJob;
import org.relais.reports.ReportJob;

/** The one-screen summary printed at the end of a nightly run; its last line is the ranking's path. */
final class NightlySummary {

    private NightlySummary() {
    }

    /**
     * What ingest did, in one line; a re-run of a date whose batch an earlier attempt committed
     * read nothing, and says so rather than showing that batch's figures as its own.
     */
    static String ingestLine(IngestJob.Result ingest) {
        if (ingest.committedEarlier()) {
            return String.format(Locale.ROOT, "nothing new; this date's batch (%,d record(s), %,d quarantined) was"
                    + " committed by an earlier attempt, lake version %d", ingest.batch().records(),
                    ingest.quarantinedTotal(), ingest.version());
        }
        return String.format(Locale.ROOT, "%,d record(s) read, %,d quarantined, lake version %d",
                ingest.batch().records(), ingest.quarantinedTotal(), ingest.version());
    }

    static void print(RunContext ctx, IngestJob.Result ingest, AnalyzeJob.Result analyze, ReportJob.Result report,
            boolean full) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Relais nightly run %s%n", ctx.runDate()));
        sb.append("  ingest:  ").append(ingestLine(ingest)).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "  analyze: %,d actors, %,d edges, PageRank %s after %d iterations%n",
                analyze.actors(), analyze.edges(), analyze.pageRankConverged() ? "converged" : "NOT converged",
                analyze.pageRankIterations()));
        sb.append(String.format(Locale.ROOT, "  report:  %,d actors ranked in %s%n", report.actors(),
                report.directory()));
        if (full) {
            sb.append(String.format(Locale.ROOT, "%nTop %d:%n", report.top().size()));
            sb.append(JobCommand.topTable(report));
            sb.append(report.rankingsCsv()).append(System.lineSeparator());
        }
        System.out.print(sb);
    }
}
