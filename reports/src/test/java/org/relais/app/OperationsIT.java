package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeLock;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * The nightly job as infrastructure: re-running a date replaces its outputs whole, a second run on
 * a held lake is refused, a failure names its stage and keeps the previous outputs, an unwritable
 * output is a clear error, and secrets never reach any output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    static Path work;

    static final String DATE = "2026-11-02";

    @BeforeAll
    static void publish() throws IOException {
        Path posts = work.resolve("posts.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + i + "\",\"author_id\":\"u" + (i % 9)
                    + "\",\"created_at\":\"2026-10-30T10:00:00Z\",\"repost_of_post_id\":\"x\",\"repost_of_author_id\":\"u"
                    + (i % 4) + "\"}");
        }
        Files.writeString(posts, String.join("\n", lines) + "\n");
        NightlyIT.Run r = NightlyIT.capture(List.of("produce", "--format", "relais-json", "--topic", "relais.posts",
                "--bootstrap-servers", kafka.bootstrapServers(), posts.toString()));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    @Order(1)
    void reRunningADateReplacesItsOutputsWhole() throws Exception {
        NightlyIT.Run first = nightly();
        assertEquals(0, first.code(), first.err());
        String before = Files.readString(reports().resolve(DATE).resolve("rankings.csv"));

        NightlyIT.Run again = nightly();
        assertEquals(0, again.code(), again.err());
        assertEquals(before, Files.readString(reports().resolve(DATE).resolve("rankings.csv")),
                "the same lake gives the same ranking");
        assertEquals(List.of(DATE), list(reports()), "no staging or replaced directory is left beside it");
        JsonNode manifest = json(reports().resolve(DATE).resolve("manifest.json"));
        assertEquals(40, manifest.path("records").path("kafka_records").asLong(),
                "the re-run reports the batch the first run of the date committed");
        assertTrue(manifest.path("stages").path("ingest").path("details")
                .path("batch_committed_by_an_earlier_attempt").asBoolean(), "and says so");
        assertEquals(40, manifest.path("records").path("lake_rows").path("posts").asLong(), "and added nothing");
    }

    @Test
    @Order(2)
    void aSecondRunOnAHeldLakeIsRefusedNamingTheHolder() throws Exception {
        Lake lake = Lake.open(work.resolve("lake").toString(), new Configuration());
        try (LakeLock held = LakeLock.acquire(lake, "nightly", "2026-11-01")) {
            NightlyIT.Run refused = nightly();
            assertEquals(5, refused.code(), refused.err());
            assertTrue(refused.err().contains("is locked by relais nightly for 2026-11-01 on ")
                    && refused.err().contains("(pid " + ProcessHandle.current().pid() + ")"), refused.err());
        }
    }

    @Test
    @Order(3)
    void aFailedRunNamesItsStageKeepsThePreviousOutputsAndLeavesAManifestMarkedFailed() throws Exception {
        String before = Files.readString(reports().resolve(DATE).resolve("rankings.csv"));
        NightlyIT.Run failed = NightlyIT.capture(List.of("nightly", "--run-date", DATE,
                "--lake", work.resolve("lake").toString(), "--reports", reports().toString(),
                "--bootstrap-servers", "127.0.0.1:1", "--set", "kafka.request-timeout=3s", "--master", "local[2]"));
        assertEquals(4, failed.code(), "Kafka unreachable");
        Path lakeManifest = work.resolve("lake/_runs").resolve(DATE).resolve("manifest.json");
        assertEquals("relais nightly: stage ingest failed: Kafka at 127.0.0.1:1 did not answer within 3 s; is the"
                + " broker running? (check --bootstrap-servers) (manifest marked failed: file:" + lakeManifest + ")",
                failed.err().strip(), "one line naming the stage and the cause");
        assertEquals(before, Files.readString(reports().resolve(DATE).resolve("rankings.csv")),
                "the last successful outputs of the date survive");
        JsonNode manifest = json(lakeManifest);
        assertEquals("failed", manifest.path("status").asText());
        assertEquals("failed", manifest.path("stages").path("ingest").path("status").asText());
        assertFalse(manifest.path("stages").has("analyze"), "the stages after the failure did not run");
    }

    @Test
    @Order(4)
    void anUnwritableReportsDirectoryIsAClearErrorThatCorruptsNothing() throws Exception {
        Path notADirectory = work.resolve("reports-is-a-file");
        Files.writeString(notADirectory, "not a directory");
        Path rankings = work.resolve("lake/rankings/run_date=" + DATE);
        List<String> published = parquetFiles(rankings);
        NightlyIT.Run failed = NightlyIT.capture(List.of("nightly", "--run-date", DATE,
                "--lake", work.resolve("lake").toString(), "--reports", notADirectory.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--master", "local[2]"));
        assertEquals(1, failed.code(), failed.err());
        assertTrue(failed.err().startsWith("relais nightly: stage report failed: ")
                && failed.err().contains(notADirectory.toString()), failed.err());
        assertEquals("not a directory", Files.readString(notADirectory));
        assertEquals(1, failed.err().strip().lines().count(), "one line: " + failed.err());
        assertFalse(published.isEmpty(), "an earlier run published this date");
        assertEquals(published, parquetFiles(rankings), "the lake's ranking of the date is the published one still");
    }

    private static List<String> parquetFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".parquet")).sorted().toList();
        }
    }

    @Test
    @Order(5)
    void aSecretGivenInConfigurationOrEnvironmentNeverReachesAnyOutput() throws Exception {
        String secret = "PLANTED-SECRET-7f3a9c";
        Path dir = work.resolve("secret-run");
        Files.writeString(work.resolve("secret.conf"),
                "relais.kafka.client { \"ssl.key.password\" = \"" + secret + "-file\" }\n");
        List<String> args = List.of("nightly", "--run-date", DATE, "--lake", work.resolve("lake").toString(),
                "--reports", dir.resolve("reports").toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--config", work.resolve("secret.conf").toString(), "--master", "local[2]",
                "--set", "kafka.client.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"relais\" password=\"" + secret + "-cli\";",
                "--set", "kafka.client.sasl.mechanism=PLAIN");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.relais(args), dir, "nightly", Map.of(), 5);
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains(secret), "stdout holds the secret");
        assertFalse(r.err().contains(secret), "stderr (the log) holds the secret");
        List<Path> leaks = new ArrayList<>();
        for (Path root : List.of(work.resolve("lake"), dir)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret)) {
                        leaks.add(f);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, "files holding the secret");
        assertTrue(r.err().contains("report:") || r.err().contains("ReportJob"), "the log was captured: " + r.err());
    }

    @Test
    @Order(6)
    void analyzeAndReportRefuseALakeThatDoesNotExistInsteadOfRankingNothing() {
        Path mistyped = work.resolve("laek");
        for (String command : List.of("analyze", "report")) {
            NightlyIT.Run r = NightlyIT.capture(List.of(command, "--run-date", DATE, "--lake", mistyped.toString(),
                    "--reports", reports().toString(), "--master", "local[2]"));
            assertEquals(3, r.code(), r.err());
            assertEquals("relais " + command + ": no lake at file:" + mistyped + " (check --lake or relais.lake; a new"
                    + " lake is created by relais ingest or relais nightly)", r.err().strip());
            assertFalse(Files.exists(mistyped), "nothing created at the mistyped path");
        }
    }

    @Test
    @Order(7)
    void aRunStoppedBySigtermReleasesTheLakeLockAndRecordsItsStageAsFailed() throws Exception {
        Path lock = work.resolve("lake").resolve("_lock");
        Path record = work.resolve("lake/_runs").resolve(DATE).resolve("analyze.json");
        Process run = ChildJvm.start(ChildJvm.relais(List.of("analyze", "--run-date", DATE, "--lake",
                work.resolve("lake").toString(), "--master", "local[2]")), work.resolve("sigterm"), "analyze", Map.of());
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!(Files.exists(lock) && isRunning(record)) && run.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(lock), "the run took the lock");
            assertTrue(isRunning(record), "and started its stage");
            run.destroy(); // SIGTERM, as a scheduler's timeout sends it
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the run stopped");
        } finally {
            run.destroyForcibly();
        }
        String err = Files.readString(work.resolve("sigterm").resolve("analyze.err"));
        assertEquals(143, run.exitValue(), err);
        assertTrue(err.contains("relais: interrupted; stopping"), err);
        assertFalse(Files.exists(lock), "the lock was released on the way out");
        JsonNode stopped = json(record);
        assertEquals("failed", stopped.path("status").asText(), "not left \"running\": " + stopped);
        assertEquals("stopped by a signal (Ctrl-C or SIGTERM) while it ran", stopped.path("cause").asText());
        JsonNode manifest = json(work.resolve("lake/_runs").resolve(DATE).resolve("manifest.json"));
        assertEquals("failed", manifest.path("status").asText(), "the run's manifest, marked failed");
        NightlyIT.Run next = nightly();
        assertEquals(0, next.code(), next.err());
    }

    @Test
    @Order(8)
    void aDamagedParquetFileIsNamedInOneLineWithoutSparksStackTraces() throws Exception {
        Path copy = work.resolve("damaged-lake");
        copyTree(work.resolve("lake"), copy);
        Path file;
        try (Stream<Path> files = Files.walk(copy.resolve("posts"))) {
            file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4; i < Math.min(bytes.length - 8, 200); i++) {
            bytes[i] ^= 0x55;
        }
        Files.write(file, bytes); // the same size, so the checksum file is what tells

        ChildJvm.Result r = ChildJvm.run(ChildJvm.relais(List.of("analyze", "--run-date", DATE, "--lake",
                copy.toString(), "--master", "local[2]")), work.resolve("damaged"), "analyze", Map.of(), 5);
        assertEquals(1, r.exitCode(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("relais analyze: stage analyze failed: cannot read file://" + file + ": its bytes no longer match"
                + " its checksum file (it was changed or damaged after it was written) (manifest marked failed: file:"
                + copy.resolve("_runs").resolve(DATE).resolve("manifest.json") + ")", last);
        assertFalse(r.err().contains("\tat "), "no stack trace on the console: " + r.err());
        JsonNode record = json(copy.resolve("_runs").resolve(DATE).resolve("analyze.json"));
        assertTrue(record.path("details").path("stack_trace").asText().contains("ChecksumException"),
                "the run log keeps the whole trace: " + record);
    }

    @Test
    @Order(9)
    void aSparkPropertyThatStopsSparkFromStartingIsNamedInOneLine() throws Exception {
        ChildJvm.Result r = ChildJvm.run(ChildJvm.relais(List.of("analyze", "--run-date", DATE, "--lake",
                work.resolve("lake").toString(), "--master", "local[2]", "--set",
                "spark.conf.spark.serializer=no.such.Serializer")), work.resolve("no-spark"), "analyze", Map.of(), 5);
        assertEquals(1, r.exitCode(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        String start = "relais analyze: Spark could not start on local[2]: ClassNotFoundException: no.such.Serializer"
                + " (check relais.spark.conf and relais.spark.master); stack trace in ";
        assertTrue(last.startsWith(start), last);
        assertFalse(r.err().contains("\tat "), "no stack trace on the console: " + r.err());
        Path trace = Path.of(last.substring(start.length()));
        assertTrue(Files.readString(trace).contains("java.lang.ClassNotFoundException: no.such.Serializer"),
                "the whole trace kept in " + trace);
        Files.delete(trace);
        assertFalse(Files.exists(work.resolve("lake").resolve("_lock")), "no lock left behind");
    }

    @Test
    @Order(10)
    void runningOutOfMemoryIsOneLineSayingHowToGiveMore() throws Exception {
        Path edges = work.resolve("large-edges.csv");
        StringBuilder csv = new StringBuilder("source,target\n");
        for (int i = 0; i < 400_000; i++) {
            csv.append("n").append(i).append(",n").append((i * 7919L) % 400_000).append('\n');
        }
        Files.writeString(edges, csv);
        List<String> command = new java.util.ArrayList<>(ChildJvm.relais(List.of("rank", "--edges", edges.toString(),
                "--out", work.resolve("oom-out").toString())));
        command.add(command.indexOf("-cp"), "-Xmx48m"); // after the test JVM's own flags, so that it counts
        ChildJvm.Result r = ChildJvm.run(command, work.resolve("oom"), "rank", Map.of(), 5);
        assertEquals(1, r.exitCode(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("relais: out of memory (Java heap space, with a heap of at most "), last);
        assertTrue(last.endsWith("give the JVM more, e.g. RELAIS_JAVA_OPTS=-Xmx16g (see docs/operations.md, sizing)"),
                last);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("interrupted"), "no signal was sent: " + r.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Whether a stage record says "running" (false when it is missing or being replaced). */
    private static boolean isRunning(Path record) {
        try {
            return "running".equals(json(record).path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static NightlyIT.Run nightly() {
        return NightlyIT.capture(List.of("nightly", "--run-date", DATE, "--lake", work.resolve("lake").toString(),
                "--reports", reports().toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--master", "local[2]", "--set", "spark.shuffle-partitions=2"));
    }

    private static Path reports() {
        return work.resolve("reports");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return Lake.json().readTree(file.toFile());
    }
}
