package org.relais.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.kafka.clients.admin.Admin;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.job.IngestJob;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.RunLog;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.spark.SparkSessions;
import org.relais.ingest.util.Causes;
import org.relais.reports.Manifest;
import org.relais.reports.ReportJob;
import org.relais.reports.tables.ReportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three stages of a run (ingest, analyze, report), each timed and recorded in the run log,
 * success or failure. A failure becomes a {@link StageFailedException} whose message is one line
 * naming the stage and the cause; the full stack trace goes to the stage's record in the run log
 * ({@code <lake>/_runs/<run-date>/<stage>.json}) and so into the manifest marked failed.
 */
public final class Stages {

    private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

    public static final String INGEST = "ingest";
    public static final String ANALYZE = "analyze";
    /** In the analyze stage's record: the lake version it analysed. */
    static final String LAKE_VERSION = "lake_version";
    public static final String REPORT = "report";

    private Stages() {
    }

    /**
     * The checks of every stage's settings, run when the configuration is loaded
     * ({@link org.relais.ingest.cli.ConfigOptions#load(List)}) and before anything runs, so that a
     * bad value is reported with all the others at once (unknown keys too), not after ingest has
     * committed a batch. Each throws a {@link ConfigException} listing its problems.
     */
    public static List<Consumer<RelaisConfig>> settingsChecks() {
        return List.of(Stages::checkPlaces, KafkaSettings::from, SparkSessions::check, IngestJob.Settings::from,
                AnalyzeJob.Settings::from, ReportSettings::from);
    }

