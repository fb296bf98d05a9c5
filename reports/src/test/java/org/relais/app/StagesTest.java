package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.RunLog;

/** How a stage's end, whatever it is, is recorded in a real (local) lake's run log. */
class StagesTest {

    @TempDir
    Path tmp;

    private Lake lake;
    private RunLog runLog;

    @BeforeEach
    void openLake() {
        lake = Lake.open(tmp.resolve("lake").toString(), new Configuration());
        runLog = new RunLog(lake, "2026-11-21");
    }

    @Test
    void runningOutOfMemoryIsRecordedAsTheStagesFailure() {
        StageFailedException e = assertThrows(StageFailedException.class,
                () -> Stages.timed(runLog, Stages.ANALYZE, () -> {
                    throw new OutOfMemoryError("Java heap space");
                }));
        assertEquals(ExitCodes.FAILED, e.exitCode());
        JsonNode record = runLog.read(Stages.ANALYZE);
        assertEquals(RunLog.FAILED, record.path(RunLog.STATUS).asText());
        assertTrue(record.path("cause").asText().contains("Java heap space"), record.toString());
    }

    /**
     * A signal's shutdown hook records the stage then running as failed while the run's own thread
     * goes on until the JVM halts: whatever that thread records afterwards (the stage's success, the
     * next stage's start) must not replace what the stop recorded.
     */
    @Test
    void afterAStopTheRunsOwnRecordsNoLongerReplaceWhatItRecorded() {
        Instant start = Instant.parse("2026-11-21T02:00:00Z");
        runLog.succeeded(Stages.INGEST, start, start.plusSeconds(3), Lake.json().createObjectNode());
        runLog.running(Stages.ANALYZE, start.plusSeconds(3));
        assertTrue(runLog.recordStopped("stopped by a signal (SIGTERM)"), "a stage failed: the manifest says so");
        runLog.succeeded(Stages.ANALYZE, start.plusSeconds(3), start.plusSeconds(9), Lake.json().createObjectNode());
        runLog.running(Stages.REPORT, start.plusSeconds(9));
        assertEquals(RunLog.SUCCEEDED, runLog.read(Stages.INGEST).path(RunLog.STATUS).asText());
        assertEquals(RunLog.FAILED, runLog.read(Stages.ANALYZE).path(RunLog.STATUS).asText());
        assertEquals("stopped by a signal (SIGTERM)", runLog.read(Stages.ANALYZE).path("cause").asText());
        assertNull(runLog.read(Stages.REPORT), "no stage starts after the stop");
    }

    @Test
    void theReportWantsASuccessfulAnalysisOfItsDate() throws Exception {
        Stages.NotAnalyzedException none = assertThrows(Stages.NotAnalyzedException.class,
                () -> Stages.requireAnalyzed(runLog, lake));
        assertEquals("the lake holds no analysis of run date 2026-11-21: run 'relais analyze --run-date 2026-11-21'"
                + " (same --lake) first", none.getMessage());

        runLog.failed(Stages.ANALYZE, java.time.Instant.EPOCH, java.time.Instant.EPOCH, "disk full", null);
        Stages.NotAnalyzedException failed = assertThrows(Stages.NotAnalyzedException.class,
                () -> Stages.requireAnalyzed(runLog, lake));
        assertEquals("the analysis of run date 2026-11-21 failed (disk full), so its tables may be half written: run"
                + " 'relais analyze --run-date 2026-11-21' (same --lake) first", failed.getMessage());

        runLog.succeeded(Stages.ANALYZE, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                Lake.json().createObjectNode());
        Stages.requireAnalyzed(runLog, lake);
    }

    @Test
    void aStageIsRecordedAsRunningBeforeItTouchesAnythingSoAKilledAttemptLeavesNoSuccessBehind() throws Exception {
        runLog.succeeded(Stages.ANALYZE, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                Lake.json().createObjectNode());
        String during = Stages.timed(runLog, Stages.ANALYZE,
                () -> new Stages.Outcome<>(runLog.read(Stages.ANALYZE).path(RunLog.STATUS).asText(),
                        Lake.json().createObjectNode()));
        assertEquals(RunLog.RUNNING, during, "the earlier attempt's success is gone while this one runs");
        assertEquals(RunLog.SUCCEEDED, runLog.read(Stages.ANALYZE).path(RunLog.STATUS).asText());

        // An attempt killed outright (kill -9) leaves its "running" record: the report refuses it.
        runLog.running(Stages.ANALYZE, java.time.Instant.parse("2026-11-21T03:00:00Z"));
        Stages.NotAnalyzedException killed = assertThrows(Stages.NotAnalyzedException.class,
                () -> Stages.requireAnalyzed(runLog, lake));
        assertEquals("the analysis of run date 2026-11-21 started at 2026-11-21T03:00:00Z and never finished (still"
                + " running, or stopped without a word), so its tables may be half written: run 'relais analyze"
                + " --run-date 2026-11-21' (same --lake) first", killed.getMessage());
    }

    @Test
    void theReportRefusesAnAnalysisThatDeletionsCommittedLaterMayContradict() throws Exception {
        commitBatch(1, Map.of("posts", 3L, "deletions", 0L));
        analysedAt(1);
        Stages.requireAnalyzed(runLog, lake);

        commitBatch(2, Map.of("posts", 5L));
        Stages.requireAnalyzed(runLog, lake);

        commitBatch(3, Map.of("posts", 1L, "deletions", 2L));
        Stages.NotAnalyzedException later = assertThrows(Stages.NotAnalyzedException.class,
                () -> Stages.requireAnalyzed(runLog, lake));
        assertEquals("the lake received 2 deletion(s) after the analysis of run date 2026-11-21 (lake version 1), so"
                + " its tables may name deleted posts or accounts: run 'relais analyze --run-date 2026-11-21' (same"
                + " --lake) first", later.getMessage());

        analysedAt(3);
        Stages.requireAnalyzed(runLog, lake);
    }

    private void commitBatch(long version, Map<String, Long> rows) {
        lake.commit(new LakeState(version, java.time.Instant.EPOCH, Map.of(), Map.of(),
                new LakeState.Batch("2026-11-21", Map.of(), 10, rows, Map.of(), Map.of())));
    }

    private void analysedAt(long version) {
        runLog.succeeded(Stages.ANALYZE, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                Lake.json().createObjectNode().put(Stages.LAKE_VERSION, version));
    }

    @Test
    void aNewAttemptForgetsTheManifestOfTheLastOne() {
        runLog.writeManifest(Lake.json().createObjectNode().put(RunLog.STATUS, RunLog.SUCCEEDED));
        runLog.succeeded(Stages.INGEST, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                Lake.json().createObjectNode());

        runLog.reset(List.of(Stages.INGEST, Stages.ANALYZE, Stages.REPORT));

        assertNull(runLog.read(Stages.INGEST));
        assertNull(Lake.open(tmp.resolve("lake").toString(), new Configuration()).readJson(runLog.manifestFile()),
                "a killed attempt must not leave the last one's 'succeeded' behind");
    }
}
