package org.relais.ingest.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.spark.SparkSessions;

/**
 * One {@code local[2]} Spark session per test class, built like the jobs build theirs, with two
 * shuffle partitions: {@code @RegisterExtension static SparkExtension spark = new SparkExtension();}
 */
public final class SparkExtension implements BeforeAllCallback, AfterAllCallback {

    private final String master;
    private SparkSession session;

    public SparkExtension() {
        this("local[2]");
    }

    /** A session on {@code master}: {@code local[2,3]}, say, lets a failed task be tried again. */
    public SparkExtension(String master) {
        this.master = master;
    }

    /** The test configuration: local[2], two shuffle partitions. */
    public static RelaisConfig config() {
        return config("local[2]");
    }

    private static RelaisConfig config(String master) {
        return RelaisConfig.builder()
                .set("relais.spark.master", master)
                .set("relais.spark.shuffle-partitions", 2)
                .build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session = SparkSessions.create(context.getRequiredTestClass().getSimpleName(), config(master));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.stop();
        }
    }

    public SparkSession session() {
        return session;
    }
}
