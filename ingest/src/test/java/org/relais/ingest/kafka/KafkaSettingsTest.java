package org.relais.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

class KafkaSettingsTest {

    @Test
    void clientPropertiesPassThroughButTheirValuesNeverShowInToString() {
        KafkaSettings settings = KafkaSettings.from(RelaisConfig.builder()
                .set(List.of("kafka.client.sasl.jaas.config=planted-secret", "kafka.client.security.protocol=SASL_SSL"))
                .build());
        assertEquals("planted-secret", settings.clientProperties().getProperty("sasl.jaas.config"));
        assertEquals("SASL_SSL", settings.clientProperties().getProperty("security.protocol"));
        String shown = settings.toString();
        assertFalse(shown.contains("planted-secret") || shown.contains("SASL_SSL"), shown);
        assertTrue(shown.contains("client=[sasl.jaas.config, security.protocol] (values hidden)"), shown);
    }

    @Test
    void partitionsAndTimeoutOutOfRangeAreConfigurationProblems() {
        ConfigException e = assertThrows(ConfigException.class, () -> KafkaSettings.from(RelaisConfig.builder()
                .set(List.of("kafka.topic-partitions=0", "kafka.request-timeout=0s")).build()));
        assertEquals(List.of("relais.kafka.topic-partitions was 0, but must be >= 1",
                "relais.kafka.request-timeout was 0 ms, but must be positive and at most a day (86400000 ms)"),
                e.problems());
    }

    @Test
    void aTimeoutBeyondWhatKafkaClientsCountIsRefusedRatherThanTurnedNegative() {
        ConfigException e = assertThrows(ConfigException.class, () -> KafkaSettings.from(RelaisConfig.builder()
                .set(List.of("kafka.request-timeout=30d")).build()));
        assertEquals(List.of("relais.kafka.request-timeout was 2592000000 ms, but must be positive and at most a day"
                + " (86400000 ms)"), e.problems());
        KafkaSettings day = KafkaSettings.from(RelaisConfig.builder().set(List.of("kafka.request-timeout=1d")).build());
        assertEquals("86400000", day.clientProperties().getProperty("request.timeout.ms"));
    }
}
