package org.relais.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.Formats;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * Publishing to a topic the moment it is created, many times over, as {@code produce} does: the
 * broker may not know the topic yet, or refuse a first batch for a moment; every record must
 * still land, none refused for good as out of sequence (which stalled a publication until its
 * delivery timeout when several requests were in flight).
 */
class NewTopicPublishIT {

    private static final int TOPICS = 25;
    private static final int RECORDS = 3_000;

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void everyRecordLandsInTopicsPublishedToAsSoonAsCreated() throws Exception {
        StringBuilder csv = new StringBuilder("follower_id,followee_id\n");
        for (int i = 0; i < RECORDS; i++) {
            csv.append("twitter:").append(i).append(",twitter:").append(i + 1).append('\n');
        }
        Path input = Files.writeString(dir.resolve("follows.csv"), csv, StandardCharsets.UTF_8);
        KafkaSettings settings = KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers()).build());
        for (int t = 0; t < TOPICS; t++) {
            String topic = "fresh-" + t;
            // New clients each time, as each run of produce has.
            try (Admin admin = Admin.create(settings.clientProperties());
                    Producer<byte[], byte[]> producer = RecordPublisher.createProducer(settings, 1 << 20)) {
                Topics topics = new Topics(admin, settings);
                topics.ensureExists(topic, 3);
                RecordPublisher.Result result = new RecordPublisher(producer, 1 << 20)
                        .publish(topic, Formats.byName("follows-csv"), input, bytes -> { });
                assertEquals(RECORDS, result.sent(), topic);
                Map<?, long[]> ranges = topics.offsetRanges(List.of(topic));
                assertEquals(RECORDS, ranges.values().stream().mapToLong(r -> r[1] - r[0]).sum(), topic);
            }
        }
        List<String> refusals = Files.readAllLines(kafka.broker().dataDir().resolve("broker.log")).stream()
                .filter(line -> line.contains("OutOfOrderSequence")).toList();
        assertEquals(List.of(), refusals);
    }
}
