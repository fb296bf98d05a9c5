package org.relais.reports.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.reports.campaign.CampaignFormat;
import org.relais.reports.campaign.CampaignSettings;
import org.relais.reports.privacy.Pseudonymizer;

class ReportSettingsTest {

    private static final String KEY = "a-research-key-of-32-bytes-long!";

    @TempDir
    Path dir;

    private static ReportSettings read(Object... keyValues) {
        RelaisConfig.Builder b = RelaisConfig.builder();
        for (int i = 0; i < keyValues.length; i += 2) {
            b.set((String) keyValues[i], keyValues[i + 1]);
        }
        return ReportSettings.from(b.build());
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ReportSettings s = read();
        assertEquals(20, s.top());
        assertEquals(10, s.communityLists());
        assertEquals(5, s.communityMinSize());
        assertEquals(200, s.gexfTop());
        assertEquals(List.of("twitter.com", "x.com", "t.co", "bsky.app", "bsky.social"), s.excludedDomains());
        CampaignSettings c = s.campaign();
        assertEquals(CampaignFormat.NATIONBUILDER, c.format());
        assertEquals(25.0, c.minRelaisScore());
        assertEquals(1000, c.minFollowers());
        assertEquals(100, c.maxRank());
        assertTrue(c.includeBlogs());
        assertEquals(3, c.topicTags());
        assertNull(c.suppressionFile());
        assertEquals(0, c.suppression().size());
        assertNull(s.pseudonymizer());
        assertEquals(ReportSettings.defaults().top(), s.top());
    }

    @Test
    void everyWrongValueIsReportedWithItsKeyValueAndRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> read(
                ReportSettings.TOP, 0,
                ReportSettings.COMMUNITY_MIN_SIZE, 0,
                ReportSettings.GEXF_TOP, 100_001,
                ReportSettings.CAMPAIGN_FORMAT, "salesforce",
                ReportSettings.CAMPAIGN_MIN_RELAIS_SCORE, 101,
                ReportSettings.CAMPAIGN_MIN_FOLLOWERS, -1,
                ReportSettings.CAMPAIGN_TOPIC_TAGS, 11));
        assertEquals(List.of(
                "relais.report.top was 0, but must be in [1, 100000]",
                "relais.report.communities.min-size was 0, but must be at least 1",
                "relais.report.gexf.top was 100001, but must be in [1, 100000]",
                "relais.report.campaign.format was \"salesforce\", but must be one of nationbuilder, generic",
                "relais.report.campaign.min-relais-score was 101.0, but must be in [0, 100]",
                "relais.report.campaign.min-followers was -1, but must be at least 0",
                "relais.report.campaign.topic-tags was 11, but must be in [0, 10]"), e.problems());
    }

    @Test
    void aConfiguredSuppressionFileThatIsMissingIsAnErrorNamingIt() {
        Path missing = dir.resolve("opt-outs.csv");
        ConfigException e = assertThrows(ConfigException.class,
                () -> read(ReportSettings.CAMPAIGN_SUPPRESSION_FILE, missing.toString()));
        assertEquals(1, e.problems().size());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("relais.report.campaign.suppression-file was \"" + missing + "\", but no readable"
                + " file is there"), problem);
    }

    @Test
    void aSuppressionFileIsReadWhenTheSettingsAre() throws IOException {
        Path file = dir.resolve("opt-outs.csv");
        Files.writeString(file, "actor_id\ntwitter:1\n@someone\n");
        CampaignSettings c = read(ReportSettings.CAMPAIGN_SUPPRESSION_FILE, file.toString()).campaign();
        assertEquals(file, c.suppressionFile());
        assertEquals(2, c.suppression().size());
    }

    @Test
    void theKeyMakesAPseudonymizerAndIsNeverInAMessage() {
        Pseudonymizer p = read(ReportSettings.PSEUDONYMISE_KEY, KEY).pseudonymizer();
        assertEquals(Pseudonymizer.withKey(KEY).pseudonym("twitter:1"), p.pseudonym("twitter:1"));

        ConfigException tooShort = assertThrows(ConfigException.class,
                () -> read(ReportSettings.PSEUDONYMISE_KEY, "tiny-secret"));
        assertFalse(tooShort.getMessage().contains("tiny-secret"), tooShort.getMessage());
        assertTrue(tooShort.getMessage().contains(ReportSettings.PSEUDONYMISE_KEY), tooShort.getMessage());
    }

    @Test
    void theKeyCanComeFromAFileWithoutItsTrailingLineBreak() throws IOException {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n", StandardCharsets.UTF_8);
        Pseudonymizer p = read(ReportSettings.PSEUDONYMISE_KEY_FILE, file.toString()).pseudonymizer();
        assertNotNull(p);
        assertEquals(Pseudonymizer.withKey(KEY).pseudonym("twitter:1"), p.pseudonym("twitter:1"));
    }

    @Test
    void theKeyAndTheKeyFileCannotBothBeSetNorCanAMissingKeyFile() {
        ConfigException both = assertThrows(ConfigException.class, () -> read(
                ReportSettings.PSEUDONYMISE_KEY, KEY, ReportSettings.PSEUDONYMISE_KEY_FILE, "/etc/relais/key"));
        assertEquals(List.of("relais.report.pseudonymise.key and relais.report.pseudonymise.key-file are both set,"
                + " but only one may be"), both.problems());
        assertFalse(both.getMessage().contains(KEY));

        ConfigException missing = assertThrows(ConfigException.class,
                () -> read(ReportSettings.PSEUDONYMISE_KEY_FILE, dir.resolve("none").toString()));
        assertTrue(missing.getMessage().contains("relais.report.pseudonymise.key-file was \""
                + dir.resolve("none") + "\", but it cannot be read"), missing.getMessage());
    }

    @Test
    void theKeyIsRedactedInTheConfigurationTheManifestShows() {
        RelaisConfig config = RelaisConfig.builder().set(ReportSettings.PSEUDONYMISE_KEY, KEY).build();
        assertEquals("***", config.redacted().get(ReportSettings.PSEUDONYMISE_KEY));
        assertFalse(read(ReportSettings.PSEUDONYMISE_KEY, KEY).toString().contains(KEY));
    }
}
