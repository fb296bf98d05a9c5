package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.spark.sql.Row;
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
import org.relais.ingest.testing.SharedSamples;
import org.relais.ingest.testing.SparkExtension;

/**
 * Every format's real sample through Kafka into the lake: published with {@code produce}'s
 * publisher, read by the ingest job, counted per table and platform. The counts are those the
 * formats' unit tests assert on the same samples, after the lake's duplicate and deletion rules.
 */
class AllFormatsIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    @TempDir
    Path dir;

    @Test
    void everyRealSampleLandsInTheCanonicalTables() throws Exception {
        KafkaSettings settings = KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers())
                .set("relais.kafka.topics", List.of("samples"))
                .build());
        Path posts = dir.resolve("blog-posts.jsonl");
        Files.writeString(posts, """
                {"url":"https://chroniques.example/2026/10/billet.html","published_at":"2026-10-08T10:00:00Z","title":"Billet","outlinks":["https://vigie.example/a","https://chroniques.example/archives",{"url":"https://www.vigie.example/b","anchor_text":"la Vigie"}]}
                """);
        Path compliance = dir.resolve("compliance.csv");
        Files.writeString(compliance, "platform,post_id,account_id\ntwitter,,999999999999\n");
        try (Admin admin = Admin.create(settings.clientProperties());
                Producer<byte[], byte[]> producer = RecordPublisher.createProducer(settings, 4 << 20)) {
            new Topics(admin, settings).ensureExists("samples", 3);
            RecordPublisher publisher = new RecordPublisher(producer, 4 << 20);
            for (Map.Entry<String, Path> e : Map.of(
                    "twitter-v1", SharedSamples.dataset(SharedSamples.TWITTER_V1),
                    "twitter-v2", SharedSamples.dataset(SharedSamples.TWITTER_V2),
                    "bluesky-jetstream", SharedSamples.dataset(SharedSamples.BLUESKY),
                    "mastodon", SharedSamples.dataset(SharedSamples.MASTODON),
                    "identities-csv", SharedSamples.sampleData("identities/identities.csv"),
                    "blog-posts-json", posts,
                    "compliance-csv", compliance).entrySet()) {
                publisher.publish("samples", Formats.byName(e.getKey()), e.getValue(), b -> { });
            }
        }
        Lake lake = Lake.open(dir.resolve("lake").toString(), spark.session());
        try (Admin admin = Admin.create(settings.clientProperties())) {
            IngestJob.Result result = new IngestJob(spark.session(), lake, settings,
                    new Topics(admin, settings)::offsets,
                    new IngestJob.Settings(4 << 20, 1000, List.of("blogs.echo-citoyen.example/*")),
                    Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC)).run("2026-11-21");
            assertEquals(Map.of(), result.batch().quarantined(), "every real record parses");
        }

        assertEquals(Map.of("bluesky", 32L, "mastodon", 20L, "twitter", 275L), countBy(lake, Tables.Posts.TABLE),
                "distinct posts: v1.1 120 + v2 155; Bluesky 17 posts and 15 reposts; Mastodon 20");
        assertEquals(Map.of("mastodon", 20L, "twitter", 289L), countBy(lake, Tables.Accounts.TABLE),
                "distinct accounts: v1.1 112 + v2 177; Mastodon 20");
        assertEquals(Map.of("bluesky", 6L), countBy(lake, Tables.Follows.TABLE));
        assertEquals(12, lake.read(spark.session(), Tables.Identities.TABLE).count());
        assertEquals(2, lake.read(spark.session(), Tables.BlogLinks.TABLE).count(),
                "the crawled post's two links to another blog; the link within its own blog is not one");
        assertEquals(5, lake.read(spark.session(), Tables.Deletions.TABLE).count(),
                "Bluesky's post and 3 follow deletions, and the compliance list's account");
    }

    private Map<String, Long> countBy(Lake lake, Tables.Table table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : lake.read(spark.session(), table).groupBy(Tables.PLATFORM).count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
