package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.Formats;
import org.relais.ingest.job.FailureInjector.Point;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.testing.KafkaBrokerExtension;
import org.relais.ingest.testing.SparkExtension;

/**
 * Exactly once, whatever happens: a run that dies at any point and is run again leaves the lake
 * with exactly the records that were produced, each once; and a broker that cannot be reached
 * fails the run quickly, writing nothing.
 */
class IngestRecoveryIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);
    /** Records read so far in the current run, counted on the executors (one JVM in local mode). */
    private static final AtomicInteger READ = new AtomicInteger();

    @TempDir
    Path dir;

    private KafkaSettings settings;
    private Admin admin;
    private Lake lake;
    private String topic;

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo info) {
        topic = "recovery." + info.getDisplayName().replaceAll("[^A-Za-z0-9]", "_");
        settings = KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers())
                .set("relais.kafka.topics", List.of(topic))
                .set("relais.kafka.request-timeout", "10s")
                .build());
        admin = Admin.create(settings.clientProperties());
        lake = Lake.open(dir.resolve("lake").toString(), spark.session());
        READ.set(0);
    }

    @AfterEach
    void tearDown() {
        admin.close();
    }

    @ParameterizedTest(name = "crash at {0}")
    @EnumSource(Point.class)
    void aRunThatDiesAnywhereAndRunsAgainHoldsEachProducedRecordOnce(Point crashAt) throws Exception {
        publish(posts(1, 50), List.of("{not json", "{\"type\":\"post\"}"));
        run(FailureInjector.NONE);
        assertEquals(1, lake.state().version());

        // The second batch repeats post 10 and adds one more bad record.
        publish(posts(51, 100), List.of(post(10), "{\"type\":\"post\",\"platform\":\"twitter\"}"));
        FailureInjector crash = point -> {
            boolean now = point == crashAt && (point != Point.READ || READ.incrementAndGet() == 20);
            if (now) {
                throw new IllegalStateException("injected crash at " + point);
            }
        };
        Exception e = assertThrows(Exception.class, () -> run(crash));
        assertTrue(String.valueOf(causes(e)).contains("injected crash at " + crashAt), String.valueOf(causes(e)));
        long expectedVersion = crashAt == Point.AFTER_COMMIT ? 2 : 1;
        assertEquals(expectedVersion, lake.state().version(), "a run that dies before its commit commits nothing");

        run(FailureInjector.NONE);
        List<String> ids = lake.read(spark.session(), Tables.Posts.TABLE).select(Tables.Posts.POST_ID)
                .collectAsList().stream().map(r -> r.getString(0)).sorted().collect(Collectors.toList());
        List<String> produced = IntStream.rangeClosed(1, 100).mapToObj(i -> String.format("p%03d", i)).toList();
        assertEquals(produced, ids, "every produced post, exactly once");
        assertEquals(3, lake.read(spark.session(), Tables.Quarantine.TABLE).count(), "every bad record, once");
        long end = lake.state().offsets().get(topic).values().stream().mapToLong(Long::longValue).sum();
        assertEquals(104, end, "the committed offsets cover every record published (52 + 52)");
        try (Stream<Path> segments = Files.list(dir.resolve("lake/posts"))) {
            assertEquals(lake.state().segments("posts").size(), segments.count(),
                    "no segment of the crashed run is left on disk");
        }
    }

    @Test
    void anUnreachableBrokerFailsTheRunQuicklyAndWritesNothing() {
        KafkaSettings nowhere = nowhere("5s");
        Instant started = Instant.now();
        try (Admin unreachable = Admin.create(nowhere.clientProperties())) {
            IngestJob job = new IngestJob(spark.session(), lake, nowhere, new Topics(unreachable, nowhere)::offsets,
                    new IngestJob.Settings(1 << 20, 1000, List.of()), CLOCK);
            Topics.KafkaUnavailableException e = assertThrows(Topics.KafkaUnavailableException.class,
                    () -> job.run("2026-11-20"));
            assertEquals("Kafka at 127.0.0.1:1 did not answer within 5 s; is the broker running? (check"
                    + " --bootstrap-servers)", e.getMessage());
        }
        Duration took = Duration.between(started, Instant.now());
        assertTrue(took.toSeconds() < 30, "failed within a bounded time, not after " + took);
        assertEquals(0, lake.state().version(), "nothing committed");
        assertTrue(!Files.exists(dir.resolve("lake/posts")), "nothing written");
    }

    @Test
    void aBrokerThatStopsAnsweringDuringTheReadFailsTheRunWithinTheTimeout() {
        // The offsets were found (a broker answered then); the tasks then find no broker to read from.
        KafkaSettings gone = nowhere("3s");
        IngestJob job = new IngestJob(spark.session(), lake, gone,
                topics -> new Topics.Offsets(java.util.Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                        new long[] {0, 10}), java.util.Map.of()),
                new IngestJob.Settings(1 << 20, 1000, List.of()), CLOCK);
        Instant started = Instant.now();
        Topics.KafkaUnavailableException e = assertThrows(Topics.KafkaUnavailableException.class,
                () -> job.run("2026-11-20"));
        assertTrue(e.getMessage().startsWith("no record of " + topic + "-0 could be read at offset 0 for 3 s"
                + " (relais.kafka.request-timeout): is the broker reachable?"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was committed (lake stays at version 0)"), e.getMessage());
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 30, "failed within a bounded time");
        assertEquals(0, lake.state().version(), "nothing committed");
    }

    @Test
    void tooManyBadRecordsFailTheRunWithASummaryAndCommitNothing() throws Exception {
        List<String> bad = IntStream.range(0, 30).mapToObj(i -> "garbage " + i).toList();
        publish(posts(1, 20), bad);
        IngestJob job = job(new IngestJob.Settings(1 << 20, 1000, List.of(), 0.5, 10));
        IngestJob.TooManyBadRecordsException e = assertThrows(IngestJob.TooManyBadRecordsException.class,
                () -> job.run("2026-11-20"));
        assertEquals("30 of 50 records (60.0%) are bad, more than relais.ingest.max-bad-fraction (50.0%); nothing"
                + " was committed (lake stays at version 0). By reason: {malformed_json=30}. Bad records by format:"
                + " {relais-json=30 of 50}", e.getMessage());
        assertEquals(0, lake.state().version());
    }

    /** Settings that point at a port where no broker listens. */
    private KafkaSettings nowhere(String requestTimeout) {
        return KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", "127.0.0.1:1")
                .set("relais.kafka.topics", List.of(topic))
                .set("relais.kafka.request-timeout", requestTimeout)
                .build());
    }

    private void run(FailureInjector failures) throws Exception {
        job(new IngestJob.Settings(1 << 20, 1000, List.of())).withFailures(failures).run("2026-11-20");
    }

    private IngestJob job(IngestJob.Settings s) {
        return new IngestJob(spark.session(), lake, settings, new Topics(admin, settings)::offsets, s, CLOCK);
    }

    private void publish(List<String> good, List<String> bad) throws Exception {
        List<String> lines = new ArrayList<>(good);
        lines.addAll(bad);
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        try (Producer<byte[], byte[]> producer = RecordPublisher.createProducer(settings, 1 << 20)) {
            new Topics(admin, settings).ensureExists(topic, 3);
            RecordPublisher.Result r = new RecordPublisher(producer, 1 << 20)
                    .publish(topic, Formats.byName("relais-json"), file, b -> { });
            assertEquals(lines.size(), r.sent());
        }
    }

    private static List<String> posts(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(IngestRecoveryIT::post).toList();
    }

    private static String post(int i) {
        return String.format("{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"p%03d\",\"author_id\":\"u%d\","
                + "\"created_at\":\"2026-11-01T10:00:00Z\",\"text\":\"t\"}", i, i % 7);
    }

    private static List<String> causes(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }


}
