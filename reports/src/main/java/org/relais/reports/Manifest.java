package org.relais.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.RunLog;

/**
 * A run's {@code manifest.json}: the run date and status, what was consumed from Kafka (offset
 * ranges per topic partition), rows per table, what was quarantined and why, each stage's figures
 * and duration, the parameters that shaped the scores, and the versions of the software. With it,
 * a run can be explained and reproduced. Secrets in the configuration are never written.
 */
public final class Manifest {

    /** The stages of a nightly run, in order. */
    public static final List<String> STAGES = List.of("ingest", "analyze", "report");

    private Manifest() {
    }

    /**
     * Gathers the stage records of {@code runLog} and the report's own figures into a manifest.
     *
     * @param report the report stage's record, written just before (the report stage is still
     *     running); null to take the report stage's record from {@code runLog}, as a failure
     *     handler does once the stage has recorded its failure
     */
    public static ObjectNode build(RunLog runLog, RelaisConfig config, ObjectNode report) {
        ObjectNode m = Lake.json().createObjectNode();
        m.put("run_date", runLog.runDate());
        String status = RunLog.SUCCEEDED;
        ObjectNode stages = Lake.json().createObjectNode();
        for (String stage : STAGES) {
            JsonNode record = stage.equals("report") && report != null ? report : runLog.read(stage);
            if (record == null) {
                continue;
            }
            stages.set(stage, record);
            // A stage that failed, or never finished (a run killed), makes the run a failed one.
            if (!RunLog.SUCCEEDED.equals(record.path(RunLog.STATUS).asText())) {
                status = RunLog.FAILED;
            }
        }
        m.put("status", status);
        JsonNode ingest = stages.path("ingest").path("details");
        m.set("consumed", ingest.path("consumed").deepCopy());
        ObjectNode records = m.putObject("records");
        records.put("kafka_records", ingest.path("records").asLong());
        copyIfRecorded(ingest, "by_format", records, "by_format");
        records.set("rows_added", ingest.path("rows").deepCopy());
        records.set("duplicates_dropped", ingest.path("duplicates").deepCopy());
        copyIfRecorded(ingest, "deleted", records, "deleted_by_deletions");
        records.set("lake_rows", ingest.path("lake_rows").deepCopy());
        copyIfRecorded(ingest, "lost_to_retention", records, "lost_to_retention");
        ObjectNode quarantine = m.putObject("quarantined");
        quarantine.put("total", ingest.path("quarantined_total").asLong());
        quarantine.set("by_reason", ingest.path("quarantined").deepCopy());
        ObjectNode durations = m.putObject("durations_seconds");
        stages.fields().forEachRemaining(e -> durations.put(e.getKey(), e.getValue().path("seconds").asDouble()));
        m.set("stages", stages);
        m.set("parameters", parameters(config));
        m.set("versions", versions());
        return m;
    }

    /**
     * Copies a figure of the ingest record that older run logs may lack; a missing figure stays
     * missing, so a reader can tell "not recorded" from "none".
     */
    private static void copyIfRecorded(JsonNode ingest, String field, ObjectNode records, String as) {
        if (ingest.has(field)) {
            records.set(as, ingest.get(field).deepCopy());
        }
    }

    public static void write(Path file, ObjectNode manifest) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Lake.json().writeValue(file.toFile(), manifest);
    }

    /**
     * The configuration of the run, every {@code relais.*} key (seeds, weights, thresholds, the
     * memory budget that chose the in-memory or the Spark path), so that the run can be repeated
     * from its manifest (where the lake, the reports and the brokers were included); secrets
     * redacted. The pass-through Kafka and Spark client properties are left out: they say how to
     * connect (security protocols, keystores, accounts), not what was computed.
     */
    static ObjectNode parameters(RelaisConfig config) {
        ObjectNode p = Lake.json().createObjectNode();
        config.redactedSettings().forEach(p::putPOJO);
        return p;
    }

    /** Versions of Relais and of the libraries that computed this run. */
    public static ObjectNode versions() {
        ObjectNode v = Lake.json().createObjectNode();
        v.put("relais", relaisVersion());
        v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        v.put("scala", scala.util.Properties.versionNumberString());
        v.put("kafka_clients", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    public static String relaisVersion() {
        try (InputStream in = Manifest.class.getResourceAsStream("/relais-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
