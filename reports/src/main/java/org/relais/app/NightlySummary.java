package org.relais.app;

import java.util.Locale;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.ingest.job.IngestJob;
import org.relais.reports.ReportJob;

/** The one-screen summary printed at the end of a nightly run; its last line is the ranking's path. */
final class NightlySummary {

    private NightlySummary() {
    }

    static void print(RunContext ctx, IngestJob.Result ingest, AnalyzeJob.Result analyze, ReportJob.Result report,
            boolean full) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Relais nightly run %s%n", ctx.runDate()));
        sb.append(String.format(Locale.ROOT, "  ingest:  %,d record(s) read, %,d quarantined, lake version %d%n",
                ingest.batch().records(), ingest.quarantinedTotal(), ingest.version()));
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
