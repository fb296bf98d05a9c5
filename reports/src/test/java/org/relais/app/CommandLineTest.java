package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says to someone who got it wrong, before any stage runs: one line naming
 * the problem, a pointer to the help, and the exit code of wrong usage or configuration.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasItsOwnHelp() {
        for (List<String> args : List.of(List.of("nightly", "--help"), List.of("analyze", "-h"),
                List.of("broker", "start", "--help"), List.of("rank", "--help"))) {
            NightlyIT.Run r = NightlyIT.capture(args);
            assertEquals(0, r.code(), args + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: relais " + String.join(" ", args.subList(0, args.size() - 1))),
                    args + ": " + r.out());
        }
    }

    @Test
    void rankWhichReadsFilesDoesNotOfferKafkasBrokers() {
        // analyze and report take every job option, Kafka's too, so that one command line serves every stage
        for (String command : List.of("nightly", "ingest", "analyze", "report", "demo", "produce")) {
            assertTrue(NightlyIT.capture(List.of(command, "--help")).out().contains("--bootstrap-servers"), command);
        }
        assertFalse(NightlyIT.capture(List.of("rank", "--help")).out().contains("--bootstrap-servers"));
        NightlyIT.Run r = NightlyIT.capture(List.of("rank", "--bootstrap-servers", "localhost:9092"));
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void aWrongDateIsOneLineAndAPointerToTheHelp() {
        NightlyIT.Run r = NightlyIT.capture(List.of("nightly", "--run-date", "2026-13-45"));
        assertEquals(2, r.code());
        assertEquals(List.of("relais nightly: Invalid value for option '--run-date': '2026-13-45' is not a date"
                + " written YYYY-MM-DD, such as 2026-11-21", "See 'relais nightly --help'."), r.err().strip().lines()
                .toList());
    }

    @Test
    void aDateMustBeFourDigitsTwoAndTwo() {
        for (String date : List.of("+12026-10-19", "-0001-01-01", "2026-1-05", "２０２６-10-19")) {
            NightlyIT.Run r = NightlyIT.capture(List.of("analyze", "--run-date", date));
            assertEquals(2, r.code(), date + ": " + r.err());
            assertTrue(r.err().contains("is not a date written YYYY-MM-DD"), r.err());
        }
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        NightlyIT.Run r = NightlyIT.capture(List.of("nightlx"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Did you mean: relais nightly?"), r.err());
        NightlyIT.Run option = NightlyIT.capture(List.of("broker", "start", "--prot", "9092"));
        assertEquals(2, option.code());
        assertTrue(option.err().startsWith("relais broker start: Unknown options: '--prot', '9092'"), option.err());
        assertTrue(option.err().strip().endsWith("See 'relais broker start --help'."), option.err());
    }

    @Test
    void aMasterSparkWouldRefuseIsAConfigurationErrorBeforeSparkStarts() {
        NightlyIT.Run r = NightlyIT.capture(List.of("analyze", "--lake", dir.resolve("lake").toString(),
                "--master", "foo"));
        assertEquals(3, r.code(), r.err());
        assertEquals("relais analyze: configuration error: relais.spark.master (--master) was \"foo\", which is not a"
                + " Spark master URL: use local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL", r.err().strip());
        assertFalse(Files.exists(dir.resolve("lake")), "nothing was created");
    }

    @Test
    void anEmptyLakeOrReportsPlaceIsAConfigurationError() {
        NightlyIT.Run r = NightlyIT.capture(List.of("report", "--lake", "", "--reports", " ", "--run-date",
                "2026-10-19"));
        assertEquals(3, r.code(), r.err());
        assertEquals("relais report: 2 configuration errors:\n  - relais.lake is empty: it must name a directory (--lake on"
                + " the command line)\n  - relais.reports is empty: it must name a directory (--reports on the command"
                + " line)", r.err().strip());
    }

    @Test
    void theDemoRefusesSampleDataWithoutItsFiles() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("not-samples"));
        NightlyIT.Run r = NightlyIT.capture(List.of("demo", "--sample-data", empty.toString(),
                "--work-dir", dir.resolve("work").toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("relais demo: no sample data at " + empty + " (none of twitter/search_"), r.err());
        assertFalse(Files.exists(dir.resolve("work")), "no broker was started, nothing prepared");
    }

    @Test
    void theDemoRefusesPlacesItChoosesItselfRatherThanDroppingThem() {
        NightlyIT.Run r = NightlyIT.capture(List.of("demo", "--work-dir", dir.resolve("work").toString(),
                "--lake", dir.resolve("elsewhere").toString(), "--bootstrap-servers", "kafka:9092"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("relais demo: --lake, --bootstrap-servers: the demo writes its lake and reports"
                + " under --work-dir"), r.err());
        assertFalse(Files.exists(dir.resolve("work")), "no broker was started, nothing prepared");
        assertFalse(Files.exists(dir.resolve("elsewhere")));
    }
}
