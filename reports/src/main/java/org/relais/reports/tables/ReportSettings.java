package org.relais.reports.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.BlogIds;
import org.relais.reports.campaign.CampaignFormat;
import org.relais.reports.campaign.CampaignSettings;
import org.relais.reports.campaign.SuppressionList;
import org.relais.reports.privacy.Pseudonymizer;

/**
 * The settings of the report tables ({@code relais.report.*}), read and checked once. Every problem
 * is reported together, naming the key, the value given and what is allowed; the pseudonymisation
 * key's value is never shown.
 *
 * @param top actors per list in {@code top_influencers.csv}
 * @param communityLists at most this many communities get a list there, the largest first
 * @param communityMinSize smaller communities get no list
 * @param excludedDomains hosts left out of {@code top_domains} (and their sub-domains)
 * @param gexfTop actors in {@code graph.gexf}, by PageRank
 * @param campaign who goes into {@code campaign_targets.csv}, and in which layout
 * @param pseudonymizer replaces account ids and handles in the research files; null for none
 * @param blogIds how URLs map to blog ids ({@code relais.ingest.blog-path-patterns})
 */
public record ReportSettings(int top, int communityLists, int communityMinSize, List<String> excludedDomains,
        int gexfTop, CampaignSettings campaign, Pseudonymizer pseudonymizer, BlogIds blogIds) {

    public static final String TOP = "relais.report.top";
    public static final String COMMUNITY_LISTS = "relais.report.communities.lists";
    public static final String COMMUNITY_MIN_SIZE = "relais.report.communities.min-size";
    public static final String EXCLUDED_DOMAINS = "relais.report.communities.exclude-domains";
    public static final String GEXF_TOP = "relais.report.gexf.top";
    public static final String CAMPAIGN_FORMAT = "relais.report.campaign.format";
    public static final String CAMPAIGN_MIN_RELAIS_SCORE = "relais.report.campaign.min-relais-score";
    public static final String CAMPAIGN_MIN_FOLLOWERS = "relais.report.campaign.min-followers";
    public static final String CAMPAIGN_MAX_RANK = "relais.report.campaign.max-rank";
    public static final String CAMPAIGN_INCLUDE_BLOGS = "relais.report.campaign.include-blogs";
    public static final String CAMPAIGN_TOPIC_TAGS = "relais.report.campaign.topic-tags";
    public static final String CAMPAIGN_SUPPRESSION_FILE = "relais.report.campaign.suppression-file";
    public static final String PSEUDONYMISE_KEY = "relais.report.pseudonymise.key";
    public static final String PSEUDONYMISE_KEY_FILE = "relais.report.pseudonymise.key-file";
    private static final String BLOG_PATH_PATTERNS = "relais.ingest.blog-path-patterns";

    public static final int DEFAULT_TOP = 20;
    public static final int DEFAULT_COMMUNITY_LISTS = 10;
    public static final int DEFAULT_COMMUNITY_MIN_SIZE = 5;
    public static final List<String> DEFAULT_EXCLUDED_DOMAINS =
            List.of("twitter.com", "x.com", "t.co", "bsky.app", "bsky.social");
    public static final int DEFAULT_GEXF_TOP = 200;

    /** Upper bound of the list sizes: these files are for people, not bulk exports. */
    public static final int MAX_TOP = 100_000;

    public ReportSettings {
        excludedDomains = List.copyOf(excludedDomains);
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("top was " + top + ", but must be in [1, " + MAX_TOP + "]");
        }
        if (communityLists < 0 || communityLists > MAX_TOP) {
            throw new IllegalArgumentException("communities.lists was " + communityLists + ", but must be in [0, "
                    + MAX_TOP + "]");
        }
        if (communityMinSize < 1) {
            throw new IllegalArgumentException("communities.min-size was " + communityMinSize
                    + ", but must be at least 1");
        }
        if (gexfTop < 1 || gexfTop > MAX_TOP) {
            throw new IllegalArgumentException("gexf.top was " + gexfTop + ", but must be in [1, " + MAX_TOP + "]");
        }
        if (campaign == null || blogIds == null) {
            throw new IllegalArgumentException("campaign settings and blog id rules are required");
        }
    }

    /** The defaults: no pseudonymisation, no suppression list. */
    public static ReportSettings defaults() {
        return new ReportSettings(DEFAULT_TOP, DEFAULT_COMMUNITY_LISTS, DEFAULT_COMMUNITY_MIN_SIZE,
                DEFAULT_EXCLUDED_DOMAINS, DEFAULT_GEXF_TOP, CampaignSettings.defaults(), null, BlogIds.DEFAULT);
    }

    public ReportSettings withPseudonymizer(Pseudonymizer p) {
        return new ReportSettings(top, communityLists, communityMinSize, excludedDomains, gexfTop, campaign, p, blogIds);
    }

    /**
     * Reads and checks the {@code relais.report.*} keys. A configured suppression list is read
     * here, so that a missing or unreadable one stops the run before anything is computed.
     *
     * @throws ConfigException listing every problem
     */
    public static ReportSettings from(RelaisConfig config) {
        List<String> problems = new ArrayList<>();
        int top = intIn(config, TOP, 1, MAX_TOP, problems);
        int lists = intIn(config, COMMUNITY_LISTS, 0, MAX_TOP, problems);
        int minSize = intIn(config, COMMUNITY_MIN_SIZE, 1, Integer.MAX_VALUE, problems);
        List<String> excluded = config.strings(EXCLUDED_DOMAINS);
        int gexfTop = intIn(config, GEXF_TOP, 1, MAX_TOP, problems);

        BlogIds blogIds = BlogIds.DEFAULT;
        try {
            blogIds = BlogIds.withPathPatterns(config.strings(BLOG_PATH_PATTERNS));
        } catch (IllegalArgumentException e) {
            problems.add(BLOG_PATH_PATTERNS + ": " + e.getMessage());
        }

        String formatCode = config.string(CAMPAIGN_FORMAT);
        CampaignFormat format = CampaignFormat.byCode(formatCode);
        if (format == null) {
            problems.add(CAMPAIGN_FORMAT + " was \"" + formatCode + "\", but must be one of " + CampaignFormat.codes());
        }
        double minScore = config.number(CAMPAIGN_MIN_RELAIS_SCORE);
        if (!(minScore >= 0 && minScore <= 100)) {
            problems.add(CAMPAIGN_MIN_RELAIS_SCORE + " was " + minScore + ", but must be in [0, 100]");
        }
        long minFollowers = config.raw().getLong(CAMPAIGN_MIN_FOLLOWERS);
        if (minFollowers < 0) {
            problems.add(CAMPAIGN_MIN_FOLLOWERS + " was " + minFollowers + ", but must be at least 0");
        }
        int maxRank = intIn(config, CAMPAIGN_MAX_RANK, 1, Integer.MAX_VALUE, problems);
        boolean includeBlogs = config.flag(CAMPAIGN_INCLUDE_BLOGS);
        int topicTags = intIn(config, CAMPAIGN_TOPIC_TAGS, 0, CampaignSettings.MAX_TOPIC_TAGS, problems);

        Path suppressionFile = null;
        SuppressionList suppression = SuppressionList.empty();
        String suppressionSetting = config.string(CAMPAIGN_SUPPRESSION_FILE).strip();
        if (!suppressionSetting.isEmpty()) {
            suppressionFile = Paths.get(suppressionSetting);
            if (!Files.isRegularFile(suppressionFile) || !Files.isReadable(suppressionFile)) {
                problems.add(CAMPAIGN_SUPPRESSION_FILE + " was \"" + suppressionSetting
                        + "\", but no readable file is there; the suppression list must be readable for campaign"
                        + " files to be written (leave the key empty for no list)");
            } else {
                try {
                    suppression = SuppressionList.load(suppressionFile, blogIds);
                } catch (IOException | RuntimeException e) {
                    problems.add(CAMPAIGN_SUPPRESSION_FILE + " was \"" + suppressionSetting + "\", which cannot be read"
                            + " as CSV: " + e.getMessage());
                }
            }
        }

        Pseudonymizer pseudonymizer = pseudonymizer(config, problems);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ReportSettings(top, lists, minSize, excluded, gexfTop,
                new CampaignSettings(format, minScore, minFollowers, maxRank, includeBlogs, topicTags, suppressionFile,
                        suppression),
                pseudonymizer, blogIds);
    }

    /**
     * The pseudonymizer of {@value #PSEUDONYMISE_KEY} or {@value #PSEUDONYMISE_KEY_FILE} (whose
     * content, without trailing line breaks and spaces, is the key); null when neither is set.
     */
    private static Pseudonymizer pseudonymizer(RelaisConfig config, List<String> problems) {
        String key = config.string(PSEUDONYMISE_KEY);
        String keyFile = config.string(PSEUDONYMISE_KEY_FILE).strip();
        if (!key.isEmpty() && !keyFile.isEmpty()) {
            problems.add(PSEUDONYMISE_KEY + " and " + PSEUDONYMISE_KEY_FILE + " are both set, but only one may be");
            return null;
        }
        if (!key.isEmpty()) {
            try {
                return Pseudonymizer.withKey(key);
            } catch (IllegalArgumentException e) {
                problems.add(PSEUDONYMISE_KEY + ": " + e.getMessage());
                return null;
            }
        }
        if (!keyFile.isEmpty()) {
            Path file = Paths.get(keyFile);
            byte[] bytes = null;
            try {
                bytes = Files.readAllBytes(file);
                int end = bytes.length;
                while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' '
                        || bytes[end - 1] == '\t')) {
                    end--;
                }
                return Pseudonymizer.withKey(Arrays.copyOf(bytes, end));
            } catch (IOException e) {
                problems.add(PSEUDONYMISE_KEY_FILE + " was \"" + keyFile + "\", but it cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                problems.add(PSEUDONYMISE_KEY_FILE + " \"" + keyFile + "\": " + e.getMessage());
            } finally {
                if (bytes != null) {
                    Arrays.fill(bytes, (byte) 0);
                }
            }
        }
        return null;
    }

    private static int intIn(RelaisConfig config, String key, int min, int max, List<String> problems) {
        long value = config.raw().getLong(key);
        if (value < min || value > max) {
            problems.add(key + " was " + value + ", but must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "in [" + min + ", " + max + "]"));
            return min;
        }
        return (int) value;
    }
}
