package org.relais.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.ingest.lake.Rows;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Post;
import org.relais.ingest.model.Post.Mention;
import org.relais.ingest.testing.SparkExtension;

/** The graph rules on hand-made tables: one edge per post and target, of the strongest type. */
class InteractionGraphTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");
    private static Map<String, Long> edges;
    private static Map<String, String> names;

    @BeforeAll
    static void build() {
        List<Post> posts = List.of(
                // a replies to b and also @mentions b: one reply edge.
                post("1", "a", "@b d'accord", List.of(new Mention("b", "b")), "b", null, null, List.of()),
                // c retweets b; the retweet's copied mention of d gives nothing.
                post("2", "c", null, List.of(new Mention("d", "d")), null, "b", null, List.of()),
                // d quotes b and mentions e: a quote edge and a mention edge.
                post("3", "d", "voyez", List.of(new Mention("e", "e")), null, null, "b", List.of()),
                // b replies to itself: no edge.
                post("4", "b", "suite", List.of(), "b", null, null, List.of()),
                // a mentions e by handle only, in another case: resolved through the accounts.
                post("5", "a", "@e_HANDLE", List.of(new Mention(null, "e_HANDLE")), null, null, null, List.of()),
                // e shares two posts of one known blog and a page of an unknown site: one share.
                post("6", "e", "à lire", List.of(), null, null, null, List.of(
                        "https://blog.example/2026/10/x.html", "http://www.blog.example/y?utm_source=t",
                        "https://news.example/z")));
        List<Account> accounts = List.of(
                new Account("twitter", "e", "E_handle", null, null, null, null, null, false, false, T),
                new Account("twitter", "b", "b_handle", null, null, null, null, null, false, false, T));
        List<Follow> follows = List.of(new Follow("twitter", "a", "b", T, "follows-csv"),
                new Follow("twitter", "c", "b", T, "follows-csv"));
        List<BlogLink> links = List.of(
                new BlogLink("blog.example", "https://blog.example/p1", "https://other.example/q", "other.example",
                        T, null, "blog-links-csv"),
                new BlogLink("blog.example", "https://blog.example/p2", "https://other.example/r", "other.example",
                        T, null, "blog-links-csv"));

        SparkSession s = spark.session();
        InteractionGraph.Sources sources = new InteractionGraph.Sources(
                s.createDataFrame(rows(posts, p -> Rows.post(p, 1)), Tables.Posts.TABLE.schema()),
                s.createDataFrame(rows(accounts, a -> Rows.account(a, "test", 1)), Tables.Accounts.TABLE.schema()),
                s.createDataFrame(rows(follows, f -> Rows.follow(f, 1)), Tables.Follows.TABLE.schema()),
                s.createDataFrame(rows(links, l -> Rows.blogLink(l, 1)), Tables.BlogLinks.TABLE.schema()),
                s.createDataFrame(List.of(), Tables.Identities.TABLE.schema()),
                s.createDataFrame(List.of(), Tables.Deletions.TABLE.schema()));
        InteractionGraph.Options options = new InteractionGraph.Options(List.of(), false, false);
        Dataset<Row> interactions = InteractionGraph.graphInteractions(sources, options);
        edges = new TreeMap<>();
        for (Row r : InteractionGraph.typedEdges(interactions, weights()).collectAsList()) {
            edges.put(r.getString(0) + " -" + r.getString(2) + "-> " + r.getString(1), r.getLong(3));
        }
        names = new TreeMap<>();
        for (Row r : InteractionGraph.actors(sources, options, interactions).collectAsList()) {
            names.put(r.getString(0), r.getString(1) + "/" + r.getString(2));
        }
    }

    @Test
    void eachPostGivesOneEdgePerTargetOfItsStrongestType() {
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "twitter:a -reply-> twitter:b", 1L,
                "twitter:c -repost-> twitter:b", 1L,
                "twitter:d -quote-> twitter:b", 1L,
                "twitter:d -mention-> twitter:e", 1L,
                "twitter:a -mention-> twitter:e", 1L,
                "twitter:e -share-> blog:blog.example", 1L,
                "twitter:a -follow-> twitter:b", 1L,
                "twitter:c -follow-> twitter:b", 1L,
                "blog:blog.example -blog_link-> blog:other.example", 2L));
        assertEquals(expected, edges);
    }

    @Test
    void actorsHaveTheirPlatformAndTheirAccountHandle() {
        Map<String, String> expected = new TreeMap<>(Map.of(
                "twitter:a", "twitter/ha",
                "twitter:b", "twitter/b_handle",
                "twitter:c", "twitter/hc",
                "twitter:d", "twitter/hd",
                "twitter:e", "twitter/E_handle",
                "blog:blog.example", "blog/blog.example",
                "blog:other.example", "blog/other.example"));
        assertEquals(expected, names);
    }

    @Test
    void anEdgeWeighsItsCountTimesItsTypeWeight() {
        Dataset<Row> typed = InteractionGraph.typedEdges(spark.session().createDataFrame(List.of(
                org.apache.spark.sql.RowFactory.create("x", "y", "reply"),
                org.apache.spark.sql.RowFactory.create("x", "y", "reply"),
                org.apache.spark.sql.RowFactory.create("x", "y", "repost")),
                new org.apache.spark.sql.types.StructType().add("src", "string").add("dst", "string").add("type", "string")),
                weights());
        List<Row> summed = InteractionGraph.edges(typed).collectAsList();
        assertEquals(1, summed.size());
        assertEquals(2 * 0.5 + 1.0, summed.get(0).getDouble(2), 1e-15);
    }

    @Test
    void withACapOnlyThatManyRepeatedInteractionsWeighButAllAreCounted() {
        List<Row> interactions = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            interactions.add(org.apache.spark.sql.RowFactory.create("spammer", "target", "repost"));
        }
        interactions.add(org.apache.spark.sql.RowFactory.create("spammer", "target", "reply"));
        interactions.add(org.apache.spark.sql.RowFactory.create("fan", "target", "repost"));
        Map<EdgeType, Double> w = new EnumMap<>(EdgeType.class);
        for (EdgeType t : EdgeType.values()) {
            w.put(t, weights().of(t));
        }
        Dataset<Row> typed = InteractionGraph.typedEdges(spark.session().createDataFrame(interactions,
                new org.apache.spark.sql.types.StructType().add("src", "string").add("dst", "string").add("type", "string")),
                new TypeWeights(w, 3));
        Map<String, String> rows = new TreeMap<>();
        for (Row r : typed.collectAsList()) {
            rows.put(r.getString(0) + " -" + r.getString(2) + "->", r.getLong(3) + " x, weight " + r.getDouble(4));
        }
        assertEquals(Map.of("spammer -repost->", "500 x, weight 3.0", "spammer -reply->", "1 x, weight 0.5",
                "fan -repost->", "1 x, weight 1.0"), rows);
        assertThrows(org.relais.ingest.config.ConfigException.class, () -> new TypeWeights(w, -1));
    }

    @Test
    void aTypeOfWeightZeroGivesNoTypedEdge() {
        Map<EdgeType, Double> w = new EnumMap<>(EdgeType.class);
        for (EdgeType t : EdgeType.values()) {
            w.put(t, t == EdgeType.REPLY ? 0.0 : 1.0);
        }
        Dataset<Row> typed = InteractionGraph.typedEdges(spark.session().createDataFrame(List.of(
                org.apache.spark.sql.RowFactory.create("x", "y", "reply"),
                org.apache.spark.sql.RowFactory.create("x", "z", "reply"),
                org.apache.spark.sql.RowFactory.create("x", "y", "repost")),
                new org.apache.spark.sql.types.StructType().add("src", "string").add("dst", "string").add("type", "string")),
                new TypeWeights(w));
        List<String> rows = new ArrayList<>();
        for (Row r : typed.collectAsList()) {
            rows.add(r.getString(0) + " -" + r.getString(2) + "-> " + r.getString(1) + " " + r.getDouble(4));
        }
        assertEquals(List.of("x -repost-> y 1.0"), rows, "the replies are left out, not weighted 0");
    }

    @Test
    void aMentionByHandleMeansTheAccountMostRecentlyObservedWithIt() {
        // The handle passed from account 9 to account 10; account 99 was never observed with a date.
        // As strings, "99" > "9" > "10": the greatest id would be the wrong account.
        List<Account> accounts = List.of(
                new Account("twitter", "9", "reused", null, null, null, null, null, false, false,
                        T.minusSeconds(30 * 86_400)),
                new Account("twitter", "10", "Reused", null, null, null, null, null, false, false, T),
                new Account("twitter", "99", "REUSED", null, null, null, null, null, false, false, null),
                // Observed at the same instant with the same handle: the greatest id is taken.
                new Account("twitter", "20", "twin", null, null, null, null, null, false, false, T),
                new Account("twitter", "21", "twin", null, null, null, null, null, false, false, T));
        List<Post> posts = List.of(
                post("1", "a", "@reused", List.of(new Mention(null, "reused")), null, null, null, List.of()),
                post("2", "a", "@twin", List.of(new Mention(null, "twin")), null, null, null, List.of()));
        SparkSession s = spark.session();
        InteractionGraph.Sources sources = new InteractionGraph.Sources(
                s.createDataFrame(rows(posts, p -> Rows.post(p, 1)), Tables.Posts.TABLE.schema()),
                s.createDataFrame(rows(accounts, a -> Rows.account(a, "test", 1)), Tables.Accounts.TABLE.schema()),
                s.createDataFrame(List.of(), Tables.Follows.TABLE.schema()),
                s.createDataFrame(List.of(), Tables.BlogLinks.TABLE.schema()),
                s.createDataFrame(List.of(), Tables.Identities.TABLE.schema()),
                s.createDataFrame(List.of(), Tables.Deletions.TABLE.schema()));
        List<String> mentioned = new ArrayList<>();
        for (Row r : InteractionGraph.interactions(sources, new InteractionGraph.Options(List.of(), false, false))
                .orderBy("dst").collectAsList()) {
            mentioned.add(r.getString(0) + " -" + r.getString(2) + "-> " + r.getString(1));
        }
        assertEquals(List.of("twitter:a -mention-> twitter:10", "twitter:a -mention-> twitter:21"), mentioned,
                "the handle's latest holder, and on equal times the greatest id");
    }

    private static TypeWeights weights() {
        Map<EdgeType, Double> w = new EnumMap<>(EdgeType.class);
        for (EdgeType t : EdgeType.values()) {
            w.put(t, t == EdgeType.REPLY || t == EdgeType.MENTION ? 0.5 : 1.0);
        }
        return new TypeWeights(w);
    }

    private static Post post(String id, String author, String text, List<Mention> mentions, String replyTo,
            String repostOf, String quoteOf, List<String> urls) {
        return new Post("twitter", id, author, "h" + author, T, text, "fr", urls, List.of(), mentions,
                replyTo == null ? null : "r" + id, replyTo, repostOf == null ? null : "o" + id, repostOf,
                quoteOf == null ? null : "q" + id, quoteOf, "test");
    }

    private static <T> List<Row> rows(List<T> items, java.util.function.Function<T, Row> f) {
        List<Row> out = new ArrayList<>();
        items.forEach(i -> out.add(f.apply(i)));
        return out;
    }
}
