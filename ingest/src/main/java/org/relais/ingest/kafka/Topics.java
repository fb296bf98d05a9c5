package org.relais.ingest.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topic administration the jobs need: create a topic before publishing to it, and find the offset
 * range of every partition before reading. Every call is bounded by the configured request timeout;
 * a broker that does not answer becomes a {@link KafkaUnavailableException} with a clear message.
 */
public final class Topics {

    private final Admin admin;
    private final Duration timeout;
    private final String servers;

    public Topics(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.timeout = settings.requestTimeout();
        this.servers = settings.bootstrapServers();
    }

    /**
     * A Kafka admin client for {@code settings}. Kafka refuses to create a client when no host
     * name of {@code bootstrap.servers} resolves, with a configuration error; that is Kafka being
     * unreachable from here (a mistyped name, or the name service down), so it is reported as such.
     *
     * @throws KafkaUnavailableException when none of the servers' names resolves
     * @throws org.relais.ingest.config.ConfigException when SASL is asked for without a login
     */
    public static Admin connect(KafkaSettings settings) throws KafkaUnavailableException {
        try {
            return Admin.create(settings.clientProperties());
        } catch (KafkaException e) {
            if (e.getCause() instanceof ConfigException c && c.getMessage() != null
                    && c.getMessage().contains("resolvable bootstrap")) {
                throw new KafkaUnavailableException("Kafka at " + settings.bootstrapServers() + " cannot be reached:"
                        + " none of its host names resolves to an address (check --bootstrap-servers)", e);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("JAAS configuration")) {
                    // A SASL protocol without a login: the usual cause is a missing property.
                    throw new org.relais.ingest.config.ConfigException(List.of("relais.kafka.client: SASL needs a"
                            + " login, \"sasl.jaas.config\" (see docs/configuration.md); Kafka says: "
                            + t.getMessage()));
                }
            }
            throw e;
        }
    }

    /** The broker cannot be reached, or refused a request. */
    public static final class KafkaUnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        public KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Creates {@code topic} with {@code partitions} partitions unless it exists. */
    public void ensureExists(String topic, int partitions) throws KafkaUnavailableException {
        try {
            if (await(admin.listTopics().names()).contains(topic)) {
                return;
            }
            await(admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all());
        } catch (KafkaUnavailableException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitLeaders(topic);
    }

    /**
     * Waits until the broker knows a topic just created (it may answer "unknown topic" for a
     * moment) and every partition has a leader, so that records sent next are not all refused and
     * retried at first. The broker may still refuse a first batch for a moment after its metadata
     * names the leader; {@link RecordPublisher#createProducer} keeps one request in flight so that
     * such a retry cannot be overtaken by a later batch.
     */
    private void awaitLeaders(String topic) throws KafkaUnavailableException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TopicDescription d;
            try {
                d = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
            } catch (KafkaUnavailableException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // Created, but not yet known to the broker that answered: wait for it too.
                d = null;
            }
            if (d != null && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaUnavailableException("Kafka at " + servers + " created topic " + topic + " but gave"
                        + " its partitions no leader within " + timeout.toSeconds() + " s", null);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("interrupted while waiting for Kafka at " + servers, e);
            }
        }
    }

    /**
     * The first and next offset of every partition of the topics that exist; topics that do not
     * exist yet are left out, since there is nothing to read from them.
     */
    public Map<TopicPartition, long[]> offsetRanges(Collection<String> topics) throws KafkaUnavailableException {
        return offsets(topics).ranges();
    }

    /**
     * What Kafka holds of some topics: each partition's offsets, and each topic's id.
     *
     * @param ranges for each partition of the topics that exist, {@code [first, next)} offsets
     * @param topicIds for each of those topics, Kafka's id of it, which changes when the topic is
     *     deleted and created again under the same name
     */
    public record Offsets(Map<TopicPartition, long[]> ranges, Map<String, String> topicIds) {
    }

    /** The offsets of the partitions of those of {@code topics} that exist, and their ids. */
    public Offsets offsets(Collection<String> topics) throws KafkaUnavailableException {
        Set<String> existing = await(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(present).allTopicNames());
        for (TopicDescription d : descriptions.values()) {
            d.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(d.name(), p.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            });
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = await(admin.listOffsets(earliest).all());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> next = await(admin.listOffsets(latest).all());
        Map<TopicPartition, long[]> ranges = new TreeMap<>(
                java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        first.forEach((tp, info) -> ranges.put(tp, new long[] {info.offset(), next.get(tp).offset()}));
        Map<String, String> ids = new TreeMap<>();
        descriptions.forEach((name, d) -> ids.put(name, d.topicId().toString()));
        return new Offsets(ranges, ids);
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) throws KafkaUnavailableException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka at " + servers + " did not answer within "
                    + timeout.toSeconds() + " s; is the broker running? (check --bootstrap-servers)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof org.apache.kafka.common.errors.TimeoutException
                    ? "did not answer within " + timeout.toSeconds() + " s; is the broker running? (check --bootstrap-servers)"
                    : "refused the request: " + cause.getMessage();
            throw new KafkaUnavailableException("Kafka at " + servers + " " + what, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka at " + servers, e);
        }
    }
}
