package org.relais.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.relais.analytics.ScoreTable;
import org.relais.ingest.cli.ConfigOptions;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeLock;
import org.relais.ingest.spark.SparkSessions;
import org.relais.reports.Manifest;
import org.relais.reports.RankingTable;
import org.relais.reports.ReportJob;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * What the job commands (ingest, analyze, report, nightly) share: configuration and run-date
 * options, a Spark session for the run, and turning failures into one line and an exit code.
 */
abstract class JobCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions.JobOptions options;

    @Mixin
    RunOptions run;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Runs this command's stages. */
    abstract void runStages(RunContext ctx) throws StageFailedException;

    /**
     * Whether this command only reads what earlier runs committed (analyze, report): then a lake
     * that does not exist is an error, not a new lake to create.
     */
    boolean readsCommittedLake() {
        return false;
    }

    @Override
    public Integer call() {
        String name = "relais " + spec.name();
        RelaisConfig config;
        try {
            config = options.load(Stages.settingsChecks());
        } catch (ConfigException e) {
            System.err.println(name + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        return run(name, config, run.runDate(), spec.name(), readsCommittedLake(), this::runStages);
    }

    /** Stages run with a lake and a Spark session. */
    @FunctionalInterface
    interface StageRunner {
        void run(RunContext ctx) throws StageFailedException;
    }

    /**
     * Opens the run (Spark, the lake, its lock), runs {@code stages}, and turns every way it can
     * end into an exit code and, on failure, one line on standard error: a failed stage marks the
     * run's manifest failed; a held lake is exit 5; a missing one (when {@code committedLake}) 3.
     *
     * @param name the command as the user typed it, for messages ({@code relais nightly})
     * @param command the command's name in the lock and the Spark application name
     */
    static int run(String name, RelaisConfig config, java.time.LocalDate runDate, String command,
            boolean committedLake, StageRunner stages) {
        try (RunContext ctx = RunContext.open(config, runDate, command, committedLake)) {
            try {
                stages.run(ctx);
                return ExitCodes.OK;
            } catch (StageFailedException e) {
                return fail(name, e.getMessage() + " (manifest marked failed: " + recordFailure(ctx) + ")",
                        e.exitCode());
            }
        } catch (LakeLock.LakeLockedException e) {
            return fail(name, e.getMessage(), ExitCodes.LAKE_LOCKED);
        } catch (Lake.NoLakeException e) {
            return fail(name, e.getMessage(), ExitCodes.CONFIG);
        } catch (SparkSessions.StartException e) {
            // Before the lake's run log is open: the stack trace goes to a file of its own.
            return fail(name, e.getMessage() + keptTrace(e), ExitCodes.FAILED);
        } catch (RuntimeException e) {
            return fail(name, Stages.oneLine(e), ExitCodes.FAILED);
        }
    }

    /** "; stack trace in FILE", FILE a new temporary file holding {@code e}'s trace; "" if none can be written. */
    private static String keptTrace(Exception e) {
        try {
            Path file = Files.createTempFile("relais-spark-start-", ".log");
            Files.writeString(file, Stages.stackTrace(e));
            return "; stack trace in " + file;
        } catch (IOException | SecurityException notWritten) {
            return "";
        }
    }

    /**
     * Writes the run's manifest, marked failed, into the lake's run log; the report directory of
     * the date keeps what the last successful run wrote.
     */
    static String recordFailure(RunContext ctx) {
        try {
            ctx.runLog().writeManifest(Manifest.build(ctx.runLog(), ctx.config(), null));
            return ctx.runLog().manifestFile().toString();
        } catch (RuntimeException e) {
            return "could not be written: " + Stages.oneLine(e);
        }
    }

    /** Reports a failure in one line, unless the run was interrupted (then that says it all). */
    static int fail(String command, String message, int exitCode) {
        if (Interruption.interrupted()) {
            return Interruption.EXIT_CODE;
        }
        System.err.println(command + ": " + message);
        return exitCode;
    }

    /** The first rows of the ranking as an aligned table. */
    static String topTable(ReportJob.Result report) {
        ConsoleTable table = new ConsoleTable(
                List.of("rank", "name", "platform", "pagerank", "score", "in", "out", "community", "reach"),
                List.of(true, false, false, true, true, true, true, true, true));
        for (Row r : report.top()) {
            table.add(List.of(
                    String.valueOf(r.<Integer>getAs(RankingTable.RANK)),
                    String.valueOf(r.<String>getAs(ScoreTable.LABEL)),
                    r.<String>getAs(ScoreTable.PLATFORM),
                    String.format(Locale.ROOT, "%.6f", r.<Double>getAs(ScoreTable.PAGERANK)),
                    format("%.1f", r.getAs(ScoreTable.RELAIS_SCORE)),
                    String.valueOf(r.<Integer>getAs(ScoreTable.IN_DEGREE)),
                    String.valueOf(r.<Integer>getAs(ScoreTable.OUT_DEGREE)),
                    format("%d", r.getAs(ScoreTable.COMMUNITY)),
                    format("%.2f", r.getAs(ScoreTable.BUBBLE_REACH))));
        }
        return table.render();
    }

    /** A measure for the console; "-" when it was not computed. */
    private static String format(String pattern, Object value) {
        return value == null ? "-" : String.format(Locale.ROOT, pattern, value);
    }
}
