package org.relais.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

/** Topic creation against Kafka's own mock admin client, for answers a real broker gives rarely. */
class TopicsTest {

    private static final KafkaSettings SETTINGS =
            new KafkaSettings("mock:9092", List.of(), 3, Duration.ofSeconds(5), Map.of());

    @Test
    void serversWhoseNamesDoNotResolveAreKafkaUnavailable() {
        KafkaSettings nowhere = new KafkaSettings("no-such-host.invalid:9092", List.of(), 3, Duration.ofSeconds(5),
                Map.of());
        Topics.KafkaUnavailableException e =
                assertThrows(Topics.KafkaUnavailableException.class, () -> Topics.connect(nowhere));
        assertEquals("Kafka at no-such-host.invalid:9092 cannot be reached: none of its host names resolves to an"
                + " address (check --bootstrap-servers)", e.getMessage());
    }

    @Test
    void saslWithoutALoginIsAConfigurationProblemThatNamesTheProperty() {
        KafkaSettings sasl = new KafkaSettings("127.0.0.1:9", List.of(), 3, Duration.ofSeconds(5),
                Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN"));
        org.relais.ingest.config.ConfigException e =
                assertThrows(org.relais.ingest.config.ConfigException.class, () -> Topics.connect(sasl));
        assertTrue(e.getMessage().contains("relais.kafka.client: SASL needs a login, \"sasl.jaas.config\" (see"
                + " docs/configuration.md); Kafka says: "), e.getMessage());
    }

    @Test
    void aTopicTheBrokerDoesNotKnowYetIsWaitedFor() throws Exception {
        // Just created: listed and described as unknown for the next three requests, as a broker
        // whose metadata lags behind its controller does.
        try (MockAdminClient admin = withTopicVisibleAfter("fresh", 3)) {
            new Topics(admin, SETTINGS).ensureExists("fresh", 1);

            assertEquals(1, admin.describeTopics(List.of("fresh")).allTopicNames().get().get("fresh")
                    .partitions().size());
        }
    }

    @Test
    void aTopicThatNeverBecomesKnownFailsClearlyInBoundedTime() throws Exception {
        try (MockAdminClient admin = withTopicVisibleAfter("lost", Integer.MAX_VALUE)) {
            KafkaSettings quick = new KafkaSettings("mock:9092", List.of(), 3, Duration.ofMillis(500), Map.of());

            long started = System.nanoTime();
            Topics.KafkaUnavailableException e = assertThrows(Topics.KafkaUnavailableException.class,
                    () -> new Topics(admin, quick).ensureExists("lost", 1));

            assertTrue(e.getMessage().startsWith("Kafka at mock:9092 created topic lost but gave its partitions no"
                    + " leader within"), e.getMessage());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
        }
    }

    /** A mock broker holding {@code topic} (one partition) that answers "unknown topic" {@code requests} times first. */
    private static MockAdminClient withTopicVisibleAfter(String topic, int requests) {
        MockAdminClient admin = MockAdminClient.create().numBrokers(1).build();
        Node node = admin.brokers().get(0);
        admin.addTopic(false, topic, List.of(new TopicPartitionInfo(0, node, List.of(node), List.of(node))), Map.of());
        admin.setFetchesRemainingUntilVisible(topic, requests);
        return admin;
    }
}
