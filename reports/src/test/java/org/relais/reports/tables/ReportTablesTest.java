package org.relais.reports.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.reports.tables.CsvFiles.n;
import static org.relais.reports.tables.CsvFiles.read;
import static org.relais.reports.tables.CsvFiles.rows;
import static org.relais.reports.tables.ReportFixture.RUN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.CommunityTable;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.testing.SparkExtension;
import org.relais.reports.CsvTable;
import org.relais.reports.RankingTable;
import org.relais.reports.campaign.CampaignTargets;
import org.relais.reports.gexf.GexfGraph;
import org.relais.reports.privacy.Pseudonymizer;
import org.relais.reports.tables.CsvFiles.Table;

/**
 * Every report table of a hand-made run, written through a real lake and read back with Commons
 * CSV: exact values, formula neutralisation, the Parquet copies, and the pseudonymised variant.
 */
class ReportTablesTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    @TempDir
    static Path tmp;

    static final String KEY = "the-research-key-of-the-project!";

    static Lake lake;
    static Path plainDir;
    static Path pseudoDir;
    static ReportTables.Result plain;
    static ReportTables.Result pseudo;

    @BeforeAll
    static void writeBoth() throws IOException {
        SparkSession s = spark.session();
        lake = Lake.open(tmp.resolve("lake").toString(), s);
        ReportFixture.writeLake(s, lake);
        Path suppression = tmp.resolve("opt-outs.csv");
        Files.writeString(suppression, "url,reason\nhttps://x.com/Suppressed,asked to be left out\n");
        ReportSettings settings = ReportSettings.from(RelaisConfig.builder()
                .set(ReportSettings.TOP, 3)
                .set(ReportSettings.COMMUNITY_MIN_SIZE, 2)
                .set(ReportSettings.GEXF_TOP, 5)
                .set(ReportSettings.CAMPAIGN_SUPPRESSION_FILE, suppression.toString())
                .set(ReportSettings.CAMPAIGN_MIN_RELAIS_SCORE, 50)
                .build());
        plainDir = Files.createDirectories(tmp.resolve("plain"));
        plain = ReportTables.writeAll(s, lake, RUN, plainDir, settings);
        pseudoDir = Files.createDirectories(tmp.resolve("pseudonymised"));
        pseudo = ReportTables.writeAll(s, lake, RUN, pseudoDir,
                settings.withPseudonymizer(Pseudonymizer.withKey(KEY)));
    }

    private static final List<String> TOP_TEXT = List.of("actor_id", "name");
    private static final List<String> TOP_NUMBERS =
            List.of("position", "rank", "pagerank", "relais_score", "community", "in_degree", "followers");

    @Test
    void theResultListsEveryFileWithItsRowsForTheManifest() {
        assertEquals(List.of(
                new ReportTables.Output("top_influencers.csv", 15),
                new ReportTables.Output("communities.csv", 3),
                new ReportTables.Output("changes.csv", 11),
                new ReportTables.Output("explanations.csv", 5),
                new ReportTables.Output("identity_links.csv", 2),
                new ReportTables.Output("campaign_targets.csv", 4),
                new ReportTables.Output("graph.gexf", 5)), plain.files());
        assertEquals(List.of("top_influencers", "community_report", "changes"), plain.lakeTables());
        assertEquals(ReportFixture.PREVIOUS_RUN, plain.previousRunDate(),
                "the latest run before the run date, not a later one");
        assertEquals(4, plain.gexfEdges());
        assertFalse(plain.pseudonymised());
        assertEquals(1, plain.suppressionEntries());
        assertEquals("{\"files\":{\"top_influencers.csv\":15,\"communities.csv\":3,\"changes.csv\":11,"
                + "\"explanations.csv\":5,\"identity_links.csv\":2,\"campaign_targets.csv\":4,\"graph.gexf\":5},"
                + "\"lake_tables\":[\"top_influencers\",\"community_report\",\"changes\"],"
                + "\"previous_run_date\":\"2026-11-20\",\"gexf_edges\":4,\"pseudonymised\":false,"
                + "\"suppression_entries\":1}", plain.toJson().toString());
        assertEquals(new ReportTables.Output("rankings.csv", 10), pseudo.files().get(pseudo.files().size() - 1),
                "with pseudonymisation, rankings.csv is rewritten too");
    }

    @Test
    void topInfluencersListOverallThenPerPlatformThenPerLargeCommunity() throws IOException {
        Table t = read(plainDir.resolve(TopInfluencers.FILE));
        assertEquals(List.of("list", "group", "position", "rank", "actor_id", "platform", "name", "pagerank",
                "relais_score", "community", "in_degree", "followers"), t.header());
        String hyperlink = "'" + ReportFixture.HYPERLINK;
        assertEquals(rows("""
                overall||1|1|twitter:1|twitter|CourrierRep|0.3|95|0|8|7
                overall||2|2|twitter:2|twitter|%1$s|0.2|90.5|0|6|5
                overall||3|3|twitter:3|twitter|'+cmd|0.15|85|1|5|4
                platform|blog|1|5|blog:chroniques.example|blog|chroniques.example|0.08|75|0|3|0
                platform|bluesky|1|9|bluesky:did:plc:abc|bluesky|alice.bsky.social|0.02|60|1|1|0
                platform|mastodon|1|7|mastodon:7|mastodon|'\tTabby@social.example|0.05|40|1|2|1
                platform|twitter|1|1|twitter:1|twitter|CourrierRep|0.3|95|0|8|7
                platform|twitter|2|2|twitter:2|twitter|%1$s|0.2|90.5|0|6|5
                platform|twitter|3|3|twitter:3|twitter|'+cmd|0.15|85|1|5|4
                community|0|1|1|twitter:1|twitter|CourrierRep|0.3|95|0|8|7
                community|0|2|2|twitter:2|twitter|%1$s|0.2|90.5|0|6|5
                community|0|3|5|blog:chroniques.example|blog|chroniques.example|0.08|75|0|3|0
                community|1|1|3|twitter:3|twitter|'+cmd|0.15|85|1|5|4
                community|1|2|4|twitter:4|twitter|'-1+2|0.1|80|1|4|3
                community|1|3|6|twitter:6|twitter|'@SUM(A1)|0.06|70|1|3|2
                """.formatted(hyperlink)), t.rows());
        CsvFiles.assertNeutralised(t, TOP_TEXT, TOP_NUMBERS);
    }

    @Test
    void communityListsGoToTheLargestCommunitiesAboveTheMinimumSize() {
        Dataset<Row> rankings = ReportFixture.rankings(spark.session());
        List<String> groups = TopInfluencers.build(rankings, 2, 10, 5)
                .filter("list = 'community'").select("group").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertEquals(List.of("1"), groups, "community 0 has 4 members, below the minimum of 5");
        List<String> largest = TopInfluencers.build(rankings, 2, 1, 1)
                .filter("list = 'community'").select("group").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertEquals(List.of("1"), largest, "one list: the largest community (5 members)");
        // A missing group is null in the lake, as missing values are in every table (the CSV
        // writes it as an empty cell), so that pandas reads both the same way.
        assertEquals(List.of("overall"), TopInfluencers.build(rankings, 2, 10, 5).filter("group is null")
                .select("list").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    @Test
    void communitiesHaveTheirTopMembersHashtagsAndDomains() throws IOException {
        Table t = read(plainDir.resolve(CommunityReport.FILE));
        assertEquals(List.of("community", "size", "modularity_share", "pagerank_mass", "top_members", "top_hashtags",
                "top_domains", "top_member_ids"), t.header());
        assertEquals(rows("""
                0|4|0.21|0.62|CourrierRep;%s;chroniques.example;Suppressed|grandoral2027;municipales|\
                lemonde.example;autre-blog.example;autre.example|\
                twitter:1;twitter:2;blog:chroniques.example;twitter:8
                1|5|0.19|0.38|'+cmd;-1+2;@SUM(A1);\tTabby@social.example;alice.bsky.social|'=cmd;sécurité|\
                journal.example|twitter:3;twitter:4;twitter:6;mastodon:7;bluesky:did:plc:abc
                2|1|0|0.0000123||||
                """.formatted(ReportFixture.HYPERLINK)), t.rows());
        CsvFiles.assertNeutralised(t, List.of("top_members", "top_hashtags", "top_domains", "top_member_ids"),
                List.of("community", "size", "modularity_share", "pagerank_mass"));
    }

    @Test
    void changesCompareWithThePreviousRunNewFirstByRankDroppedLast() throws IOException {
        Table t = read(plainDir.resolve(Changes.FILE));
        assertEquals(List.of("actor_id", "name", "platform", "status", "rank", "previous_rank", "rank_change",
                "pagerank", "previous_pagerank", "pagerank_change", "relais_score_change"), t.header());
        assertEquals(rows("""
                twitter:1|CourrierRep|twitter|moved|1|2|1|0.3|0.22|%s|4
                twitter:2|'%s|twitter|moved|2|1|-1|0.2|0.25|%s|-1.5
                twitter:3|'+cmd|twitter|unchanged|3|3|0|0.15|0.15|0|0
                twitter:4|'-1+2|twitter|new|4|||0.1|||
                blog:chroniques.example|chroniques.example|blog|unchanged|5|5|0|0.08|0.09|%s|0.5
                twitter:6|'@SUM(A1)|twitter|new|6|||0.06|||
                mastodon:7|'\tTabby@social.example|mastodon|new|7|||0.05|||
                twitter:8|Suppressed|twitter|new|8|||0.04|||
                bluesky:did:plc:abc|alice.bsky.social|bluesky|new|9|||0.02|||
                twitter:10|Newbie|twitter|new|10|||0.0000123|||
                twitter:99|Gone|twitter|dropped||4|||0.1||
                """.formatted(n(0.3 - 0.22), ReportFixture.HYPERLINK, n(0.2 - 0.25), n(0.08 - 0.09))), t.rows());
        CsvFiles.assertNeutralised(t, List.of("actor_id", "name"), List.of("rank", "previous_rank", "rank_change",
                "pagerank", "previous_pagerank", "pagerank_change", "relais_score_change"));
    }

    @Test
    void anAccountDeletedSinceThePreviousRunIsNotInTheChanges() throws IOException {
        for (Path dir : List.of(plainDir, pseudoDir)) {
            String changes = Files.readString(dir.resolve(Changes.FILE), StandardCharsets.UTF_8);
            for (String trace : List.of(ReportFixture.DELETED_ACCOUNT, ReportFixture.DELETED_NAME,
                    Pseudonymizer.withKey(KEY).pseudonym(ReportFixture.DELETED_ACCOUNT))) {
                assertFalse(changes.contains(trace), dir.getFileName() + "/changes.csv mentions " + trace);
            }
        }
        Dataset<Row> stored = spark.session().read().parquet(lake.partitionPath(Changes.NAME, RUN));
        assertEquals(0, stored.filter(stored.col("actor_id").equalTo(ReportFixture.DELETED_ACCOUNT)).count(),
                "nor is it in the lake's copy");
    }

    @Test
    void changesPassOverAnEarlierRankingWhoseReportWasNotPublished() {
        org.relais.ingest.lake.RunLog previous = new org.relais.ingest.lake.RunLog(lake, ReportFixture.PREVIOUS_RUN);
        try {
            // A report that failed before touching the date's ranking (refused, say) keeps the last mark.
            previous.failed("report", java.time.Instant.EPOCH, java.time.Instant.EPOCH, "refused", null);
            assertEquals(ReportFixture.PREVIOUS_RUN, ReportInputs.read(spark.session(), lake, RUN).previousRunDate());

            // One that replaced it, then failed or was killed, withdrew the mark first.
            previous.clearPublished();
            assertEquals(ReportFixture.OLDER_RUN, ReportInputs.read(spark.session(), lake, RUN).previousRunDate(),
                    "the failed report's ranking was never published: compare with the one before");
            previous.running("report", java.time.Instant.EPOCH);
            assertEquals(ReportFixture.OLDER_RUN, ReportInputs.read(spark.session(), lake, RUN).previousRunDate(),
                    "nor one that never finished");
            previous.reset(List.of("report"));
            assertEquals(ReportFixture.OLDER_RUN, ReportInputs.read(spark.session(), lake, RUN).previousRunDate(),
                    "nor one whose records a new attempt of the date forgot");

            // A lake from before the mark: a report recorded as succeeded counts.
            previous.succeeded("report", java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                    Lake.json().createObjectNode());
            assertEquals(ReportFixture.PREVIOUS_RUN, ReportInputs.read(spark.session(), lake, RUN).previousRunDate());
        } finally {
            previous.reset(List.of("report"));
            previous.markPublished(java.time.Instant.EPOCH);
        }
    }

    @Test
    void withoutAPreviousRunEveryActorIsNew() {
        List<Row> rows = Changes.build(ReportFixture.rankings(spark.session()), null).collectAsList();
        assertEquals(10, rows.size());
        for (Row r : rows) {
            assertEquals(Changes.NEW, r.<String>getAs(Changes.STATUS), r.toString());
            assertEquals(null, r.<Integer>getAs(Changes.PREVIOUS_RANK));
        }
    }

    @Test
    void explanationsCarryTheNamesOfActorsAndContributors() throws IOException {
        Table t = read(plainDir.resolve(Explanations.FILE));
        assertEquals(List.of("actor_rank", "actor_id", "actor_name", "kind", "position", "item", "item_name", "mass",
                "share"), t.header());
        assertEquals(rows("""
                1|twitter:1|CourrierRep|baseline|1|random_jump|random_jump|0.03|0.1
                1|twitter:1|CourrierRep|contributor|1|twitter:2|'%s|0.1|0.3333
                1|twitter:1|CourrierRep|contributor|2|twitter:99|twitter:99|0.01|0.0333
                1|twitter:1|CourrierRep|edge_type|1|repost|repost|0.2|0.6666
                3|twitter:3|'+cmd|contributor|1|twitter:4|'-1+2|0.05|0.3333
                """.formatted(ReportFixture.HYPERLINK)), t.rows());
        CsvFiles.assertNeutralised(t, List.of("actor_id", "actor_name", "item", "item_name"),
                List.of("actor_rank", "position", "mass", "share"));
    }

    @Test
    void identityLinksNameTheAccountsLinkedToEachBlog() throws IOException {
        Table t = read(plainDir.resolve(IdentityLinks.FILE));
        assertEquals(List.of("account_id", "account_name", "blog_id", "source"), t.header());
        assertEquals(rows("""
                twitter:1|CourrierRep|blog:chroniques.example|profile-url
                twitter:4|'-1+2|blog:chroniques.example|identities-csv
                """), t.rows());
    }

    @Test
    void withPseudonymisationThereIsNoIdentityLinksFile() {
        // Each row would put a pseudonym next to the public blog of the same person.
        assertFalse(Files.exists(pseudoDir.resolve(IdentityLinks.FILE)), "identity_links.csv is not written");
        assertEquals(List.of(), pseudo.files().stream().filter(o -> o.file().equals(IdentityLinks.FILE)).toList(),
                "nor listed");
        assertFalse(pseudo.toJson().path("files").has(IdentityLinks.FILE), pseudo.toJson().toString());
    }

    @Test
    void theCampaignFileListsOnlyPublicActorsAboveTheThresholdsAndNotSuppressed() throws IOException {
        Table t = read(plainDir.resolve(CampaignTargets.FILE));
        assertEquals(CampaignTargets.NATIONBUILDER_HEADER, t.header());
        assertEquals(rows("""
                twitter:1|Le Courrier|républicain|CourrierRep|1|https://x.com/CourrierRep|\
                relais-top10,relais-community-0,relais-topic-grandoral2027,relais-topic-municipales|\
                Relais 2026-11-21: rank 1, PageRank 0.3, Relais score 95, community 0, followers 50000
                twitter:2|Armand|Delcourt|'%s|2|\
                https://x.com/%%3DHYPERLINK%%28%%22http%%3A%%2F%%2Fevil.example%%22%%2C%%22clic%%22%%29|\
                relais-top10,relais-community-0,relais-topic-grandoral2027|\
                Relais 2026-11-21: rank 2, PageRank 0.2, Relais score 90.5, community 0, followers 20000
                blog:chroniques.example|chroniques.example|Blog|||https://chroniques.example|\
                relais-top10,relais-community-0|Relais 2026-11-21: rank 5, PageRank 0.08, Relais score 75, community 0
                bluesky:did:plc:abc|Alice|Bluesky|||https://bsky.app/profile/alice.bsky.social|\
                relais-top10,relais-community-1|\
                Relais 2026-11-21: rank 9, PageRank 0.02, Relais score 60, community 1, followers 2000
                """.formatted(ReportFixture.HYPERLINK)), t.rows());
        CsvFiles.assertNeutralised(t, CampaignTargets.NATIONBUILDER_HEADER, List.of());
    }

    @Test
    void theGexfFileHoldsTheTopActorsAndTheEdgesBetweenThem() throws IOException {
        String gexf = Files.readString(plainDir.resolve(GexfGraph.FILE));
        assertTrue(gexf.contains("<node id=\"twitter:1\" label=\"CourrierRep\">"), gexf);
        assertFalse(gexf.contains("twitter:10"), "rank 10 is outside the top 5, and so are its edges");
        assertEquals(5, count(gexf, "<node "));
        assertEquals(4, count(gexf, "<edge "));
    }

    @Test
    void theParquetCopiesHaveTheCsvColumnsAndTheAnalyticsCommunitiesAreLeftAlone() throws IOException {
        SparkSession s = spark.session();
        for (Map.Entry<String, Path> e : Map.of(
                TopInfluencers.NAME, plainDir.resolve(TopInfluencers.FILE),
                CommunityReport.NAME, plainDir.resolve(CommunityReport.FILE),
                Changes.NAME, plainDir.resolve(Changes.FILE)).entrySet()) {
            Dataset<Row> stored = s.read().parquet(lake.partitionPath(e.getKey(), RUN));
            Table csv = read(e.getValue());
            assertArrayEquals(csv.header().toArray(), stored.columns(), e.getKey());
            assertEquals(csv.rows().size(), stored.count(), e.getKey());
            // The file's rows in the CSV's order, so that two runs on the same lake write the same file.
            String first = csv.header().get(0);
            assertEquals(csv.column(first), stored.collectAsList().stream().map(r -> String.valueOf(r.get(0))).toList(),
                    e.getKey());
        }
        Dataset<Row> analytics = lake.readPartition(s, CommunityTable.NAME, RUN, CommunityTable.SCHEMA);
        assertEquals(3, analytics.count());
        assertArrayEquals(CommunityTable.SCHEMA.fieldNames(), analytics.columns());
        // Lists stay lists in Parquet.
        Row community0 = s.read().parquet(lake.partitionPath(CommunityReport.NAME, RUN))
                .filter("community = 0").first();
        assertEquals(List.of("grandoral2027", "municipales"), community0.getList(community0.fieldIndex("top_hashtags")));
    }

    @Test
    void pseudonymisedFilesReplaceAccountIdsAndHandlesButNotBlogs() throws IOException {
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        String one = p.pseudonym("twitter:1");

        Table rankings = read(pseudoDir.resolve("rankings.csv"));
        assertEquals(RankingTable.COLUMNS.stream().map(CsvTable.Column::name).toList(), rankings.header());
        assertEquals(List.of("twitter:" + one, "twitter", one), rankings.rows().get(0).subList(1, 4));
        assertEquals(List.of("blog:chroniques.example", "blog", "chroniques.example"),
                rankings.rows().get(4).subList(1, 4), "blogs are public sites: left as they are");
        assertEquals(List.of("bluesky:" + p.pseudonym("bluesky:did:plc:abc"), "bluesky",
                p.pseudonym("bluesky:did:plc:abc")), rankings.rows().get(8).subList(1, 4));

        Table communities = read(pseudoDir.resolve(CommunityReport.FILE));
        assertEquals(String.join(";", one, p.pseudonym("twitter:2"), "chroniques.example", p.pseudonym("twitter:8")),
                communities.column("top_members").get(0));
        assertEquals(String.join(";", "twitter:" + one, "twitter:" + p.pseudonym("twitter:2"),
                "blog:chroniques.example", "twitter:" + p.pseudonym("twitter:8")),
                communities.column("top_member_ids").get(0));

        Table explanations = read(pseudoDir.resolve(Explanations.FILE));
        assertEquals(List.of("random_jump", "twitter:" + p.pseudonym("twitter:2"), "twitter:" + p.pseudonym("twitter:99"),
                "repost", "twitter:" + p.pseudonym("twitter:4")), explanations.column("item"));
        assertEquals(List.of("random_jump", p.pseudonym("twitter:2"), p.pseudonym("twitter:99"), "repost",
                p.pseudonym("twitter:4")), explanations.column("item_name"));

        Table changes = read(pseudoDir.resolve(Changes.FILE));
        assertEquals("twitter:" + p.pseudonym("twitter:99"), changes.column("actor_id").get(10));

        for (String file : List.of("rankings.csv", TopInfluencers.FILE, CommunityReport.FILE, Changes.FILE,
                Explanations.FILE, GexfGraph.FILE)) {
            String text = Files.readString(pseudoDir.resolve(file), StandardCharsets.UTF_8);
            for (String handle : List.of("CourrierRep", "HYPERLINK", "+cmd", "-1+2", "@SUM", "Tabby", "Suppressed",
                    "alice.bsky.social", "Gone", "twitter:1,", "twitter:1\"", "did:plc:abc")) {
                assertFalse(text.contains(handle), file + " still names " + handle);
            }
            if (!file.equals(Explanations.FILE)) {
                assertTrue(text.contains("chroniques.example"), file + " keeps the blog");
            }
        }
    }

    @Test
    void theCampaignFileIsNeverPseudonymised() throws IOException {
        assertEquals(Files.readString(plainDir.resolve(CampaignTargets.FILE)),
                Files.readString(pseudoDir.resolve(CampaignTargets.FILE)));
    }

    @Test
    void pseudonymsAreStableAcrossInstancesWithTheSameKey() throws IOException {
        Path again = tmp.resolve("again.csv");
        ReportTables.writeRankingsCsv(ReportFixture.rankings(spark.session()), again, Pseudonymizer.withKey(KEY));
        assertEquals(Files.readString(pseudoDir.resolve("rankings.csv")), Files.readString(again));

        Path otherKey = tmp.resolve("other-key.csv");
        ReportTables.writeRankingsCsv(ReportFixture.rankings(spark.session()), otherKey,
                Pseudonymizer.withKey(KEY.toUpperCase()));
        assertFalse(Files.readString(otherKey).contains(Pseudonymizer.withKey(KEY).pseudonym("twitter:1")));
    }

    @Test
    void theKeyAppearsInNoOutput() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Stream.concat(Files.walk(pseudoDir), Files.walk(tmp.resolve("lake")))) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            assertFalse(indexOf(content, key) >= 0, f + " contains the key");
        }
        assertTrue(files.size() > 10, files.stream().map(Path::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyTextCellOfEveryCsvFileIsNeutralisedAndNumbersAreLeftAlone() throws IOException {
        for (Path dir : List.of(plainDir, pseudoDir)) {
            CsvFiles.assertNeutralised(read(dir.resolve(TopInfluencers.FILE)), TOP_TEXT, TOP_NUMBERS);
            for (var e : Map.of(
                    TopInfluencers.FILE, TopInfluencers.COLUMNS,
                    CommunityReport.FILE, CommunityReport.COLUMNS,
                    Changes.FILE, Changes.COLUMNS,
                    Explanations.FILE, Explanations.COLUMNS).entrySet()) {
                List<String> text = e.getValue().stream().filter(c -> c.kind() != CsvTable.Kind.NUMBER)
                        .map(ReportColumn::name).toList();
                List<String> numbers = e.getValue().stream().filter(c -> c.kind() == CsvTable.Kind.NUMBER)
                        .map(ReportColumn::name).toList();
                Table t = read(dir.resolve(e.getKey()));
                assertEquals(e.getValue().stream().map(ReportColumn::name).toList(), t.header(), e.getKey());
                CsvFiles.assertNeutralised(t, text, numbers);
            }
        }
        // The hostile values did reach the files, neutralised.
        String all = Files.readString(plainDir.resolve(Changes.FILE));
        for (String hostile : List.of(ReportFixture.PLUS, ReportFixture.MINUS, ReportFixture.AT, ReportFixture.TAB)) {
            assertTrue(all.contains("'" + hostile), hostile);
        }
        assertTrue(all.contains(",-1,") && all.contains(",-1.5\r\n"), "negative numbers keep their sign, unquoted");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anEarlierRankingLosesADeletedMastodonAccountWhateverTheCaseOfItsUserName() {
        SparkSession session = spark.session();
        Dataset<Row> rows = session.createDataFrame(List.of(
                org.apache.spark.sql.RowFactory.create("mastodon:GreenConnect@mastodon.social"),
                org.apache.spark.sql.RowFactory.create("mastodon:timber@mastodon.social"),
                org.apache.spark.sql.RowFactory.create("twitter:GreenConnect")),
                new org.apache.spark.sql.types.StructType().add("actor_id", "string"));
        Dataset<Row> deletions = session.createDataFrame(List.of(
                org.relais.ingest.lake.Rows.deletion(org.relais.ingest.model.Deletion.account("mastodon",
                        "greenconnect@mastodon.social", null, "compliance-csv"), "compliance-csv", 1),
                org.relais.ingest.lake.Rows.deletion(org.relais.ingest.model.Deletion.account("twitter",
                        "greenconnect", null, "compliance-csv"), "compliance-csv", 1)),
                org.relais.ingest.lake.Tables.Deletions.TABLE.schema());
        assertEquals(List.of("mastodon:timber@mastodon.social", "twitter:GreenConnect"),
                ReportInputs.withoutDeletedAccounts(rows, "actor_id", deletions).orderBy("actor_id").collectAsList()
                        .stream().map(r -> r.getString(0)).collect(Collectors.toList()));
    }
}
