package org.relais.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.analytics.CommunityTable;
import org.relais.analytics.ExplanationTable;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.distributed.MemoryBudget;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.Rows;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Post;
import org.relais.ingest.model.Post.Mention;
import org.relais.ingest.testing.SparkExtension;

/** The analyze job on a small hand-made lake, end to end: settings, both paths, the tables it writes. */
class AnalyzeJobTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    @TempDir
    static Path work;

    static final String DATE = "2026-11-21";
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static int lakes;

    /** Reposts, replies, quotes and follows among a, b, c, d; b -> c and a -> e only by mentions. */
    static Map<Tables.Table, List<Row>> tables;

    @BeforeAll
    static void tables() {
        List<Post> posts = List.of(
                post("1", "a", null, List.of(), null, "b", null),
                post("2", "c", null, List.of(), null, "b", null),
                post("3", "d", "oui", List.of(), "a", null, null),
                post("4", "c", "voyez", List.of(), null, null, "d"),
                post("5", "a", "@e", List.of(new Mention("e", "e")), null, null, null),
                post("6", "b", "@c @c", List.of(new Mention("c", "c")), null, null, null),
                post("7", "b", "@c", List.of(new Mention("c", "c")), null, null, null));
        List<Follow> follows = List.of(new Follow("twitter", "a", "b", T, "t"), new Follow("twitter", "c", "a", T, "t"),
                new Follow("twitter", "d", "c", T, "t"), new Follow("twitter", "d", "b", T, "t"));
        tables = Map.of(
                Tables.Posts.TABLE, posts.stream().map(p -> Rows.post(p, 1)).toList(),
                Tables.Follows.TABLE, follows.stream().map(f -> Rows.follow(f, 1)).toList());
    }

    static Lake lake() {
        return TestLake.create(spark.session(), work.resolve("lake-" + ++lakes), tables);
    }

    static AnalyzeJob.Result analyze(Lake lake, String... settings) {
        RelaisConfig config = RelaisConfig.builder().set(List.of(settings)).build();
        return new AnalyzeJob(spark.session(), lake, AnalyzeJob.Settings.from(config)).run(DATE);
    }

    static Map<String, Row> scores(Lake lake) {
        Map<String, Row> byActor = new TreeMap<>();
        for (Row r : lake.readPartition(spark.session(), ScoreTable.NAME, DATE, ScoreTable.SCHEMA).collectAsList()) {
            byActor.put(r.getAs(ScoreTable.ACTOR_ID), r);
        }
        return byActor;
    }

    static Set<String> edgeTypes(Lake lake) {
        Set<String> types = new TreeSet<>();
        for (Row r : lake.readPartition(spark.session(), ScoreTable.EDGES, DATE, InteractionGraph.EDGES_SCHEMA)
                .collectAsList()) {
            types.add(r.getString(0) + " -" + r.getString(2) + "-> " + r.getString(1));
        }
        return types;
    }

    @Test
    void theDefaultsAnalyzeInMemoryWithEveryTypeOfEdge() {
        Lake lake = lake();
        AnalyzeJob.Result result = analyze(lake);
        assertEquals(MemoryBudget.Path.IN_MEMORY, result.path());
        assertEquals(5, result.actors(), "a, b, c, d, and e who is only mentioned");
        assertEquals(0, result.measures().path("rounded_weights").asLong(-1), "weights 1 and 0.5 are floats");
        assertEquals(1, analyze(lake(), "graph.weights.reply=0.3").measures().path("rounded_weights").asLong(-1),
                "the one reply's pair weighs 0.3 (plus any other interaction), which no float is");
        assertEquals(Map.of("follow", 4L, "mention", 3L, "quote", 1L, "reply", 1L, "repost", 2L),
                result.interactionsByType());
        Map<String, Row> scores = scores(lake);
        assertEquals(2, (int) scores.get("twitter:c").getAs(ScoreTable.MENTIONS_RECEIVED));
        assertEquals(2, (int) scores.get("twitter:b").getAs(ScoreTable.FOLLOWERS));
        assertEquals(2, (int) scores.get("twitter:b").getAs(ScoreTable.REPOSTS_RECEIVED));
        assertEquals(0, (int) scores.get("twitter:e").getAs(ScoreTable.FOLLOWERS));
        assertEquals("hb", scores.get("twitter:b").getAs(ScoreTable.LABEL), "the handle on b's posts");
        assertEquals("twitter", scores.get("twitter:e").getAs(ScoreTable.PLATFORM));
        assertEquals(1.0, sum(scores), 1e-12);
        for (Row r : scores.values()) {
            assertNotNull(r.getAs(ScoreTable.K_CORE), "every measure was computed");
            assertNotNull(r.getAs(ScoreTable.COMMUNITY_RANK), "every measure was computed");
        }
        List<Row> communities = lake.readPartition(spark.session(), CommunityTable.NAME, DATE, CommunityTable.SCHEMA)
                .orderBy(CommunityTable.COMMUNITY).collectAsList();
        assertEquals(5, communities.stream().mapToInt(r -> r.<Integer>getAs(CommunityTable.SIZE)).sum());
        for (Row c : communities) {
            List<String> members = c.getList(c.fieldIndex(CommunityTable.TOP_MEMBERS));
            assertEquals(Math.min(5, c.<Integer>getAs(CommunityTable.SIZE)), members.size());
            for (String member : members) {
                assertEquals(c.<Integer>getAs(CommunityTable.COMMUNITY), scores.get(member).getAs(ScoreTable.COMMUNITY),
                        member);
            }
        }
        List<String> ids = new ArrayList<>();
        lake.readPartition(spark.session(), ScoreTable.NAME, DATE, ScoreTable.SCHEMA).collectAsList()
                .forEach(r -> ids.add(r.getAs(ScoreTable.ACTOR_ID)));
        assertEquals(new ArrayList<>(scores.keySet()), ids, "rows in actor-id order");
    }

    @Test
    void theBudgetCoversEveryMeasureNotJustPageRank() {
        Lake lake = lake();
        // 5 actors, 9 edges: PageRank's arrays alone take 16m + 48n = 384 bytes, everything 3,332.
        AnalyzeJob.Result result = analyze(lake, "analyze.memory-budget=1000", "pagerank.threads=2");
        assertEquals(MemoryBudget.analyzeBytes(5, 9, 2), result.estimatedBytes());
        assertEquals(MemoryBudget.Path.DISTRIBUTED, result.path(), "1000 bytes hold PageRank, not the analysis");
        assertEquals(MemoryBudget.Path.IN_MEMORY,
                analyze(lake(), "analyze.memory-budget=3332", "pagerank.threads=2").path());
    }

    @Test
    void aZeroWeightLeavesItsTypeOutOfTheGraph() {
        Lake lake = lake();
        AnalyzeJob.Result result = analyze(lake, "graph.weights.mention=0");
        assertEquals(MemoryBudget.Path.IN_MEMORY, result.path());
        assertEquals(Map.of("follow", 4L, "quote", 1L, "reply", 1L, "repost", 2L), result.interactionsByType(),
                "no mention is counted");
        assertEquals(0.0, result.toJson(AnalyzeJob.Settings.from(RelaisConfig.builder()
                .set(List.of("graph.weights.mention=0")).build()).weights())
                .path("edge_weights").path("mention").asDouble(-1), "the manifest still says the weight");
        assertFalse(edgeTypes(lake).stream().anyMatch(e -> e.contains("-mention->")), edgeTypes(lake).toString());
        Map<String, Row> scores = scores(lake);
        assertEquals(Set.of("twitter:a", "twitter:b", "twitter:c", "twitter:d"), scores.keySet(),
                "e, who was only mentioned, is no actor");
        for (Row r : scores.values()) {
            assertNull(r.getAs(ScoreTable.MENTIONS_RECEIVED), "mentions were left out, not counted as none");
        }
        assertEquals(1, (int) scores.get("twitter:c").getAs(ScoreTable.IN_DEGREE), "d follows c; b only mentions it");
        assertEquals(1.0, sum(scores), 1e-12);
        List<String> explained = new ArrayList<>();
        for (Row r : lake.readPartition(spark.session(), org.relais.analytics.ExplanationTable.NAME, DATE,
                org.relais.analytics.ExplanationTable.SCHEMA).collectAsList()) {
            explained.add(r.getAs(org.relais.analytics.ExplanationTable.ITEM));
        }
        assertFalse(explained.contains("mention"), explained.toString());
        assertTrue(explained.contains("follow"), explained.toString());
    }

    /**
     * d's account is 20 days old on the run date, so with a minimum age of 90 days it gets no random
     * jump; b's was created exactly 90 days before the end of the run date and keeps its share, as do
     * a (2019), c (no creation time) and e (no account row). The expected figures are networkx's
     * {@code pagerank(G, alpha=0.85, weight="weight", tol=1e-15, personalization={a: 1, b: 1, c: 1,
     * d: 0, e: 1})} on the nine edges of these tables, and the scores' floor is the baseline of a, b,
     * c and e, {@code ((1 - 0.85) + 0.85 PR(e)) / 4} (e relays nobody).
     */
    @Test
    void newAccountsGetNoRandomJump() {
        List<Row> accounts = List.of(
                Rows.account(account("a", "2019-01-01T00:00:00Z"), "t", 1),
                Rows.account(account("b", "2026-08-24T00:00:00Z"), "t", 1),
                Rows.account(account("c", null), "t", 1),
                Rows.account(account("d", "2026-11-01T12:00:00Z"), "t", 1));
        Map<Tables.Table, List<Row>> withAccounts = new java.util.HashMap<>(tables);
        withAccounts.put(Tables.Accounts.TABLE, accounts);
        Lake lake = TestLake.create(spark.session(), work.resolve("lake-" + ++lakes), withAccounts);
        AnalyzeJob.Result result = analyze(lake, "pagerank.min-account-age=90d");
        assertEquals(1, result.measures().path("pagerank").path("without_random_jump").asInt(-1));
        assertEquals(90.0, result.measures().path("pagerank").path("min_account_age_days").asDouble(-1));
        Map<String, Row> scores = scores(lake);
        Map<String, Double> expected = Map.of("twitter:a", 0.16997790098695603, "twitter:b", 0.3022085550692307,
                "twitter:c", 0.34558508120021847, "twitter:d", 0.0979157730067279, "twitter:e", 0.08431268973686687);
        Map<String, Double> relaisScores = Map.of("twitter:a", 9.73507575152653, "twitter:b", 14.733361600582453,
                "twitter:c", 15.898326229676204, "twitter:d", 4.944279649568751, "twitter:e", 3.645085399607939);
        expected.forEach((actor, pr) -> assertEquals(pr, scores.get(actor).<Double>getAs(ScoreTable.PAGERANK), 1e-12,
                actor));
        relaisScores.forEach((actor, score) -> assertEquals(score,
                scores.get(actor).<Double>getAs(ScoreTable.RELAIS_SCORE), 1e-9, actor));
        Map<String, Double> baselines = new TreeMap<>();
        for (Row r : lake.readPartition(spark.session(), ExplanationTable.NAME, DATE, ExplanationTable.SCHEMA)
                .collectAsList()) {
            if (r.<String>getAs(ExplanationTable.KIND).equals(ExplanationTable.BASELINE)) {
                baselines.put(r.getAs(ExplanationTable.ACTOR_ID), r.<Double>getAs(ExplanationTable.MASS));
            }
        }
        assertEquals(0.0, baselines.get("twitter:d"), "d's score is all from c, who quotes it");
        assertEquals(0.05541644656908422, baselines.get("twitter:a"), 1e-12);

        Lake uniform = lake();
        analyze(uniform);
        assertEquals(0.1376172990878578, scores(uniform).get("twitter:d").<Double>getAs(ScoreTable.PAGERANK), 1e-12,
                "without the setting, d has its share as networkx gives it");
    }

    private static Account account(String id, String createdAt) {
        return new Account("twitter", id, "h" + id, null, null, null, null, null, false, null,
                createdAt == null ? null : Instant.parse(createdAt), T);
    }

    @Test
    void theContributorsNotListedAreOneRowSoEachExplanationAddsUpToOne() {
        Lake lake = lake();
        analyze(lake, "explain.contributors=1");
        Map<String, Double> shares = new TreeMap<>();
        Map<String, Integer> others = new TreeMap<>();
        for (Row r : lake.readPartition(spark.session(), ExplanationTable.NAME, DATE, ExplanationTable.SCHEMA)
                .collectAsList()) {
            String kind = r.getAs(ExplanationTable.KIND);
            String actor = r.getAs(ExplanationTable.ACTOR_ID);
            if (kind.equals(ExplanationTable.OTHER_CONTRIBUTORS)) {
                others.put(actor, Integer.parseInt(r.getAs(ExplanationTable.ITEM)));
            }
            if (!kind.equals(ExplanationTable.EDGE_TYPE)) {
                shares.merge(actor, r.<Double>getAs(ExplanationTable.SHARE), Double::sum);
            }
        }
        Map<String, Row> scores = scores(lake);
        assertFalse(others.isEmpty(), "with one contributor listed, actors relayed by two or more have the rest");
        others.forEach((actor, n) -> assertEquals(scores.get(actor).<Integer>getAs(ScoreTable.IN_DEGREE) - 1, n,
                actor + ": the in-neighbours beyond the one listed"));
        shares.forEach((actor, sum) -> assertEquals(1.0, sum, 1e-9, actor));
    }

    @Test
    void pageRankOnSparkCheckpointsUnderTheLakeAndDeletesItsCheckpointsAfterwards() throws Exception {
        Lake memory = lake();
        analyze(memory);
        Lake lake = lake();
        // What an analysis killed half-way leaves.
        Path killed = Path.of(new java.net.URI(lake.location())).resolve(AnalyzeJob.CHECKPOINTS)
                .resolve("analyze-" + DATE + "-killed/rdd-7");
        java.nio.file.Files.createDirectories(killed);
        java.nio.file.Files.write(killed.resolve("part-00000"), new byte[1000]);
        AnalyzeJob.Result result = analyze(lake, "analyze.memory-budget=0", "analyze.checkpoint-interval=1");
        assertEquals(MemoryBudget.Path.DISTRIBUTED, result.path());
        assertTrue(result.pageRankIterations() > 1, "a checkpoint was written: " + result.pageRankIterations());
        String used = spark.session().sparkContext().getCheckpointDir().get();
        assertTrue(used.startsWith(lake.location() + "/" + AnalyzeJob.CHECKPOINTS + "/analyze-" + DATE + "-"), used);
        Path checkpoints = Path.of(new java.net.URI(lake.location())).resolve(AnalyzeJob.CHECKPOINTS);
        assertFalse(java.nio.file.Files.exists(checkpoints),
                "the run's checkpoints are deleted, and what a killed run left, and the directory");

        Map<String, Row> expected = scores(memory);
        Map<String, Row> actual = scores(lake);
        assertEquals(expected.keySet(), actual.keySet());
        for (String actor : expected.keySet()) {
            assertEquals((double) expected.get(actor).getAs(ScoreTable.PAGERANK),
                    (double) actual.get(actor).getAs(ScoreTable.PAGERANK), 1e-12, actor);
            assertEquals((int) expected.get(actor).getAs(ScoreTable.IN_DEGREE),
                    (int) actual.get(actor).getAs(ScoreTable.IN_DEGREE), actor);
            assertEquals((Integer) expected.get(actor).getAs(ScoreTable.FOLLOWERS),
                    actual.get(actor).getAs(ScoreTable.FOLLOWERS), actor);
        }
    }

    @Test
    void aDateAnalysedAgainOnSparkKeepsNoCommunitiesOrExplanationsOfTheEarlierAnalysis() throws Exception {
        Lake lake = lake();
        analyze(lake);
        assertTrue(lake.runDates(CommunityTable.NAME).contains(DATE));
        assertTrue(lake.runDates(ExplanationTable.NAME).contains(DATE));
        assertEquals(MemoryBudget.Path.DISTRIBUTED, analyze(lake, "analyze.memory-budget=0").path());
        assertFalse(lake.runDates(CommunityTable.NAME).contains(DATE), "the Spark path computes no communities");
        assertFalse(lake.runDates(ExplanationTable.NAME).contains(DATE), "nor explanations");
        assertTrue(lake.runDates(ScoreTable.NAME).contains(DATE));
    }

    @Test
    void theCheckpointDirectoryCanBeSet() throws Exception {
        Path dir = work.resolve("shared-checkpoints");
        Lake lake = lake();
        AnalyzeJob.Result result = analyze(lake, "analyze.memory-budget=0", "analyze.checkpoint-interval=1",
                "analyze.checkpoint-dir=" + dir.toUri());
        assertEquals(MemoryBudget.Path.DISTRIBUTED, result.path());
        String used = spark.session().sparkContext().getCheckpointDir().get();
        assertTrue(used.startsWith(dir.toUri().toString().replace("file:///", "file:/")), used);
        assertEquals(List.of(), list(dir), "the run's checkpoints are deleted");
        assertFalse(java.nio.file.Files.exists(Path.of(new java.net.URI(lake.location()))
                .resolve(AnalyzeJob.CHECKPOINTS)), "nothing went into the lake");
    }

    private static List<Path> list(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
            return s.toList();
        }
    }

    private static double sum(Map<String, Row> scores) {
        return scores.values().stream().mapToDouble(r -> r.<Double>getAs(ScoreTable.PAGERANK)).sum();
    }

    private static Post post(String id, String author, String text, List<Mention> mentions, String replyTo,
            String repostOf, String quoteOf) {
        return new Post("twitter", id, author, "h" + author, T, text, "fr", List.of(), List.of(), mentions,
                replyTo == null ? null : "r" + id, replyTo, repostOf == null ? null : "o" + id, repostOf,
                quoteOf == null ? null : "q" + id, quoteOf, "test");
    }
}
