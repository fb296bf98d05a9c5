package org.relais.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.job.IngestJob;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.RunLog;

/** The manifest built from the stage records of a run log kept in a real (local) lake. */
class ManifestTest {

    private static final String RUN = "2026-11-21";
    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path tmp;

    private RunLog runLog;

    @BeforeEach
    void openLake() {
        runLog = new RunLog(Lake.open(tmp.resolve("lake").toString(), new Configuration()), RUN);
    }

    private static ObjectNode details() {
        return Lake.json().createObjectNode();
    }

    @Test
    void aRunWhoseStagesAllSucceededSucceeded() {
        runLog.succeeded("ingest", T0, T0.plusSeconds(10), details());
        runLog.succeeded("analyze", T0.plusSeconds(10), T0.plusSeconds(40), details());
        ObjectNode report = runLog.succeeded("report", T0.plusSeconds(40), T0.plusSeconds(45), details());

        ObjectNode m = Manifest.build(runLog, RelaisConfig.defaults(), report);

        assertEquals(RunLog.SUCCEEDED, m.path("status").asText());
        assertEquals(5.0, m.path("durations_seconds").path("report").asDouble());
    }

    @Test
    void theParametersHoldEveryKeyThatShapesTheRunButNotHowToConnect() {
        RelaisConfig config = RelaisConfig.builder().set(java.util.List.of("communities.seed=7",
                "kafka.client={\"sasl.jaas.config\"=secret, \"security.protocol\"=SASL_SSL}",
                "spark.conf={\"spark.executor.memory\"=4g}")).build();

        ObjectNode p = Manifest.parameters(config);

        assertEquals("7", p.path("relais.communities.seed").asText(), "communities depend on their seed: " + p);
        for (String key : java.util.List.of("relais.hits.max-iterations", "relais.explain.top",
                "relais.analyze.memory-budget", "relais.pagerank.damping", "relais.graph.merge-identities")) {
            assertTrue(p.has(key), key + " in " + p);
        }
        p.fieldNames().forEachRemaining(k -> assertFalse(k.startsWith("relais.kafka.client.")
                || k.startsWith("relais.spark.conf."), k + ": a pass-through property"));
        // The build passes these to the tests as -D properties, as bin/relais passes the broker's.
        for (String launch : java.util.List.of("relais.project.dir", "relais.shared.dir", "relais.broker.lib")) {
            assertFalse(p.has(launch), launch + " is a path given at launch, not a setting");
        }
    }

    @Test
    void aFailedReportStageRecordedInTheRunLogMakesTheRunFailed() {
        runLog.succeeded("ingest", T0, T0.plusSeconds(10), details());
        runLog.succeeded("analyze", T0.plusSeconds(10), T0.plusSeconds(40), details());
        runLog.failed("report", T0.plusSeconds(40), T0.plusSeconds(41), "disk full", "java.io.IOException: disk full");

        // As the failure handler calls it: no report record of its own to give.
        ObjectNode m = Manifest.build(runLog, RelaisConfig.defaults(), null);

        assertEquals(RunLog.FAILED, m.path("status").asText(), "the report stage failed: " + m);
        JsonNode report = m.path("stages").path("report");
        assertEquals(RunLog.FAILED, report.path(RunLog.STATUS).asText(), "the failed stage is listed: " + m);
        assertEquals("disk full", report.path("cause").asText());
        assertEquals(1.0, m.path("durations_seconds").path("report").asDouble());
    }

    @Test
    void aFailedEarlierStageMakesTheRunFailedEvenWithoutAReportRecord() {
        runLog.succeeded("ingest", T0, T0.plusSeconds(10), details());
        runLog.failed("analyze", T0.plusSeconds(10), T0.plusSeconds(12), "out of memory", null);

        ObjectNode m = Manifest.build(runLog, RelaisConfig.defaults(), null);

        assertEquals(RunLog.FAILED, m.path("status").asText());
        assertFalse(m.path("stages").has("report"), "the report stage never ran: " + m);
    }

    @Test
    void recordsPerFormatDeletionsAndRetentionLossesComeFromTheIngestRecord() {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        ranges.put("relais.posts/0", new long[] {100, 140});
        LakeState.Batch batch = new LakeState.Batch(RUN, ranges, 40, Map.of("posts", 30L), Map.of("posts", 2L),
                Map.of("bad_json", 1L), Map.of("posts", 4L, "accounts", 1L),
                Map.of("twitter-v2", 25L, "relais-json", 15L), Map.of());
        IngestJob.Result ingest = new IngestJob.Result(7, batch, Map.of("relais.posts/0", 12L), false);
        runLog.succeeded("ingest", T0, T0.plusSeconds(10), ingest.toJson());

        JsonNode records = Manifest.build(runLog, RelaisConfig.defaults(), null).path("records");

        assertEquals(40, records.path("kafka_records").asLong());
        assertEquals(Lake.json().valueToTree(Map.of("twitter-v2", 25, "relais-json", 15)), records.path("by_format"),
                "records: " + records);
        assertEquals(Lake.json().valueToTree(Map.of("posts", 4, "accounts", 1)), records.path("deleted_by_deletions"),
                "records: " + records);
        assertEquals(Lake.json().valueToTree(Map.of("relais.posts/0", 12)), records.path("lost_to_retention"),
                "records: " + records);
    }

    @Test
    void anIngestRecordWithoutThoseFiguresLeavesThemOut() {
        runLog.succeeded("ingest", T0, T0.plusSeconds(10), details().put("records", 3));

        JsonNode records = Manifest.build(runLog, RelaisConfig.defaults(), null).path("records");

        for (String field : new String[] {"by_format", "deleted_by_deletions", "lost_to_retention"}) {
            assertFalse(records.has(field), field + " was not recorded, so it is not made up: " + records);
        }
    }
}
