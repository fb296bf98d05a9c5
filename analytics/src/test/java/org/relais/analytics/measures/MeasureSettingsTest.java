package org.relais.analytics.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

/** The measures' settings from the configuration, and problems named by their keys. */
class MeasureSettingsTest {

    @Test
    void theDefaultsAreValid() {
        MeasureSettings s = MeasureSettings.from(RelaisConfig.defaults());
        assertEquals(1000, s.pageRank().maxIterations());
        assertEquals("leiden", s.communityAlgorithm());
    }

    @Test
    void problemsNameTheConfigurationKeyNotTheParameterField() {
        ConfigException e = assertThrows(ConfigException.class, () -> MeasureSettings.from(RelaisConfig.builder()
                .set(List.of("relais.pagerank.max-iterations=-5", "hits.tolerance=-1", "betweenness.epsilon=2",
                        "closeness.exact-work-limit=-1", "communities.passes=0", "relais-score.decades=0"))
                .build()));
        assertEquals(List.of(
                "relais.pagerank.max-iterations was -5, but must be >= 1",
                "relais.hits.tolerance was -1.0, but must be finite and >= 0",
                "relais.betweenness.epsilon was 2.0, but must be in (0, 1)",
                "relais.closeness.exact-work-limit was -1, but must be >= 0",
                "relais.communities.passes was 0, but must be >= 1",
                "relais.relais-score.decades was 0.0, but must be finite and > 0"), e.problems());
    }

    @Test
    void aMessageThatNamesItsKeyIsNotPrefixedAgain() {
        ConfigException e = assertThrows(ConfigException.class, () -> MeasureSettings.from(RelaisConfig.builder()
                .set(List.of("betweenness.method=fast", "closeness.delta=1")).build()));
        assertEquals(List.of(
                "relais.betweenness.method was fast, but must be auto, exact or sampled",
                "relais.closeness.delta was 1.0, but must be in (0, 1)"), e.problems());
    }
}
