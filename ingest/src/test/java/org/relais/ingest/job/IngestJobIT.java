package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.Formats;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.testing.KafkaBrokerExtension;
import org.relais.ingest.testing.SparkExtension;

/** The ingest job against a real broker, real Spark and real Parquet files. */
class IngestJobIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private String topic;
    private KafkaSettings settings;
    private Lake lake;
    private Admin admin;

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo info) {
        topic = "it." + info.getTestMethod().orElseThrow().getName();
        RelaisConfig config = RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers())
                .set("relais.kafka.topics", List.of(topic))
                .set("relais.kafka.request-timeout", "10s")
                .build();
        settings = KafkaSettings.from(config);
        lake = Lake.open(dir.resolve("lake").toString(), spark.session());
        admin = Admin.create(settings.clientProperties());
    }

    @Test
    void landsRecordsInTheLakeAndANothingNewRunAddsNothing() throws Exception {
        publish("relais-json",
                post("p1", "u1", null),
                post("p2", "u2", "u1"),
                "{\"type\":\"follow\",\"platform\":\"twitter\",\"follower_id\":\"u2\",\"followee_id\":\"u1\","
                        + "\"observed_at\":\"2026-11-01T00:00:00Z\"}");

        IngestJob.Result first = job().run("2026-11-20");
        assertEquals(1, first.version());
        assertEquals(3, first.batch().records());
        assertEquals(Map.of(), first.batch().quarantined());
        assertEquals(2, count(Tables.Posts.TABLE));
        assertEquals(1, count(Tables.Follows.TABLE));
        assertEquals(List.of("p1", "p2"), ids(Tables.Posts.TABLE, Tables.Posts.POST_ID));
        assertTrue(parquetFiles("posts", "seg-000001").stream().allMatch(f -> f.startsWith("slice-")),
                "nothing to merge: the parse step's files are the segment " + parquetFiles("posts", "seg-000001"));
        assertFalse(Files.exists(dir.resolve("lake/_staging")), "the staging area is gone after the commit");

        IngestJob.Result second = job().run("2026-11-20");
        assertFalse(second.consumedAnything(), "nothing new arrived, nothing is read");
        assertEquals(1, second.version(), "a run with nothing new commits nothing");
        assertEquals(2, count(Tables.Posts.TABLE));
    }

    @Test
    void aDateRunAgainAfterLaterDatesReportsTheBatchItCommitted() throws Exception {
        publish("relais-json", post("p1", "u1", null), post("p2", "u2", null));
        job().run("2026-11-19");
        publish("relais-json", post("p3", "u3", null));
        job().run("2026-11-20");

        IngestJob.Result again = job().run("2026-11-19");
        assertTrue(again.committedEarlier(), "nothing new: the date's own batch is reported");
        assertEquals(2, again.batch().records());
        assertEquals("2026-11-19", again.batch().runDate());
        assertEquals(Map.of("relais-json", 2L), again.batch().byFormat(), "its records by format, as first counted");
        assertEquals(2, again.toJson().path("by_format").path("relais-json").asLong());
        assertEquals(2, again.version(), "the lake stays where it is");
        IngestJob.Result never = job().run("2026-11-21");
        assertFalse(never.committedEarlier(), "a date that committed nothing reports nothing");
        assertEquals(0, never.batch().records());
    }

    @Test
    void aMalformedRecordGoesToQuarantineAndTheRunSucceeds() throws Exception {
        String broken = "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":";
        publish("relais-json", post("p1", "u1", null), broken, post("p3", "u3", null));

        IngestJob.Result result = job().run("2026-11-20");
        assertEquals(3, result.batch().records());
        assertEquals(Map.of("malformed_json", 1L), result.batch().quarantined());
        assertEquals(2, count(Tables.Posts.TABLE));

        List<Row> q = lake.read(spark.session(), Tables.Quarantine.TABLE).collectAsList();
        assertEquals(1, q.size());
        Row r = q.get(0);
        assertEquals(topic, r.getAs(Tables.Quarantine.TOPIC));
        assertEquals("relais-json", r.getAs(Tables.Quarantine.FORMAT));
        assertEquals("malformed_json", r.getAs(Tables.Quarantine.REASON_CODE));
        assertArrayEquals(broken.getBytes(StandardCharsets.UTF_8), (byte[]) r.getAs(Tables.Quarantine.VALUE),
                "the raw bytes are kept as they arrived");
        assertTrue(r.<String>getAs(Tables.Quarantine.SOURCE).startsWith("input.jsonl:2"),
                "the record's file and line: " + r.getAs(Tables.Quarantine.SOURCE));
    }

    @Test
    void aDeletedPostsQuarantinedRecordGoesStoredOrNew() throws Exception {
        publish("twitter-v1", "{\"id_str\":\"900\",\"text\":\"secret 900\"}",
                "{\"id_str\":\"901\",\"text\":\"no user either\"}");
        assertEquals(Map.of("missing_field", 2L), job().run("2026-11-20").batch().quarantined());

        publish("twitter-v1", "{\"delete\":{\"status\":{\"id_str\":\"900\",\"user_id_str\":\"7\"}}}",
                "{\"id_str\":\"902\",\"text\":\"secret 902\"}",
                "{\"delete\":{\"status\":{\"id_str\":\"902\",\"user_id_str\":\"7\"}}}");
        IngestJob.Result second = job().run("2026-11-21");
        assertEquals(Map.of("missing_field", 1L), second.batch().quarantined(), "902 was quarantined, then deleted");
        assertEquals(2L, second.batch().deleted().get("quarantine"), "900 stored, 902 new");
        List<String> left = lake.read(spark.session(), Tables.Quarantine.TABLE).collectAsList().stream()
                .map(r -> new String((byte[]) r.getAs(Tables.Quarantine.VALUE), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("{\"id_str\":\"901\",\"text\":\"no user either\"}"), left);
    }

    @Test
    void quarantinedRecordsAreKeptForTheRetentionThenTakenOut() throws Exception {
        publish("relais-json", "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":");
        assertEquals(1, job().run("2026-11-20").batch().quarantined().get("malformed_json"));

        publish("relais-json", post("p1", "u1", null));
        IngestJob.Result within = job(CLOCK.instant().plus(java.time.Duration.ofDays(29))).run("2026-12-19");
        assertEquals(0, within.quarantineExpired());
        assertEquals(1, count(Tables.Quarantine.TABLE), "29 days old: kept");

        publish("relais-json", post("p2", "u1", null));
        IngestJob.Result after = job(CLOCK.instant().plus(java.time.Duration.ofDays(31))).run("2026-12-21");
        assertEquals(1, after.quarantineExpired());
        assertEquals(1, after.toJson().path("quarantine_expired").asLong());
        assertEquals(null, after.batch().deleted().get("quarantine"), "expired, not deleted");
        assertEquals(0, count(Tables.Quarantine.TABLE), "31 days old: taken out (retention 30 days)");
        assertEquals(List.of("p1", "p2"), ids(Tables.Posts.TABLE, Tables.Posts.POST_ID));
    }

    @Test
    void quarantinedRecordsExpireOnANightWithoutNewRecordsToo() throws Exception {
        publish("relais-json", post("p1", "u1", null), "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":");
        job().run("2026-11-20");
        IngestJob.Result quiet = job(CLOCK.instant().plus(java.time.Duration.ofDays(31))).run("2026-12-21");
        assertFalse(quiet.consumedAnything(), "nothing new arrived");
        assertEquals(1, quiet.quarantineExpired());
        assertEquals(2, quiet.version(), "a version of its own");
        assertEquals(0, count(Tables.Quarantine.TABLE), "31 days old: taken out (retention 30 days)");
        try (java.util.stream.Stream<Path> segments = Files.list(dir.resolve("lake/quarantine"))) {
            assertEquals(lake.state().segments(Tables.Quarantine.TABLE.name()), segments
                    .map(p -> p.getFileName().toString()).filter(n -> n.startsWith("seg-")).sorted().toList(),
                    "the replaced segment, which held the expired record, is gone from the disk");
        }
        assertEquals(List.of("p1"), ids(Tables.Posts.TABLE, Tables.Posts.POST_ID), "the rest of the lake as it was");
        assertEquals(null, lake.state().batch(), "the version holds no batch");
        assertEquals(2, job().run("2026-11-20").batch().records(), "a re-run of the first date still reports its batch");

        IngestJob.Result again = job(CLOCK.instant().plus(java.time.Duration.ofDays(32))).run("2026-12-22");
        assertEquals(0, again.quarantineExpired());
        assertEquals(2, again.version(), "nothing left to expire: nothing committed");
    }

    @Test
    void aPostPublishedTwiceIsStoredOnceAcrossRuns() throws Exception {
        publish("relais-json", post("p1", "u1", null), post("p1", "u1", null));
        IngestJob.Result first = job().run("2026-11-20");
        assertEquals(1, first.batch().rows().get("posts"));
        assertEquals(1, first.batch().duplicates().get("posts"));
        assertTrue(parquetFiles("posts", "seg-000001").stream().noneMatch(f -> f.startsWith("slice-")),
                "a duplicate dropped: the segment is written anew " + parquetFiles("posts", "seg-000001"));

        publish("relais-json", post("p1", "u1", null), post("p2", "u2", null));
        IngestJob.Result second = job().run("2026-11-21");
        assertEquals(1, second.batch().rows().get("posts"));
        assertEquals(1, second.batch().duplicates().get("posts"));
        assertEquals(List.of("p1", "p2"), ids(Tables.Posts.TABLE, Tables.Posts.POST_ID));
    }

    @Test
    void aMoreCompleteCopyReplacesTheStoredOne() throws Exception {
        publish("relais-json", "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"p1\",\"author_id\":\"u1\"}");
        job().run("2026-11-20");
        publish("relais-json", post("p1", "u1", null));
        IngestJob.Result second = job().run("2026-11-21");
        assertEquals(1, second.batch().rows().get("posts"), "the fuller copy is stored");
        List<Row> posts = lake.read(spark.session(), Tables.Posts.TABLE).collectAsList();
        assertEquals(1, posts.size(), "and the thinner one is gone");
        assertEquals("bonjour", posts.get(0).getAs(Tables.Posts.TEXT));
        LakeState state = lake.state();
        assertEquals(List.of("seg-000002"), state.segments("posts"), "the old segment was rewritten away");
    }

    @Test
    void aTopicDeletedAndCreatedAgainIsReadFromItsStart() throws Exception {
        new Topics(admin, settings).ensureExists(topic, 1);
        publish("relais-json", post("p1", "u1", null), post("p2", "u2", null));
        job().run("2026-11-20");
        String firstId = lake.state().topicIds().get(topic);
        assertTrue(firstId != null && !firstId.isEmpty(), "the topic's id is recorded: " + lake.state().topicIds());

        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        new Topics(admin, settings).ensureExists(topic, 1);
        // Three records: the new partition ends past offset 2, where the lake stopped reading the old one.
        publish("relais-json", post("p3", "u3", null), post("p4", "u4", null), post("p5", "u5", null));

        IngestJob.Result second = job().run("2026-11-21");
        assertEquals(3, second.batch().records(), "the new topic is read from offset 0, not from 2");
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), ids(Tables.Posts.TABLE, Tables.Posts.POST_ID));
        LakeState state = lake.state();
        assertFalse(firstId.equals(state.topicIds().get(topic)), "the new id replaces the old: " + state.topicIds());
        assertEquals(Map.of(0, 3L), state.offsets().get(topic));
    }

    @Test
    void aLakeWithoutTopicIdsForgetsTheOffsetsOfAPartitionThatEndsBeforeThemEvenWhenItIsEmpty() throws Exception {
        new Topics(admin, settings).ensureExists(topic, 1);
        publish("relais-json", post("p1", "u1", null), post("p2", "u2", null), post("p3", "u3", null));
        job().run("2026-11-20");
        // As a lake committed before topic ids were kept.
        Path commit = dir.resolve("lake/_commits/00000000000000000001.json");
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) Lake.json().readTree(commit.toFile());
        json.remove("topic_ids");
        Lake.json().writeValue(commit.toFile(), json);
        Files.deleteIfExists(dir.resolve("lake/_commits/.00000000000000000001.json.crc"));

        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        new Topics(admin, settings).ensureExists(topic, 1);
        // The next batch holds records of another topic only: the re-created one is still empty.
        String other = topic + ".other";
        KafkaSettings both = KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers())
                .set("relais.kafka.topics", List.of(topic, other)).build());
        String main = topic;
        topic = other;
        publish("relais-json", post("q1", "u1", null));
        new IngestJob(spark.session(), lake, both, new Topics(admin, both)::offsets,
                new IngestJob.Settings(1 << 20, 1000, List.of()), CLOCK).run("2026-11-21");
        assertEquals(Map.of(0, 0L), lake.state().offsets().get(main), "the stale offset 3 is gone");

        topic = main;
        publish("relais-json", post("p4", "u4", null), post("p5", "u5", null), post("p6", "u6", null),
                post("p7", "u7", null));
        IngestJob.Result third = new IngestJob(spark.session(), lake, both, new Topics(admin, both)::offsets,
                new IngestJob.Settings(1 << 20, 1000, List.of()), CLOCK).run("2026-11-22");
        assertEquals(4, third.batch().records(), "all four, not the one past the old offset 3");
    }

    private List<String> parquetFiles(String table, String segment) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("lake").resolve(table).resolve(segment))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".parquet")).sorted().toList();
        }
    }

    private IngestJob job() {
        return job(CLOCK.instant());
    }

    /** A job whose clock says {@code now}. */
    private IngestJob job(Instant now) {
        Topics topics = new Topics(admin, settings);
        return new IngestJob(spark.session(), lake, settings, topics::offsets,
                new IngestJob.Settings(1 << 20, 1000, List.of()), Clock.fixed(now, ZoneOffset.UTC));
    }

    @org.junit.jupiter.api.AfterEach
    void closeAdmin() {
        admin.close();
    }

    private void publish(String format, String... lines) throws Exception {
        Path file = dir.resolve("input.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        try (Producer<byte[], byte[]> producer = RecordPublisher.createProducer(settings, 1 << 20)) {
            new Topics(admin, settings).ensureExists(topic, 3);
            RecordPublisher.Result r = new RecordPublisher(producer, 1 << 20)
                    .publish(topic, Formats.byName(format), file, b -> { });
            assertEquals(lines.length, r.sent());
        }
    }

    private long count(Tables.Table table) {
        return lake.read(spark.session(), table).count();
    }

    private List<String> ids(Tables.Table table, String column) {
        return lake.read(spark.session(), table).select(column).collectAsList().stream()
                .map(r -> r.getString(0)).sorted().collect(Collectors.toList());
    }

    private static String post(String id, String author, String replyToAuthor) throws IOException {
        String reply = replyToAuthor == null ? ""
                : ",\"reply_to_post_id\":\"x" + id + "\",\"reply_to_author_id\":\"" + replyToAuthor + "\"";
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"author_id\":\"" + author
                + "\",\"author_handle\":\"h" + author + "\",\"created_at\":\"2026-11-01T10:00:00Z\","
                + "\"text\":\"bonjour\",\"lang\":\"fr\"" + reply + "}";
    }
}
