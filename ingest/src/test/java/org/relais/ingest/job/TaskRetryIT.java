package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.Formats;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.testing.KafkaBrokerExtension;
import org.relais.ingest.testing.SparkExtension;

/**
 * A task that dies half-way through its slice and is tried again, as Spark does on a cluster:
 * the retried attempt writes the slice's files again, the dead attempt's half-written file is
 * gone, and each record is stored once.
 */
class TaskRetryIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    /** Up to three attempts per task, as spark.task.maxFailures allows on a cluster. */
    @RegisterExtension
    static SparkExtension spark = new SparkExtension("local[2,3]");

    /** Records read so far, on the executors (one JVM in local mode). */
    private static final AtomicInteger READ = new AtomicInteger();

    @TempDir
    Path dir;

    @Test
    void aRetriedTaskStoresEachRecordOnce() throws Exception {
        String topic = "retry.posts";
        KafkaSettings settings = KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers())
                .set("relais.kafka.topics", List.of(topic))
                .set("relais.kafka.request-timeout", "10s")
                .build());
        List<String> lines = new ArrayList<>(IntStream.rangeClosed(1, 60).mapToObj(i -> String.format(
                "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"p%03d\",\"text\":\"t\"}", i)).toList());
        lines.add("{not json");
        Path file = dir.resolve("posts.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        Lake lake = Lake.open(dir.resolve("lake").toString(), spark.session());
        try (Admin admin = Admin.create(settings.clientProperties())) {
            try (Producer<byte[], byte[]> producer = RecordPublisher.createProducer(settings, 1 << 20)) {
                new Topics(admin, settings).ensureExists(topic, 1);
                new RecordPublisher(producer, 1 << 20).publish(topic, Formats.byName("relais-json"), file, b -> { });
            }
            READ.set(0);
            FailureInjector onceAt30 = point -> {
                if (point == FailureInjector.Point.READ && READ.incrementAndGet() == 30) {
                    throw new IllegalStateException("injected task failure at the 30th record");
                }
            };
            IngestJob.Result result = new IngestJob(spark.session(), lake, settings, new Topics(admin, settings)
                    ::offsets, new IngestJob.Settings(1 << 20, 7, List.of()),
                    Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC))
                    .withFailures(onceAt30).run("2026-11-20");

            assertTrue(READ.get() > 61, "the failed attempt's records were read again: " + READ.get());
            assertEquals(61, result.batch().records());
            assertEquals(60, result.batch().rows().get("posts"));
            assertEquals(60, lake.read(spark.session(), Tables.Posts.TABLE).select(Tables.Posts.POST_ID).distinct()
                    .count());
            assertEquals(60, lake.read(spark.session(), Tables.Posts.TABLE).count(), "no row twice");
            assertEquals(1, lake.read(spark.session(), Tables.Quarantine.TABLE).count());
            try (Stream<Path> files = Files.walk(dir.resolve("lake"))) {
                List<String> leftovers = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("\\.slice-\\d+\\.parquet\\.\\d+")).toList();
                assertEquals(List.of(), leftovers, "the failed attempt's file is gone");
            }
        }
    }
}
