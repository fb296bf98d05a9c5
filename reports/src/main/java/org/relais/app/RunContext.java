package org.relais.app;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.RunLog;
import org.relais.ingest.spark.SparkSessions;

/**
 * What the stages of one run share: the configuration, the Spark session, the lake, the run date
 * and its run log. Closing it stops the Spark session it started.
 */
public final class RunContext implements AutoCloseable {

    private final RelaisConfig config;
    private final SparkSession spark;
    private final Lake lake;
    private final String runDate;
    private final RunLog runLog;

    private RunContext(RelaisConfig config, SparkSession spark, Lake lake, String runDate) {
        this.config = config;
        this.spark = spark;
        this.lake = lake;
        this.runDate = runDate;
        this.runLog = new RunLog(lake, runDate);
    }

    /** Starts Spark and opens the lake for a run on {@code runDate}. */
    public static RunContext open(RelaisConfig config, LocalDate runDate, String appName) {
        SparkSession spark = SparkSessions.create(appName, config);
        try {
            Lake lake = Lake.open(config.string("relais.lake"), spark);
            return new RunContext(config, spark, lake, runDate.toString());
        } catch (RuntimeException e) {
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
        spark.stop();
    }
}
