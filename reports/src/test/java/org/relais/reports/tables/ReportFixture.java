package org.relais.reports.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.CommunityTable;
import org.relais.analytics.ExplanationTable;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.job.AnalyzeJob;
import org.relais.analytics.job.InteractionGraph;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.Tables;
import org.relais.reports.RankingTable;

/**
 * A small run built by hand: ten actors on four platforms, two communities, a previous run (one of
 * whose accounts has been deleted since), posts, blog links, edges, identity links and explanations; several names are formulas a spreadsheet would run.
 * {@link #writeLake} puts it into a real lake, as the analyze job and the ingest job would.
 */
public final class ReportFixture {

    public static final String RUN = "2026-11-21";
    public static final String PREVIOUS_RUN = "2026-11-20";
    public static final String OLDER_RUN = "2026-11-19";
    public static final String LATER_RUN = "2026-11-22";

    /** Hostile names, as a handle could carry them through relais-json. */
    public static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"clic\")";
    public static final String PLUS = "+cmd";
    public static final String MINUS = "-1+2";
    public static final String AT = "@SUM(A1)";
    public static final String TAB = "\tTabby@social.example";

    /** An account the previous run ranked and that was deleted from the lake since. */
    public static final String DELETED_ACCOUNT = "twitter:98";
    public static final String DELETED_NAME = "ErasedAccount";

    private ReportFixture() {
    }

