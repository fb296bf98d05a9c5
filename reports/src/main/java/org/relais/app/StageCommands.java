package org.relais.app;

import java.util.Locale;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.ingest.job.IngestJob;
import org.relais.reports.ReportJob;
import picocli.CommandLine.Command;

/** One command per stage, for running a stage alone (or as its own spark-submit job). */
final class StageCommands {

    private StageCommands() {
    }

    @Command(name = "ingest", description = "Read what arrived in Kafka since the last run into the lake.")
    static final class Ingest extends JobCommand {
        @Override
        void runStages(RunContext ctx) throws StageFailedException {
            IngestJob.Result r = Stages.ingest(ctx);
            System.out.println("ingest: " + NightlySummary.ingestLine(r));
        }
    }

    @Command(name = "analyze", description = "Build the interaction graph from the lake and compute the scores.")
    static final class Analyze extends JobCommand {
        @Override
        boolean readsCommittedLake() {
            return true;
        }

        @Override
        void runStages(RunContext ctx) throws StageFailedException {
            AnalyzeJob.Result r = Stages.analyze(ctx);
            System.out.printf(Locale.ROOT, "analyze: %,d actors, %,d edges; PageRank %s in %d iterations%n", r.actors(),
                    r.edges(),
                    r.pageRankConverged() ? "converged" : "did not converge", r.pageRankIterations());
        }
    }

    @Command(name = "report", description = "Write the ranking (Parquet and CSV) and the manifest for a run date.")
    static final class Report extends JobCommand {
        @Override
        boolean readsCommittedLake() {
            return true;
        }

        @Override
        void runStages(RunContext ctx) throws StageFailedException {
            ReportJob.Result r = Stages.report(ctx);
            System.out.print(topTable(r));
            System.out.println(r.rankingsCsv());
        }
    }

    @Command(name = "nightly", description = "Run ingest, analyze and report for a run date.")
    static final class Nightly extends JobCommand {
        @Override
        void runStages(RunContext ctx) throws StageFailedException {
            Stages.nightly(ctx, true);
        }
    }
}
