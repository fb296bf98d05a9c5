package org.relais.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.CommonClientConfigs;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

/**
 * Kafka client settings read from the configuration: where the brokers are, which topics the
 * ingest job reads, how long to wait, and the pass-through client properties (SASL, SSL, ...).
 *
 * @param bootstrapServers {@code host:port,...}
 * @param topics the topics the ingest job reads
 * @param topicPartitions partitions of a topic that {@code produce} creates
 * @param requestTimeout how long a request may take before the broker counts as unreachable
 * @param client pass-through client properties; may hold secrets, never log them
 */
public record KafkaSettings(String bootstrapServers, List<String> topics, int topicPartitions,
        Duration requestTimeout, Map<String, String> client) {

    /** The longest request timeout: Kafka's clients count theirs in int milliseconds (24 days at most). */
    static final Duration MAX_REQUEST_TIMEOUT = Duration.ofDays(1);

    public KafkaSettings {
        topics = List.copyOf(topics);
        client = Map.copyOf(client);
    }

    /**
     * The settings under {@code relais.kafka}.
     *
     * @throws ConfigException when the partition count is below 1 or the request timeout is not
     *     positive or longer than a day
     */
    public static KafkaSettings from(RelaisConfig config) {
        List<String> problems = new ArrayList<>();
        int partitions = config.integer("relais.kafka.topic-partitions");
        if (partitions < 1) {
            problems.add("relais.kafka.topic-partitions was " + partitions + ", but must be >= 1");
        }
        Duration timeout = config.duration("relais.kafka.request-timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            problems.add("relais.kafka.request-timeout was " + timeout.toMillis() + " ms, but must be positive and at"
                    + " most a day (" + MAX_REQUEST_TIMEOUT.toMillis() + " ms)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new KafkaSettings(
                config.string("relais.kafka.bootstrap-servers"),
                config.strings("relais.kafka.topics"),
                partitions,
                timeout,
                config.passThrough(RelaisConfig.KAFKA_CLIENT));
    }

    /** Properties common to every client: servers, time limits, then the pass-through ones. */
    public Properties clientProperties() {
        Properties p = new Properties();
        int timeoutMs = (int) requestTimeout.toMillis();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(timeoutMs));
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(timeoutMs));
        // Without this, a client retries an unreachable broker's address forever in the background.
        p.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "5000");
        p.putAll(client);
        return p;
    }

    /** Without the client properties' values, which may be passwords; their names are shown. */
    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", topics=" + topics + ", topicPartitions="
                + topicPartitions + ", requestTimeout=" + requestTimeout + ", client=" + new TreeSet<>(
                        client.keySet()) + " (values hidden)]";
    }
}
