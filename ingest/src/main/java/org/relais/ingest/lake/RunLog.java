package org.relais.ingest.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.Path;

/**
 * What each stage of a run did, kept in the lake under {@code _runs/<run-date>/<stage>.json}: its
 * status, when it ran, how long it took, and its figures. The report stage gathers these into the
 * run's {@code manifest.json}; they also let stages run as separate {@code spark-submit} jobs.
 */
public final class RunLog {

    public static final String STATUS = "status";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /**
     * A stage that started and has not recorded its end: still running, or stopped without a
     * word (killed, the machine lost). Its tables may be half written.
     */
    public static final String RUNNING = "running";

    private final Lake lake;
    private final String runDate;
    /** The stage that recorded {@link #running} and no end yet; null when none. */
    private volatile Started current;
    /** Whether a stage this run log recorded failed: a run stopped then must still leave its manifest. */
    private volatile boolean anyFailed;
    /**
     * Whether {@link #recordStopped} ran: the stage records then stay as it left them, whatever the
     * run's threads, still going while the JVM shuts down, record after it.
     */
    private boolean stopped;

    private record Started(String stage, Instant at) {
    }

    public RunLog(Lake lake, String runDate) {
        this.lake = lake;
        this.runDate = runDate;
    }

    public String runDate() {
        return runDate;
    }

    /**
     * Records that a stage started, before it touches anything: an earlier attempt's record,
     * "succeeded" perhaps, must not outlive a new attempt killed half-way.
     */
    public ObjectNode running(String stage, Instant started) {
        ObjectNode n = record(stage, RUNNING, started, null, Lake.json().createObjectNode(), null);
        synchronized (this) {
            // The file and the stage that recordStopped would mark failed change together.
            if (!stopped) {
                writeRecord(stage, n);
                current = new Started(stage, started);
            }
        }
        return n;
    }

    /** Records a stage that finished; {@code details} holds its figures. */
    public ObjectNode succeeded(String stage, Instant started, Instant finished, ObjectNode details) {
        ObjectNode n = record(stage, SUCCEEDED, started, finished, details, null);
        write(stage, n);
        return n;
    }

    /**
     * Writes {@code record}, as {@link #record} built it, as the record of {@code stage}; nothing
     * once {@link #recordStopped} has run.
     */
    public synchronized void write(String stage, ObjectNode record) {
        if (!stopped) {
            writeRecord(stage, record);
        }
    }

    private void writeRecord(String stage, ObjectNode record) {
        lake.writeJson(file(stage), record);
        String status = record.path(STATUS).asText();
        anyFailed |= FAILED.equals(status);
        Started running = current;
        if (running != null && running.stage().equals(stage) && !RUNNING.equals(status)) {
            current = null;
        }
    }

    /**
     * Records the stage still running, if one is, as failed with {@code cause}: what a run stopped
     * by a signal does on its way out, so that its record does not say "running" forever.
     *
     * @return whether a stage of this run failed, that one or one that had recorded its failure
     *     before the signal stopped the rest (the run's manifest is then to be marked failed)
     */
    public synchronized boolean recordStopped(String cause) {
        Started running = current;
        if (running != null) {
            writeRecord(running.stage(), record(running.stage(), FAILED, running.at(), Instant.now(),
                    Lake.json().createObjectNode(), cause));
        }
        stopped = true;
        return anyFailed;
    }

    /** Records a stage that failed, with the one-line cause and the stack trace for diagnosis. */
    public ObjectNode failed(String stage, Instant started, Instant finished, String cause, String trace) {
        ObjectNode details = Lake.json().createObjectNode();
        if (trace != null) {
            details.put("stack_trace", trace);
        }
        ObjectNode n = record(stage, FAILED, started, finished, details, cause);
        write(stage, n);
        return n;
    }

    /**
     * Forgets the stage records and the manifest of earlier attempts of this run date: a nightly
     * run starts afresh, and one that fails without a manifest of its own leaves none that says
     * an earlier attempt succeeded.
     */
    public void reset(java.util.List<String> stages) {
        for (String stage : stages) {
            lake.deleteQuietly(file(stage));
        }
        lake.deleteQuietly(manifestFile());
    }

    /**
     * Marks the date's report as published: its directory is in place, and the lake's tables of
     * the date are the ones it was made from. Kept apart from the stage records, which a new
     * attempt of the date forgets ({@link #reset}), since the publication stands until the next
     * report of the date replaces those tables ({@link #clearPublished}).
     */
    public void markPublished(Instant at) {
        lake.writeJson(publishedFile(), Lake.json().createObjectNode().put("published_at", at.toString()));
    }

    /** Withdraws the mark, before a report replaces the lake's tables of the date. */
    public void clearPublished() {
        lake.deleteQuietly(publishedFile());
    }

    /** Whether {@link #markPublished} marked the date's report (and no report withdrew it since). */
    public boolean markedPublished() {
        return lake.readJson(publishedFile()) != null;
    }

    private Path publishedFile() {
        return new Path(lake.runDir(runDate), "published.json");
    }

    /** Where the run's manifest is kept in the lake, success or failure: {@code _runs/<date>/manifest.json}. */
    public Path manifestFile() {
        return new Path(lake.runDir(runDate), "manifest.json");
    }

    /** Writes the run's manifest into the lake's run log. */
    public void writeManifest(ObjectNode manifest) {
        lake.writeJson(manifestFile(), manifest);
    }

    /** The record of {@code stage}, or null when it has not run for this date. */
    public JsonNode read(String stage) {
        return lake.readJson(file(stage));
    }

    /** A stage's record, not written; {@code finished} is null while it runs. */
    public static ObjectNode record(String stage, String status, Instant started, Instant finished,
            ObjectNode details, String cause) {
        ObjectNode n = Lake.json().createObjectNode();
        n.put("stage", stage);
        n.put(STATUS, status);
        n.put("started_at", started.toString());
        if (finished != null) {
            n.put("finished_at", finished.toString());
            n.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
        }
        if (cause != null) {
            n.put("cause", cause);
        }
        n.set("details", details);
        return n;
    }

    private Path file(String stage) {
        return new Path(lake.runDir(runDate), stage + ".json");
    }
}
