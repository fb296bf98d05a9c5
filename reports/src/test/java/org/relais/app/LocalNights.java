package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * Nights of the whole pipeline for a test, through the command line as a user runs them: files
 * published to a real broker with {@code relais produce}, then {@code relais nightly} with local
 * Spark, a lake under {@code work/lake} and reports under {@code work/reports}.
 */
record LocalNights(KafkaBrokerExtension kafka, Path work) {

    /** Writes {@code content} to {@code work/name} and publishes it; every record must be accepted. */
    void publish(String format, String topic, String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content + "\n");
        NightlyIT.Run r = NightlyIT.capture(List.of("produce", "--format", format, "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers(), file.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0 rejected"), r.out());
    }

    /** Runs the nightly job for {@code date} on two local cores, with {@code settings} ({@code key=value}) too. */
    NightlyIT.Run nightly(String date, String... settings) {
        List<String> args = new ArrayList<>(List.of("nightly", "--run-date", date, "--lake",
                work.resolve("lake").toString(), "--reports", reports(date).getParent().toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--master", "local[2]",
                "--set", "spark.shuffle-partitions=2"));
        for (String setting : settings) {
            args.addAll(List.of("--set", setting));
        }
        return NightlyIT.capture(args);
    }

    /** The report directory of {@code date}. */
    Path reports(String date) {
        return work.resolve("reports").resolve(date);
    }
}
