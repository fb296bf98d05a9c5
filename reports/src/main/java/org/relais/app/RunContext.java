package org.relais.app;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeLock;
import org.relais.ingest.lake.RunLog;
import org.relais.ingest.spark.SparkSessions;

/**
 * What the stages of one run share: the configuration, the Spark session, the lake, the run date
 * and its run log. Closing it stops the Spark session it started.
 */
public final class RunContext implements AutoCloseable {

    /**
     * When a run stopped by a signal records it: after Spark's shutdown (at
     * {@code FileSystem.SHUTDOWN_HOOK_PRIORITY + 30}) has stopped its jobs, before the lake's lock
     * is released ({@code + 10}) and Hadoop closes its file systems.
     */
    private static final int STOP_RECORD_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 20;

    private final RelaisConfig config;
    private final SparkSession spark;
    private final Lake lake;
    private final String runDate;
    private final RunLog runLog;
    private final LakeLock lock;
    private final Runnable recordStopAtSignal = this::recordStop;

    private RunContext(RelaisConfig config, SparkSession spark, Lake lake, String runDate, LakeLock lock) {
        this.config = config;
        this.spark = spark;
        this.lake = lake;
        this.runDate = runDate;
        this.runLog = new RunLog(lake, runDate);
        this.lock = lock;
        ShutdownHookManager.get().addShutdownHook(recordStopAtSignal, STOP_RECORD_PRIORITY);
    }

    /**
     * At a signal: the stage still running is recorded as failed, and the run's manifest marked
     * failed, as for any failure; without it they would say "running", and the date would have no
     * manifest, since the run began by forgetting its earlier attempts'.
     */
    private void recordStop() {
        try {
            if (runLog.recordStopped(Interruption.CAUSE)) {
                JobCommand.recordFailure(this);
            }
        } catch (RuntimeException e) {
            // Shutting down: the record stays "running", as after kill -9.
        }
    }

    /**
     * Starts Spark, opens the lake (creating it when missing) and takes its lock for
     * {@code command} on {@code runDate}. With {@code committedLake}, for commands that only read
     * what ingest stored, a lake that does not exist or holds no commit is an error
     * ({@link Lake#openCommitted}) rather than a new, empty lake.
     *
     * @throws LakeLock.LakeLockedException when another run holds the lake; Spark is stopped again
     */
    public static RunContext open(RelaisConfig config, LocalDate runDate, String command, boolean committedLake)
            throws LakeLock.LakeLockedException {
        SparkSession spark = SparkSessions.create("relais-" + command, config);
        try {
            String location = config.string("relais.lake");
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            Lake lake = committedLake ? Lake.openCommitted(location, hadoop) : Lake.open(location, hadoop);
            LakeLock lock = LakeLock.acquire(lake, command, runDate.toString());
            return new RunContext(config, spark, lake, runDate.toString(), lock);
        } catch (RuntimeException | LakeLock.LakeLockedException e) {
            spark.stop();
            throw e;
        }
    }

    public RelaisConfig config() {
        return config;
    }

    public SparkSession spark() {
        return spark;
    }

    public Lake lake() {
        return lake;
    }

    public String runDate() {
        return runDate;
    }

    public RunLog runLog() {
        return runLog;
    }

    /** The reports root directory, {@code relais.reports}. */
    public Path reports() {
        return Paths.get(config.string("relais.reports")).toAbsolutePath();
    }

    @Override
    public void close() {
        try {
            ShutdownHookManager.get().removeShutdownHook(recordStopAtSignal);
        } catch (IllegalStateException shuttingDown) {
            // The hooks are running: this one records the stop.
        }
        try {
            lock.close();
        } finally {
            spark.stop();
        }
    }
}
