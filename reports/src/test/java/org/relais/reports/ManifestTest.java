package org.relais.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
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
    void aFailedReportStageRecordedInTheRunLogMakesTheRunFailed() {
        runLog.succeeded("ingest", T0, T0.plusSeconds(10), details());
        runLog.succeeded("analyze", T0.plusSeconds(10), T0.plusSeconds(40), details());
        runLog.failed("report", T0.plusSeconds(40), T0.plusSeconds(41), "disk full");

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
        runLog.failed("analyze", T0.plusSeconds(10), T0.plusSeconds(12), "out of memory");

        ObjectNode m = Manifest.build(runLog, RelaisConfig.defaults(), null);

        assertEquals(RunLog.FAILED, m.path("status").asText());
        assertEquals(false, m.path("stages").has("report"), "the report stage never ran: " + m);
    }
}