    /**
     * The lake and the reports need a place: an empty one would be the current directory, or an
     * error deep in Hadoop.
     */
    private static void checkPlaces(RelaisConfig config) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("relais.lake", "relais.reports")) {
            if (config.string(key).isBlank()) {
                problems.add(key + " is empty: it must name a directory (--" + key.substring("relais.".length())
                        + " on the command line)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Ingest, analyze and report, for the run date of {@code ctx}, forgetting the stage records
     * of earlier attempts of that date; prints the run's summary ({@code full}: with the top of the
     * ranking and its path as the last line).
     */
    public static ReportJob.Result nightly(RunContext ctx, boolean full) throws StageFailedException {
        ctx.runLog().reset(Manifest.STAGES);
        IngestJob.Result ingest = ingest(ctx);
        AnalyzeJob.Result analyze = analyze(ctx);
        ReportJob.Result report = report(ctx);
        NightlySummary.print(ctx, ingest, analyze, report, full);
        return report;
    }

    public static IngestJob.Result ingest(RunContext ctx) throws StageFailedException {
        return timed(ctx.runLog(), INGEST, () -> {
            KafkaSettings kafka = KafkaSettings.from(ctx.config());
            try (Admin admin = Topics.connect(kafka)) {
                Topics topics = new Topics(admin, kafka);
                IngestJob job = new IngestJob(ctx.spark(), ctx.lake(), kafka, topics::offsets,
                        IngestJob.Settings.from(ctx.config()), Clock.systemUTC());
                IngestJob.Result result = job.run(ctx.runDate());
                ObjectNode details = result.toJson();
                try {
                    details.set("lake_rows", lakeRows(ctx));
                } catch (RuntimeException e) {
                    // The batch is committed: not knowing the totals is no reason to fail the stage.
                    LOG.warn("ingest: could not count the lake's rows: {}", oneLine(e));
                }
                return new Outcome<>(result, details);
            }
        });
    }

    public static AnalyzeJob.Result analyze(RunContext ctx) throws StageFailedException {
        return timed(ctx.runLog(), ANALYZE, () -> {
            AnalyzeJob.Settings settings = AnalyzeJob.Settings.from(ctx.config());
            // The run holds the lake's lock: the version read here is the one the job reads.
            long version = ctx.lake().state().version();
            AnalyzeJob.Result result = new AnalyzeJob(ctx.spark(), ctx.lake(), settings).run(ctx.runDate());
            return new Outcome<>(result, result.toJson(settings.weights()).put(LAKE_VERSION, version));
        });
    }

    public static ReportJob.Result report(RunContext ctx) throws StageFailedException {
        Instant started = Instant.now();
        return timed(ctx.runLog(), REPORT, () -> {
            requireAnalyzed(ctx.runLog(), ctx.lake());
            ReportSettings settings = ReportSettings.from(ctx.config());
            ReportJob job = new ReportJob(ctx.spark(), ctx.lake(), ctx.reports());
            ObjectNode[] recorded = new ObjectNode[2];
            ReportJob.Result result = job.run(ctx.runDate(), (file, r) -> {
                // The manifest lists every stage with its duration, this one included: it gets the
                // record this stage will write once the report directory is in place.
                recorded[0] = RunLog.record(REPORT, RunLog.SUCCEEDED, started, Instant.now(), r.toJson(), null);
                recorded[1] = Manifest.build(ctx.runLog(), ctx.config(), recorded[0]);
                warnIfFailed(recorded[1], ctx.runDate());
                Manifest.write(file, recorded[1]);
            }, ctx.config().integer("relais.report.console-top"), settings);
            // Only now is the report published: a run killed before leaves the lake's records saying so.
            ctx.runLog().writeManifest(recorded[1]);
            return new Outcome<>(result, result.toJson(), recorded[0]);
        });
    }

    /**
     * The report of a date whose earlier stage failed (an ingest that failed before analyze and
     * report were run alone) is written with its manifest marked failed: said on the console
     * too, with the stage to run again.
     */
    private static void warnIfFailed(ObjectNode manifest, String runDate) {
        if (!RunLog.FAILED.equals(manifest.path(RunLog.STATUS).asText())) {
            return;
        }
        List<String> failed = new java.util.ArrayList<>();
        manifest.path("stages").fields().forEachRemaining(e -> {
            String status = e.getValue().path(RunLog.STATUS).asText();
            if (RunLog.FAILED.equals(status)) {
                failed.add(e.getKey() + " (" + e.getValue().path("cause").asText("no cause recorded") + ")");
            } else if (RunLog.RUNNING.equals(status)) {
                failed.add(e.getKey() + " (never finished)");
            }
        });
        LOG.warn("report: the manifest of run date {} is marked failed: stage {} did not succeed for this date;"
                + " run it again, then analyze and report", runDate, String.join(", ", failed));
    }

    /**
     * Checks that the analyze stage of the run date succeeded: the report reads what it wrote,
     * table by table, and one that failed half-way may have left a mix of old and new tables.
     * Also checks that no deletion reached the lake after it (a report run alone after a later
     * ingest, or for an earlier date): its tables could still name the deleted posts and accounts.
     *
     * @throws NotAnalyzedException naming what to run first
     */
    static void requireAnalyzed(RunLog runLog, Lake lake) throws NotAnalyzedException {
        com.fasterxml.jackson.databind.JsonNode analyzed = runLog.read(ANALYZE);
        String again = "run 'relais analyze --run-date " + runLog.runDate() + "' (same --lake) first";
        if (analyzed == null) {
            throw new NotAnalyzedException("the lake holds no analysis of run date " + runLog.runDate() + ": " + again);
        }
        if (RunLog.RUNNING.equals(analyzed.path(RunLog.STATUS).asText())) {
            throw new NotAnalyzedException("the analysis of run date " + runLog.runDate() + " started at "
                    + analyzed.path("started_at").asText() + " and never finished (still running, or stopped"
                    + " without a word), so its tables may be half written: " + again);
        }
        if (!RunLog.SUCCEEDED.equals(analyzed.path(RunLog.STATUS).asText())) {
            throw new NotAnalyzedException("the analysis of run date " + runLog.runDate() + " failed ("
                    + analyzed.path("cause").asText("no cause recorded") + "), so its tables may be half"
                    + " written: " + again);
        }
        com.fasterxml.jackson.databind.JsonNode version = analyzed.path("details").path(LAKE_VERSION);
        // An analysis recorded before analyses kept their lake version cannot be checked.
        long deletions = version.isIntegralNumber() ? lake.deletionsCommittedAfter(version.asLong()) : 0;
        if (deletions > 0) {
            throw new NotAnalyzedException("the lake received " + deletions + " deletion(s) after the analysis of run"
                    + " date " + runLog.runDate() + " (lake version " + version.asLong() + "), so its tables may"
                    + " name deleted posts or accounts: " + again);
        }
    }

    /** The report stage was asked for a run date whose analysis did not succeed. */
    public static final class NotAnalyzedException extends Exception {

        private static final long serialVersionUID = 1L;

        NotAnalyzedException(String message) {
            super(message);
        }
    }

    /**
     * A stage's result and the figures recorded for it.
     *
     * @param record the stage's record to write as it is (the report stage's, which its manifest
     *     already holds), or null to build it from {@code details}
     */
    record Outcome<T>(T result, ObjectNode details, ObjectNode record) {

        Outcome(T result, ObjectNode details) {
            this(result, details, null);
        }
    }

    /**
     * Runs a stage and records it in {@code runLog}, succeeded or failed. Running out of memory or
     * stack (the in-memory analysis of a graph too big for the driver) is a failure like the
     * others: recorded, then reported in one line; the memory the stage held is free by then.
     */
    static <T> T timed(RunLog runLog, String stage, Callable<Outcome<T>> body) throws StageFailedException {
        Instant started = Instant.now();
        LOG.info("{}: started for run date {}", stage, runLog.runDate());
        try {
            runLog.running(stage, started);
            Outcome<T> outcome = body.call();
            if (outcome.record() != null) {
                runLog.write(stage, outcome.record());
            } else {
                runLog.succeeded(stage, started, Instant.now(), outcome.details());
            }
            LOG.info("{}: done in {} s", stage, (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
            return outcome.result();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Stopped by a signal, a stage fails with whatever Spark's shutdown made of its jobs.
            String cause = Interruption.interrupted() ? Interruption.CAUSE : oneLine(e);
            LOG.error("{} failed: {}", stage, cause);
            try {
                runLog.failed(stage, started, Instant.now(), cause, stackTrace(e));
            } catch (RuntimeException logFailure) {
                LOG.warn("could not record the failure of {}: {}", stage, oneLine(logFailure));
            }
            throw new StageFailedException(stage, cause, exitCode(e), e);
        }
    }

    static int exitCode(Throwable e) {
        if (e instanceof Topics.KafkaUnavailableException) {
            return ExitCodes.KAFKA_UNAVAILABLE;
        }
        if (e instanceof ConfigException) {
            return ExitCodes.CONFIG;
        }
        if (e instanceof IngestJob.TooManyBadRecordsException) {
            return ExitCodes.TOO_MANY_BAD_RECORDS;
        }
        return ExitCodes.FAILED;
    }

    /** Spark's message when a task could not read one of its input files. */
    private static final Pattern UNREADABLE_FILE =
            Pattern.compile("Encountered error while reading file (.+?)\\. Details:");

    static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /**
     * The most telling message of an exception chain, on one line: Relais's own exceptions say
     * what went wrong in the user's terms and win; otherwise the deepest cause that has a message
     * (Spark wraps the real error in "Job aborted due to stage failure"), after the name of the
     * file Spark could not read, if it was reading one. Stack traces that some messages carry are
     * cut off; the log has them whole.
     */
    public static String oneLine(Throwable e) {
        String ours = null;
        String deepest = null;
        String unreadFile = null;
        boolean checksum = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() == null || t.getMessage().isBlank()) {
                continue;
            }
            String m = Causes.message(t);
            if (ours == null && (t instanceof Topics.KafkaUnavailableException || t instanceof Lake.LakeException
                    || t.getClass().getName().startsWith("org.relais."))) {
                ours = m;
            }
            Matcher read = UNREADABLE_FILE.matcher(t.getMessage());
            if (unreadFile == null && read.find()) {
                unreadFile = read.group(1);
            }
            checksum |= t instanceof ChecksumException;
            deepest = t.getClass().getName().startsWith("org.apache.spark.") && deepest != null ? deepest : m;
        }
        String message = ours != null ? ours : deepest != null ? deepest : e.getClass().getSimpleName();
        if (ours == null && unreadFile != null) {
            message = "cannot read " + unreadFile + ": " + (checksum
                    ? "its bytes no longer match its checksum file (it was changed or damaged after it was written)"
                    : message);
        }
        int trace = message.indexOf("\n\tat ");
        if (trace > 0) {
            message = message.substring(0, trace);
        }
        int driverTrace = message.indexOf("Driver stacktrace:");
        if (driverTrace > 0) {
            message = message.substring(0, driverTrace);
        }
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static ObjectNode lakeRows(RunContext ctx) {
        ObjectNode rows = Lake.json().createObjectNode();
        LakeState state = ctx.lake().state();
        for (Tables.Table t : Tables.ingested()) {
            rows.put(t.name(), ctx.lake().read(ctx.spark(), t, state).count());
        }
        return rows;
    }
}
