package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.ingest.job.IngestJob;
import org.relais.ingest.lake.LakeState;

/** The console's line about ingest. */
class NightlySummaryTest {

    private static final LakeState.Batch BATCH = new LakeState.Batch("2026-11-21",
            Map.of("relais.posts/0", new long[] {0, 7720}), 7720, Map.of("posts", 7000L), Map.of(),
            Map.of("malformed_json", 3L));

    @Test
    void aBatchReadTonightIsShownAsRead() {
        assertEquals("7,720 record(s) read, 3 quarantined, lake version 4", NightlySummary.ingestLine(
                new IngestJob.Result(4, BATCH, Map.of(), false)));
    }

    @Test
    void aReRunSaysItReadNothingAndWhoseBatchItReports() {
        assertEquals("nothing new; this date's batch (7,720 record(s), 3 quarantined) was committed by an earlier"
                + " attempt, lake version 4", NightlySummary.ingestLine(
                new IngestJob.Result(4, BATCH, Map.of(), true)));
    }

    @Test
    void figuresDoNotDependOnTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            aBatchReadTonightIsShownAsRead();
        } finally {
            Locale.setDefault(before);
        }
    }
}
