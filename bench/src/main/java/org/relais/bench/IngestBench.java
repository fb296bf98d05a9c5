package org.relais.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.broker.LocalKafkaBroker;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.Formats;
import org.relais.ingest.job.IngestJob;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.spark.SparkSessions;

/**
 * Ingest throughput against the raw limit, side by side in one run: a topic of tweet-sized
 * records is read (1) by a plain {@code KafkaConsumer} that only counts bytes, and (2) by the
 * ingest job, which parses every record and writes the canonical tables to a fresh lake. Both read
 * the same records from the same local broker; runs alternate so that machine noise hits both.
 *
 * <p>Usage: {@code IngestBench [records] [repeats] [format] [task threads]}; format
 * {@code twitter-v1} (real tweets of the shared sample, with fresh ids) or {@code relais-json}
 * (generated posts); task threads: the ingest job's Spark threads ({@code local[N]}, 2 by default).
 * The plain consumer is one thread whatever N is.
 */
public final class IngestBench {

    private static final String TOPIC = "bench.posts";

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs given = new BenchArgs(args);
        int records = given.integer(0, 500_000);
        int repeats = given.integer(1, 3);
        String format = given.text(2, "twitter-v1");
        int threads = given.integer(3, 2);
        Path work = Files.createTempDirectory("relais-ingest-bench");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(
                new LocalKafkaBroker.Options(work.resolve("broker"), 0, 2, true))) {
            RelaisConfig config = RelaisConfig.builder()
                    .set("relais.kafka.bootstrap-servers", broker.bootstrapServers())
                    .set("relais.kafka.topics", List.of(TOPIC))
                    .set("relais.spark.master", "local[" + threads + "]")
                    .build();
            KafkaSettings kafka = KafkaSettings.from(config);
            Path input = work.resolve("input.jsonl");
            long fileBytes = generate(input, records, format);
            long started = System.nanoTime();
            try (Admin admin = Admin.create(kafka.clientProperties());
                    Producer<byte[], byte[]> producer = RecordPublisher.createProducer(kafka, 4 << 20)) {
                new Topics(admin, kafka).ensureExists(TOPIC, 2);
                new RecordPublisher(producer, 4 << 20).publish(TOPIC, Formats.byName(format), input, b -> { });
            }
            double produceSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%,d %s records, %,.1f MB, average %,d bytes; produced in %.1f s (%.1f MB/s);"
                    + " ingest job on local[%d]%n", records, format, fileBytes / 1e6, fileBytes / records,
                    produceSeconds, fileBytes / 1e6 / produceSeconds, threads);

            SparkSession spark = SparkSessions.create("ingest-bench", config);
            List<double[]> runs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                double[] consumer = consume(kafka);
                double ingestSeconds = ingest(spark, config, kafka, work.resolve("lake-" + r));
                double consumerMBs = consumer[1] / 1e6 / consumer[0];
                double ingestMBs = consumer[1] / 1e6 / ingestSeconds;
                runs.add(new double[] {consumerMBs, ingestMBs});
                System.out.printf("run %d: plain consumer %.2f s (%.1f MB/s), ingest job %.2f s (%.1f MB/s): ratio %.2f%n",
                        r + 1, consumer[0], consumerMBs, ingestSeconds, ingestMBs, ingestMBs / consumerMBs);
            }
            spark.stop();
            runs.sort(Comparator.comparingDouble(x -> x[1] / x[0]));
            double[] median = runs.get(runs.size() / 2);
            System.out.printf("median ratio ingest / plain consumer: %.2f (%.1f MB/s against %.1f MB/s)%n",
                    median[1] / median[0], median[1], median[0]);
        } finally {
            deleteTree(work);
        }
    }

    /** Reads the whole topic with a plain consumer; returns {seconds, bytes of keys and values}. */
    private static double[] consume(KafkaSettings kafka) throws Exception {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Admin admin = Admin.create(kafka.clientProperties());
                KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, long[]> ranges = new Topics(admin, kafka).offsetRanges(List.of(TOPIC));
            consumer.assign(ranges.keySet());
            consumer.seekToBeginning(ranges.keySet());
            long total = ranges.values().stream().mapToLong(r -> r[1] - r[0]).sum();
            long started = System.nanoTime();
            long seen = 0;
            long bytes = 0;
            while (seen < total) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    bytes += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
                    seen++;
                }
            }
            return new double[] {(System.nanoTime() - started) / 1e9, bytes};
        }
    }

    private static double ingest(SparkSession spark, RelaisConfig config, KafkaSettings kafka, Path lakeDir)
            throws Exception {
        Lake lake = Lake.open(lakeDir.toString(), spark);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            IngestJob job = new IngestJob(spark, lake, kafka, new Topics(admin, kafka)::offsets,
                    IngestJob.Settings.from(config), Clock.systemUTC());
            long started = System.nanoTime();
            IngestJob.Result result = job.run("2026-11-21");
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.quarantinedTotal() > 0) {
                System.out.println("  quarantined: " + result.batch().quarantined());
            }
            return seconds;
        }
    }

    /** Writes {@code n} records of {@code format} to {@code file}; returns its size. */
    private static long generate(Path file, int n, String format) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : BenchRecords.lines(n, format)) {
                out.write(line);
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
