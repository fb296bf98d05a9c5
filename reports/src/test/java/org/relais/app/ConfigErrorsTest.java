package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.cli.ExitCodes;

/**
 * Configuration errors on the command line: exit code 3 and every problem at once, before any
 * Spark session starts. Each case has at least one bad value, so that no job runs.
 */
class ConfigErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownKeysAndBadValuesOfTheStagesAreReportedTogether() throws IOException {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "relais.lak = x\nrelais.pagerank.dampng = 0.9\nrelais.report.top = 0\n");
        NightlyIT.Run r = analyze("--config", file.toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertEquals(List.of("relais analyze: 3 configuration errors:",
                "  - unknown key relais.lak in " + file + "; did you mean relais.lake?",
                "  - unknown key relais.pagerank.dampng in " + file + "; did you mean relais.pagerank.damping?",
                "  - relais.report.top was 0, but must be in [1, 100000]"), r.err().strip().lines().toList());
    }

    @Test
    void aSparkSettingsObjectIsAcceptedOnTheCommandLine() {
        // Only report.top is reported: the object is a valid relais.spark.conf.
        NightlyIT.Run r = analyze("--set", "spark.conf={\"spark.network.timeout\":\"300s\"}",
                "--set", "spark.conf.spark.ui.enabled=false", "--set", "report.top=0");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertEquals("relais analyze: configuration error: relais.report.top was 0, but must be in [1, 100000]",
                r.err().strip());
    }

    @Test
    void aSparkSettingsValueThatIsNoObjectIsAConfigurationError() {
        NightlyIT.Run r = analyze("--set", "spark.conf=spark.ui.enabled");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertEquals("relais analyze: configuration error: relais.spark.conf must be an object of Spark properties,"
                + " e.g. {\"spark.ui.enabled\": \"false\"} (on the command line:"
                + " --set 'spark.conf={\"spark.ui.enabled\":\"false\"}'), got a string", r.err().strip());
    }

    @Test
    void aStringForAListIsOneLine() {
        NightlyIT.Run r = analyze("--set", "kafka.topics=relais.posts");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertEquals("relais analyze: configuration error: relais.kafka.topics must be a list of strings,"
                + " e.g. [\"relais.posts\"] (on the command line: --set 'kafka.topics=[\"a\",\"b\"]'), got a string",
                r.err().strip());
    }

    @Test
    void aQuarantineRetentionOfNothingIsRefused() {
        NightlyIT.Run r = analyze("--set", "relais.ingest.quarantine-retention=0s");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertEquals("relais analyze: configuration error: relais.ingest.quarantine-retention was 0 ms, but must be"
                + " positive", r.err().strip());
    }

    @Test
    void measureProblemsNameTheirKeys() throws IOException {
        NightlyIT.Run r = analyze("--set", "relais.pagerank.max-iterations=-5");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertEquals("relais analyze: configuration error: relais.pagerank.max-iterations was -5, but must be >= 1",
                r.err().strip());
        Path edges = dir.resolve("edges.csv");
        Files.writeString(edges, "source,target\na,b\n");
        NightlyIT.Run rank = NightlyIT.capture(List.of("rank", "--out", dir.resolve("out").toString(),
                "--edges", edges.toString(), "--set", "communities.passes=0", "--set", "pagerank.dampng=0.9"));
        assertEquals(ExitCodes.CONFIG, rank.code(), rank.err());
        assertEquals(List.of("relais rank: 2 configuration errors:",
                "  - unknown key relais.pagerank.dampng on the command line; did you mean relais.pagerank.damping?",
                "  - relais.communities.passes was 0, but must be >= 1"), rank.err().strip().lines().toList());
    }

    private NightlyIT.Run analyze(String... args) {
        List<String> all = new ArrayList<>(List.of("analyze", "--lake", dir.resolve("lake").toString()));
        all.addAll(List.of(args));
        return NightlyIT.capture(all);
    }
}
