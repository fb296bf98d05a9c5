package org.relais.ingest.spark;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

/**
 * Builds the Spark session every Relais job runs in, with the settings that make runs reliable:
 * UTC timestamps, a small number of shuffle partitions, and, for local masters, a driver bound to
 * 127.0.0.1 (host names resolve oddly on some machines).
 */
public final class SparkSessions {

    /** The master used when neither the configuration nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    /**
     * The local masters Spark 3.5 accepts (its {@code SparkMasterRegex}): local, local[N], local[*],
     * local[N,F], local[*,F], local-cluster[N,C,M]; N at least 1, as Spark refuses 0 threads.
     */
    private static final Pattern LOCAL = Pattern.compile("local(\\[([1-9][0-9]*|\\*)(\\s*,\\s*[0-9]+)?])?"
            + "|local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]");

    /** The URLs of the cluster managers Spark 3.5 has besides YARN: standalone, Kubernetes, Mesos. */
    private static final Pattern CLUSTER = Pattern.compile("(spark|k8s|mesos)://.+");

    private SparkSessions() {
    }

    /**
     * Checks the Spark settings a session is built from, so that a bad one is reported with the
     * configuration's other problems rather than by Spark.
     *
     * @throws ConfigException listing the problems: {@link #masterProblem}, a number of shuffle
     *     partitions below 1
     */
    public static void check(RelaisConfig config) {
        List<String> problems = new ArrayList<>();
        String master = masterProblem(config);
        if (master != null) {
            problems.add(master);
        }
        int partitions = config.integer("relais.spark.shuffle-partitions");
        if (partitions < 1) {
            problems.add("relais.spark.shuffle-partitions was " + partitions + ", but must be >= 1");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * The problem with {@code relais.spark.master}, or null: a value Spark would refuse after
     * starting to build its context (with a long stack trace) is reported with the configuration's
     * other problems instead. Accepted: the local forms, {@code yarn}, and the URLs of Spark's
     * cluster managers ({@code spark://}, {@code k8s://}, {@code mesos://}), which they judge
     * themselves.
     */
    public static String masterProblem(RelaisConfig config) {
        String master = config.string("relais.spark.master").trim();
        if (master.isEmpty() || master.equals("yarn") || CLUSTER.matcher(master).matches()
                || LOCAL.matcher(master).matches()) {
            return null;
        }
        return "relais.spark.master (--master) was \"" + master + "\", which is not a Spark master URL: use local,"
                + " local[N], local[*], spark://HOST:PORT, yarn or k8s://URL";
    }

    /**
     * A session for {@code appName}. The master is {@code relais.spark.master} when set; otherwise
     * the one spark-submit passed; otherwise {@value #DEFAULT_MASTER}.
     */
    public static SparkSession create(String appName, RelaisConfig config) {
        SparkConf submitted = new SparkConf();
        String configured = config.string("relais.spark.master").trim();
        String master = !configured.isEmpty() ? configured : submitted.get("spark.master", DEFAULT_MASTER);

        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", config.integer("relais.spark.shuffle-partitions"))
                .config("spark.sql.warehouse.dir",
                        Paths.get(System.getProperty("java.io.tmpdir"), "relais-spark-warehouse").toUri().toString())
                .config("spark.sql.parquet.compression.codec", "zstd")
                // Times are written as they are (proleptic Gregorian, as java.time counts), also
                // before 1900: a crawl's "0001-01-01" must not stop a night. Files that Relais's
                // tasks write (ParquetRowWriter) say the same in their footer.
                .config("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED")
                .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // Plans of the wide canonical tables exceed the default of 25 fields and log a warning.
                .config("spark.sql.debug.maxToStringFields", "200");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        for (Map.Entry<String, String> e : config.passThrough(RelaisConfig.SPARK_CONF).entrySet()) {
            builder.config(e.getKey(), e.getValue());
        }
        try {
            return builder.getOrCreate();
        } catch (Exception e) {
            // Also the checked exceptions Scala throws undeclared, such as a ClassNotFoundException
            // for a class a Spark property names.
            throw new StartException(master, e);
        }
    }

    /** Spark could not start; the message names the cause and where to look. */
    public static final class StartException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StartException(String master, Exception cause) {
            super("Spark could not start on " + master + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip().replaceAll("\\s*\\R\\s*", " "))
                    + (noClusterManager(master, cause) ? " (the Spark inside bin/relais runs local and spark:// masters"
                            + " only: submit relais-app.jar with the cluster's spark-submit, see docs/operations.md)"
                            : " (check relais.spark.conf and relais.spark.master)"), cause);
        }

        /** Whether {@code master} is YARN, Kubernetes or Mesos, whose support is not on the class path. */
        private static boolean noClusterManager(String master, Exception cause) {
            return (master.equals("yarn") || master.startsWith("k8s://") || master.startsWith("mesos://"))
                    && String.valueOf(cause.getMessage()).contains("Could not parse Master URL");
        }
    }
}