    /** A row of {@code schema} with the given columns set and the others null. */
    public static Row row(StructType schema, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            schema.fieldIndex(key); // fails on a misspelt column
            values.put(key, keyValues[i + 1]);
        }
        Object[] out = new Object[schema.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(schema.fields()[i].name());
        }
        return RowFactory.create(out);
    }

    static Row ranking(int rank, String actorId, String name, double pagerank, Double relaisScore, int inDegree,
            Integer followers, Integer community) {
        String platform = actorId.substring(0, actorId.indexOf(':'));
        return row(RankingTable.SCHEMA, RankingTable.RANK, rank, ScoreTable.ACTOR_ID, actorId,
                ScoreTable.PLATFORM, platform, ScoreTable.LABEL, name, ScoreTable.PAGERANK, pagerank,
                ScoreTable.RELAIS_SCORE, relaisScore, ScoreTable.IN_DEGREE, inDegree, ScoreTable.OUT_DEGREE, 1,
                ScoreTable.FOLLOWERS, followers, ScoreTable.COMMUNITY, community,
                ScoreTable.HITS_AUTHORITY, rank <= 5 ? pagerank / 2 : null, ScoreTable.K_CORE, rank <= 5 ? 3 : null,
                ScoreTable.BUBBLE_REACH, rank <= 5 ? 0.25 : null);
    }

    public static Dataset<Row> rankings(SparkSession spark) {
        return spark.createDataFrame(List.of(
                ranking(1, "twitter:1", "CourrierRep", 0.3, 95.0, 8, 7, 0),
                ranking(2, "twitter:2", HYPERLINK, 0.2, 90.5, 6, 5, 0),
                ranking(3, "twitter:3", PLUS, 0.15, 85.0, 5, 4, 1),
                ranking(4, "twitter:4", MINUS, 0.1, 80.0, 4, 3, 1),
                ranking(5, "blog:chroniques.example", "chroniques.example", 0.08, 75.0, 3, 0, 0),
                ranking(6, "twitter:6", AT, 0.06, 70.0, 3, 2, 1),
                ranking(7, "mastodon:7", TAB, 0.05, 40.0, 2, 1, 1),
                ranking(8, "twitter:8", "Suppressed", 0.04, 65.0, 2, 1, 0),
                ranking(9, "bluesky:did:plc:abc", "alice.bsky.social", 0.02, 60.0, 1, 0, 1),
                ranking(10, "twitter:10", "Newbie", 0.0000123, null, 0, null, null)), RankingTable.SCHEMA);
    }

    public static Dataset<Row> previousRankings(SparkSession spark) {
        return spark.createDataFrame(List.of(
                ranking(1, "twitter:2", "ArmandD", 0.25, 92.0, 6, 5, 0),
                ranking(2, "twitter:1", "CourrierRep", 0.22, 91.0, 8, 7, 0),
                ranking(3, "twitter:3", PLUS, 0.15, 85.0, 5, 4, 1),
                ranking(4, "twitter:99", "Gone", 0.1, 80.0, 4, 3, 1),
                ranking(5, "blog:chroniques.example", "chroniques.example", 0.09, 74.5, 3, 0, 0),
                ranking(6, DELETED_ACCOUNT, DELETED_NAME, 0.05, 70.0, 2, 1, 1)),
                RankingTable.SCHEMA);
    }

    static Row deletion(String kind, String platform, String postId, String accountId) {
        return row(Tables.Deletions.TABLE.schema(), Tables.Deletions.DELETION_ID,
                kind + ":" + platform + ":" + (postId != null ? postId : accountId), Tables.PLATFORM, platform,
                Tables.Deletions.KIND, kind, Tables.Deletions.POST_ID, postId, Tables.Deletions.ACCOUNT_ID, accountId,
                Tables.INGEST_BATCH, 1L);
    }

    /**
     * The account ranked 6th by the previous run, deleted since; and a deleted post, which deletes
     * no account.
     */
    public static Dataset<Row> deletions(SparkSession spark) {
        return spark.createDataFrame(List.of(
                deletion("account", "twitter", null, DELETED_ACCOUNT.substring("twitter:".length())),
                deletion("post", "twitter", "p9", null)),
                Tables.Deletions.TABLE.schema());
    }

    /** A ranking that must never be compared with: older than the previous run, or later than the run. */
    static Dataset<Row> otherRankings(SparkSession spark) {
        return spark.createDataFrame(List.of(ranking(1, "twitter:77", "Other", 1.0, 99.0, 1, 1, 0)),
                RankingTable.SCHEMA);
    }

    public static Dataset<Row> communities(SparkSession spark) {
        return spark.createDataFrame(List.of(
                row(CommunityTable.SCHEMA, CommunityTable.COMMUNITY, 0, CommunityTable.SIZE, 4,
                        CommunityTable.MODULARITY_SHARE, 0.21, CommunityTable.INTERNAL_WEIGHT, 3.5,
                        CommunityTable.PAGERANK_MASS, 0.62, CommunityTable.TOP_MEMBERS, List.of("twitter:1")),
                row(CommunityTable.SCHEMA, CommunityTable.COMMUNITY, 1, CommunityTable.SIZE, 5,
                        CommunityTable.MODULARITY_SHARE, 0.19, CommunityTable.INTERNAL_WEIGHT, 2.0,
                        CommunityTable.PAGERANK_MASS, 0.38, CommunityTable.TOP_MEMBERS, List.of("twitter:3")),
                row(CommunityTable.SCHEMA, CommunityTable.COMMUNITY, 2, CommunityTable.SIZE, 1,
                        CommunityTable.MODULARITY_SHARE, 0.0, CommunityTable.INTERNAL_WEIGHT, 0.0,
                        CommunityTable.PAGERANK_MASS, 0.0000123, CommunityTable.TOP_MEMBERS, List.of())),
                CommunityTable.SCHEMA);
    }

    static Row explanation(String actor, int rank, String kind, int position, String item, double mass,
            double share) {
        return row(ExplanationTable.SCHEMA, ExplanationTable.ACTOR_ID, actor, ExplanationTable.ACTOR_RANK, rank,
                ExplanationTable.KIND, kind, ExplanationTable.POSITION, position, ExplanationTable.ITEM, item,
                ExplanationTable.MASS, mass, ExplanationTable.SHARE, share);
    }

    public static Dataset<Row> explanations(SparkSession spark) {
        return spark.createDataFrame(List.of(
                explanation("twitter:3", 3, ExplanationTable.CONTRIBUTOR, 1, "twitter:4", 0.05, 0.3333),
                explanation("twitter:1", 1, ExplanationTable.EDGE_TYPE, 1, "repost", 0.2, 0.6666),
                explanation("twitter:1", 1, ExplanationTable.CONTRIBUTOR, 2, "twitter:99", 0.01, 0.0333),
                explanation("twitter:1", 1, ExplanationTable.CONTRIBUTOR, 1, "twitter:2", 0.1, 0.3333),
                explanation("twitter:1", 1, ExplanationTable.BASELINE, 1, "random_jump", 0.03, 0.1)),
                ExplanationTable.SCHEMA);
    }

    static Row edge(String src, String dst, String type, long count, double weight) {
        return RowFactory.create(src, dst, type, count, weight);
    }

    public static Dataset<Row> edges(SparkSession spark) {
        return spark.createDataFrame(List.of(
                edge("twitter:2", "twitter:1", "repost", 3, 3.0),
                edge("twitter:2", "twitter:1", "mention", 2, 1.0),
                edge("twitter:3", "twitter:1", "follow", 1, 1.0),
                edge("twitter:1", "blog:chroniques.example", "share", 2, 2.0),
                edge("twitter:4", "twitter:3", "reply", 4, 2.0),
                edge("twitter:10", "twitter:1", "follow", 1, 1.0),
                edge("twitter:6", "twitter:10", "mention", 1, 0.5)), InteractionGraph.EDGES_SCHEMA);
    }

    /** Two accounts linked to the blog: its author's account from a list, another by its profile. */
    public static Dataset<Row> identityLinks(SparkSession spark) {
        return spark.createDataFrame(List.of(
                RowFactory.create("twitter:4", "blog:chroniques.example", "identities-csv"),
                RowFactory.create("twitter:1", "blog:chroniques.example", "profile-url")),
                InteractionGraph.IDENTITY_LINKS_SCHEMA);
    }

    static Row account(String platform, String id, String handle, String displayName, String profileUrl,
            Long followers, Boolean isProtected) {
        return row(Tables.Accounts.TABLE.schema(), Tables.PLATFORM, platform, Tables.Accounts.ACCOUNT_ID, id,
                Tables.Accounts.HANDLE, handle, Tables.Accounts.DISPLAY_NAME, displayName,
                Tables.Accounts.PROFILE_URL, profileUrl, Tables.Accounts.FOLLOWERS_COUNT, followers,
                Tables.Accounts.PROTECTED, isProtected, Tables.INGEST_BATCH, 1L);
    }

    public static Dataset<Row> accounts(SparkSession spark) {
        return spark.createDataFrame(List.of(
                account("twitter", "1", "CourrierRep", "Le Courrier républicain", "https://courrier.example/", 50_000L,
                        false),
                account("twitter", "2", HYPERLINK, "Armand Delcourt", null, 20_000L, false),
                account("twitter", "3", PLUS, "+33 6 12 34 56 78", null, 30_000L, true),
                account("twitter", "4", MINUS, null, null, 5_000L, null),
                account("twitter", "6", AT, AT, null, 500L, false),
                account("mastodon", "7", "tabby@social.example", "\tTabby", null, 3_000L, false),
                account("twitter", "8", "Suppressed", "Sup Pressed", null, 10_000L, false),
                account("bluesky", "did:plc:abc", "alice.bsky.social", "Alice", null, 2_000L, false)),
                Tables.Accounts.TABLE.schema());
    }

    static Row post(String platform, String id, String author, List<String> hashtags, List<String> urls) {
        return row(Tables.Posts.TABLE.schema(), Tables.PLATFORM, platform, Tables.Posts.POST_ID, id,
                Tables.Posts.AUTHOR_ID, author, Tables.Posts.HASHTAGS, hashtags, Tables.Posts.URLS, urls,
                Tables.Posts.COMPLETENESS, 1, Tables.INGEST_BATCH, 1L);
    }

    public static Dataset<Row> posts(SparkSession spark) {
        return spark.createDataFrame(List.of(
                post("twitter", "p1", "1", List.of("GrandOral2027", "Municipales"),
                        List.of("https://www.lemonde.example/a", "https://twitter.com/x/status/1")),
                post("twitter", "p2", "1", List.of("grandoral2027"), List.of("https://m.lemonde.example/b")),
                post("twitter", "p3", "2", List.of("GrandOral2027", "GRANDORAL2027"),
                        List.of("https://lemonde.example/c", "https://autre.example/")),
                post("twitter", "p4", "3", List.of("=cmd"), null),
                post("twitter", "p5", "4", List.of("=cmd", "Sécurité"),
                        List.of("https://www.bsky.app/x", "https://sub.t.co/y")),
                post("twitter", "p6", "6", List.of("sécurité"), List.of("https://journal.example/x")),
                post("twitter", "p7", null, List.of("orphan"), List.of("https://orphan.example/"))),
                Tables.Posts.TABLE.schema());
    }

    static Row blogLink(String source, String postUrl, String target) {
        return row(Tables.BlogLinks.TABLE.schema(), Tables.BlogLinks.SOURCE_BLOG, source,
                Tables.BlogLinks.SOURCE_POST_URL, postUrl, Tables.BlogLinks.TARGET_URL, "https://" + target + "/",
                Tables.BlogLinks.TARGET_BLOG, target, Tables.INGEST_BATCH, 1L);
    }

    public static Dataset<Row> blogLinks(SparkSession spark) {
        return spark.createDataFrame(List.of(
                blogLink("chroniques.example", "https://chroniques.example/1", "autre-blog.example"),
                blogLink("chroniques.example", "https://chroniques.example/2", "autre-blog.example"),
                blogLink("chroniques.example", "https://chroniques.example/3", "lemonde.example")),
                Tables.BlogLinks.TABLE.schema());
    }

    /**
     * Writes the fixture into the lake at {@code lake}: the run's outputs of the analyze and report
     * jobs, earlier and later rankings, and one committed ingest batch of accounts, posts, blog
     * links and deletions.
     */
    public static void writeLake(SparkSession spark, Lake lake) {
        lake.replacePartition(rankings(spark), RankingTable.NAME, RUN);
        lake.replacePartition(previousRankings(spark), RankingTable.NAME, PREVIOUS_RUN);
        lake.replacePartition(otherRankings(spark), RankingTable.NAME, OLDER_RUN);
        lake.replacePartition(otherRankings(spark), RankingTable.NAME, LATER_RUN);
        for (String published : List.of(PREVIOUS_RUN, OLDER_RUN, LATER_RUN)) {
            new org.relais.ingest.lake.RunLog(lake, published).markPublished(java.time.Instant.EPOCH);
        }
        lake.replacePartition(communities(spark), CommunityTable.NAME, RUN);
        lake.replacePartition(explanations(spark), ExplanationTable.NAME, RUN);
        lake.replacePartition(edges(spark), ScoreTable.EDGES, RUN);
        lake.replacePartition(identityLinks(spark), AnalyzeJob.IDENTITY_LINKS, RUN);
        String segment = lake.segmentName(1);
        Map<String, List<String>> tables = new HashMap<>();
        for (Map.Entry<Tables.Table, Dataset<Row>> e : Map.of(
                Tables.Accounts.TABLE, accounts(spark),
                Tables.Posts.TABLE, posts(spark),
                Tables.BlogLinks.TABLE, blogLinks(spark),
                Tables.Deletions.TABLE, deletions(spark)).entrySet()) {
            e.getValue().write().parquet(lake.segmentPath(e.getKey().name(), segment));
            tables.put(e.getKey().name(), new ArrayList<>(Arrays.asList(segment)));
        }
        lake.commit(new LakeState(1, Instant.parse("2026-11-21T02:00:00Z"), tables, Map.of(), null));
    }
}
