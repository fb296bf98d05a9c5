package org.relais.reports.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.relais.reports.tables.CsvFiles.read;
import static org.relais.reports.tables.CsvFiles.rows;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.format.BlogIds;
import org.relais.ingest.testing.SparkExtension;
import org.relais.reports.tables.CsvFiles;
import org.relais.reports.tables.ReportFixture;

/** Who goes into campaign_targets.csv, and how the file is laid out. */
class CampaignTargetsTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    @TempDir
    Path dir;

    static Dataset<Row> rankings;
    static Dataset<Row> accounts;
    static Dataset<Row> posts;
    static Dataset<Row> links;

    @BeforeAll
    static void inputs() {
        rankings = ReportFixture.rankings(spark.session()).cache();
        accounts = ReportFixture.accounts(spark.session()).cache();
        posts = ReportFixture.posts(spark.session()).cache();
        links = ReportFixture.identityLinks(spark.session()).cache();
    }

    /** A Relais score of at least 50 and 1,000 followers: mastodon:7, at 40, falls short. */
    private static CampaignSettings fiftyAndAThousand() {
        return CampaignSettings.defaults().withThresholds(50, 1_000);
    }

    private static List<String> ids(CampaignSettings settings) {
        return CampaignTargets.select(rankings, accounts, posts, links, settings).stream()
                .map(CampaignTargets.Target::actorId).toList();
    }

    @Test
    void theHashtagsOfAnAccountMergedIntoItsBlogAreTheBlogsTopics() {
        // With merged identities the blog is ranked and the account it absorbed is not: twitter:1's
        // posts (#GrandOral2027 twice, #Municipales once) are the blog's.
        Dataset<Row> merged = rankings.filter(org.apache.spark.sql.functions.col("actor_id").notEqual("twitter:1"));
        CampaignTargets.Target blog = CampaignTargets.select(merged, accounts, posts, links,
                CampaignSettings.defaults().withThresholds(0, 0)).stream()
                .filter(t -> t.actorId().equals("blog:chroniques.example")).findFirst().orElseThrow();
        assertEquals(List.of("grandoral2027", "municipales"), blog.topics());
        CampaignTargets.Target alone = CampaignTargets.select(rankings, accounts, posts, links,
                CampaignSettings.defaults().withThresholds(0, 0)).stream()
                .filter(t -> t.actorId().equals("blog:chroniques.example")).findFirst().orElseThrow();
        assertEquals(List.of(), alone.topics(), "not merged: the account's posts are its own");
    }

    @Test
    void aBlogsTopicsNeverComeFromAnAccountNotKnownToBePublicMergedIntoIt() {
        // twitter:4, linked to the blog too, has no known visibility: its #Sécurité and #=cmd stay out.
        Dataset<Row> merged = rankings.filter(org.apache.spark.sql.functions.col("actor_id").isin("twitter:1",
                "twitter:4").unary_$bang());
        CampaignTargets.Target blog = CampaignTargets.select(merged, accounts, posts, links,
                CampaignSettings.defaults().withThresholds(0, 0)).stream()
                .filter(t -> t.actorId().equals("blog:chroniques.example")).findFirst().orElseThrow();
        assertEquals(List.of("grandoral2027", "municipales"), blog.topics());
    }

    @Test
    void byDefaultPublicAccountsAndBlogsAboveTheThresholdsAreListedByRank() {
        assertEquals(List.of("twitter:1", "twitter:2", "blog:chroniques.example", "twitter:8", "bluesky:did:plc:abc"),
                ids(fiftyAndAThousand()),
                "not twitter:3 (protected), twitter:4 (protected unknown), twitter:6 (500 followers),"
                        + " mastodon:7 (Relais score 40), twitter:10 (no account, no score)");
    }

    @Test
    void protectedAccountsAndAccountsNotKnownToBePublicNeverAppearWhateverTheThresholds() {
        List<String> ids = ids(CampaignSettings.defaults().withThresholds(0, 0));
        assertEquals(List.of("twitter:1", "twitter:2", "blog:chroniques.example", "twitter:6", "mastodon:7",
                "twitter:8", "bluesky:did:plc:abc"), ids);
        assertFalse(ids.contains("twitter:3"), "protected");
        assertFalse(ids.contains("twitter:4"), "protected is unknown");
        assertFalse(ids.contains("twitter:10"), "the lake has no account row for it");
    }

    @Test
    void theReachThresholdsAreRespected() {
        assertEquals(List.of("twitter:1", "twitter:2", "blog:chroniques.example"),
                ids(CampaignSettings.defaults().withThresholds(70, 10_000)),
                "twitter:8 has a Relais score of 65; blogs have no follower count to meet");
        assertEquals(List.of("twitter:1", "blog:chroniques.example"),
                ids(CampaignSettings.defaults().withThresholds(0, 25_000)));
        assertEquals(List.of("twitter:1", "twitter:2"), ids(CampaignSettings.defaults().withThresholds(90.5, 0)
                .withSuppression(null, SuppressionList.of(List.of(), BlogIds.DEFAULT))));
    }

    @Test
    void blogsCanBeLeftOutAndOnlyTheTopRanksAreConsidered() {
        CampaignSettings d = fiftyAndAThousand();
        CampaignSettings noBlogs = new CampaignSettings(d.format(), d.minRelaisScore(), d.minFollowers(), d.maxRank(),
                false, d.topicTags(), null, null);
        assertEquals(List.of("twitter:1", "twitter:2", "twitter:8", "bluesky:did:plc:abc"), ids(noBlogs));
        CampaignSettings topTwo = new CampaignSettings(d.format(), d.minRelaisScore(), d.minFollowers(), 2,
                true, d.topicTags(), null, null);
        assertEquals(List.of("twitter:1", "twitter:2"), ids(topTwo));
    }

    @Test
    void suppressedActorsNeverAppearWhicheverWayTheyAreNamed() {
        SuppressionList list = SuppressionList.of(List.of("TWITTER:1", "@" + ReportFixture.HYPERLINK,
                "https://chroniques.example/un-billet", "https://bsky.app/profile/alice.bsky.social/"), BlogIds.DEFAULT);
        assertEquals(List.of("twitter:8"), ids(fiftyAndAThousand().withSuppression(null, list)));
    }

    @Test
    void theNationBuilderFileHasTheDocumentedImportHeaderAndParses() throws IOException {
        Path file = dir.resolve("campaign_targets.csv");
        CampaignSettings settings = fiftyAndAThousand();
        long rows = CampaignTargets.write(file, CampaignTargets.select(rankings, accounts, posts, links, settings), settings,
                "2026-11-21");
        assertEquals(5, rows);
        assertEquals("external_id,first_name,last_name,twitter_login,twitter_id,website,tag_list,note",
                Files.readAllLines(file).get(0));
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("external_id", "first_name", "last_name", "twitter_login", "twitter_id", "website",
                    "tag_list", "note"), parser.getHeaderNames());
            assertEquals(5, parser.getRecords().size());
        }
        CsvFiles.Table t = read(file);
        assertEquals(List.of("twitter:8", "Sup", "Pressed", "Suppressed", "8", "https://x.com/Suppressed",
                "relais-top10,relais-community-0",
                "Relais 2026-11-21: rank 8, PageRank 0.04, Relais score 65, community 0, followers 10000"),
                t.rows().get(3));
        CsvFiles.assertNeutralised(t, CampaignTargets.NATIONBUILDER_HEADER, List.of());
    }

    @Test
    void theGenericFileIsAPlainCrmList() throws IOException {
        Path file = dir.resolve("generic.csv");
        CampaignSettings settings = CampaignSettings.defaults().withFormat(CampaignFormat.GENERIC).withThresholds(0, 0);
        CampaignTargets.write(file, CampaignTargets.select(rankings, accounts, posts, links, settings), settings, "2026-11-21");
        CsvFiles.Table t = read(file);
        assertEquals(List.of("id", "platform", "handle", "name", "profile_url", "rank", "relais_score", "pagerank",
                "community", "tags"), t.header());
        assertEquals(rows("""
                twitter:1|twitter|CourrierRep|Le Courrier républicain|https://x.com/CourrierRep|1|95|0.3|0|\
                relais-top10;relais-community-0;relais-topic-grandoral2027;relais-topic-municipales
                twitter:6|twitter|'@SUM(A1)|'@SUM(A1)|https://x.com/%40SUM%28A1%29|6|70|0.06|1|\
                relais-top10;relais-community-1;relais-topic-sécurité
                mastodon:7|mastodon|tabby@social.example|'\tTabby|https://social.example/@tabby|7|40|0.05|1|\
                relais-top10;relais-community-1
                """), List.of(t.rows().get(0), t.rows().get(3), t.rows().get(4)));
        CsvFiles.assertNeutralised(t, List.of("id", "handle", "name", "profile_url", "tags"),
                List.of("rank", "relais_score", "pagerank", "community"));
    }

    @Test
    void topicTagsKeepOnlyLettersDigitsAndUnderscores() {
        assertEquals("sécurité", CampaignTargets.topicTag("Sécurité"));
        assertEquals("cmd", CampaignTargets.topicTag("=cmd"));
        assertEquals("grand_oral2027", CampaignTargets.topicTag("Grand_Oral,2027!"));
    }

    @Test
    void namesAreSplitAtAnyKindOfSpaceAndInvisibleCharactersDoNotMakeAName() {
        assertArrayEquals(new String[] {"Jean", "Dupont"}, CampaignTargets.personNames(target("Jean\u00a0Dupont")));
        assertArrayEquals(new String[] {"Le Courrier", "républicain"},
                CampaignTargets.personNames(target(" Le  Courrier\u202frépublicain ")));
        assertArrayEquals(new String[] {"RtlMark", "Twitter"}, CampaignTargets.personNames(target("\u200f")),
                "a name of direction marks only is no name: the handle stands in");
        assertArrayEquals(new String[] {"Anne", "Marie"}, CampaignTargets.personNames(target("Anne\u200b Marie")));
        assertArrayEquals(new String[] {"RtlMark", "Twitter"}, CampaignTargets.personNames(target("\u200d\u200c")),
                "nor of joiners only");
    }

    @Test
    void theWebsiteIsAPlainWebLinkOrNothing() {
        assertEquals("https://piaille.fr/@anne", CampaignTargets.profilePage(mastodon("anne@piaille.fr", null)));
        assertNull(CampaignTargets.profilePage(mastodon("eve", "javascript:alert(document.domain)")),
                "a handle without its instance falls back to the profile's website, which must be http(s)");
        assertEquals("https://eve.example/", CampaignTargets.profilePage(mastodon("eve", "https://eve.example/")));
        assertNull(CampaignTargets.profilePage(mastodon("mal@evil.example/phish?x=", null)),
                "an instance must be a host, not a path on one");
        assertNull(CampaignTargets.profilePage(mastodon("eve", "https://evil.example/@pwn\u001b[31mred\n01:00 ERROR")));
        assertNull(CampaignTargets.profilePage(mastodon("eve", "https://evil.example/a b")));
    }

    private static CampaignTargets.Target mastodon(String handle, String website) {
        return new CampaignTargets.Target("mastodon:109", "mastodon", "109", handle, null, website, 5000L, 1, 0.1,
                40.0, 0, List.of());
    }

    private static CampaignTargets.Target target(String displayName) {
        return new CampaignTargets.Target("twitter:1", "twitter", "1", "RtlMark", displayName, null, 5000L, 1, 0.1,
                40.0, 0, List.of());
    }
}
