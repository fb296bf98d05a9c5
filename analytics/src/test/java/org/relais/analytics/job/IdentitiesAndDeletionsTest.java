package org.relais.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.ingest.lake.Rows;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Identity;
import org.relais.ingest.testing.SparkExtension;

/** Deleted accounts leave the graph; a blog and its author's accounts can be one actor. */
class IdentitiesAndDeletionsTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");

    /** a, b, c follow each other in a ring; d follows a; b writes blog.example; c's profile names it too. */
    private InteractionGraph.Sources sources(List<Deletion> deletions) {
        return sources(deletions, List.of());
    }

    /** As {@link #sources(List)}, with {@code more} follows. */
    private InteractionGraph.Sources sources(List<Deletion> deletions, List<Follow> more) {
        SparkSession s = spark.session();
        List<Follow> follows = new java.util.ArrayList<>(List.of(new Follow("twitter", "a", "b", T, "t"),
                new Follow("twitter", "b", "c", T, "t"), new Follow("twitter", "c", "a", T, "t"),
                new Follow("twitter", "d", "a", T, "t")));
        follows.addAll(more);
        List<Account> accounts = List.of(
                new Account("twitter", "c", "c", null, "https://www.blog.example/about", null, null, null, false, false, T));
        List<BlogLink> links = List.of(new BlogLink("blog.example", "https://blog.example/p", "https://other.example/",
                "other.example", T, null, "t"));
        List<Identity> identities = List.of(new Identity("blog.example", "twitter", "b", "b", Identity.IDENTITIES_CSV));
        return new InteractionGraph.Sources(
                s.createDataFrame(List.of(), Tables.Posts.TABLE.schema()),
                s.createDataFrame(accounts.stream().map(a -> Rows.account(a, "t", 1)).toList(), Tables.Accounts.TABLE.schema()),
                s.createDataFrame(follows.stream().map(f -> Rows.follow(f, 1)).toList(), Tables.Follows.TABLE.schema()),
                s.createDataFrame(links.stream().map(l -> Rows.blogLink(l, 1)).toList(), Tables.BlogLinks.TABLE.schema()),
                s.createDataFrame(identities.stream().map(i -> Rows.identity(i, "t", 1)).toList(),
                        Tables.Identities.TABLE.schema()),
                s.createDataFrame(deletions.stream().map(d -> Rows.deletion(d, "t", 1)).toList(),
                        Tables.Deletions.TABLE.schema()));
    }

    @Test
    void identityLinksComeFromListsAndFromProfilesOfKnownBlogs() {
        InteractionGraph.Sources in = sources(List.of());
        Map<String, String> links = new TreeMap<>();
        for (Row r : InteractionGraph.identityLinks(in, new InteractionGraph.Options(List.of(), false, true))
                .collectAsList()) {
            links.put(r.getString(0), r.getString(1) + " (" + r.getString(2) + ")");
        }
        assertEquals(Map.of("twitter:b", "blog:blog.example (identities-csv)",
                "twitter:c", "blog:blog.example (profile-url)"), links);
    }

    @Test
    void mergedIdentitiesMakeABlogAndItsAuthorsAccountsOneActor() {
        InteractionGraph.Options merge = new InteractionGraph.Options(List.of(), true, true);
        InteractionGraph.Sources in = sources(List.of());
        assertEquals(Set.of("twitter:a -> blog:blog.example", "blog:blog.example -> twitter:a",
                        "twitter:d -> twitter:a", "blog:blog.example -> blog:other.example"),
                edges(InteractionGraph.graphInteractions(in, merge)),
                "b -> c became a self-loop of the blog and is gone");
        assertEquals(Set.of("twitter:a", "twitter:d", "blog:blog.example", "blog:other.example"),
                actors(in, merge));
    }

    @Test
    void aDeletedAccountLeavesNoEdgeAndIsNoActor() {
        InteractionGraph.Options keep = new InteractionGraph.Options(List.of(), false, true);
        InteractionGraph.Sources in = sources(List.of(Deletion.account("twitter", "a", T, "compliance-csv")));
        assertEquals(Set.of("twitter:b -> twitter:c", "blog:blog.example -> blog:other.example"),
                edges(InteractionGraph.graphInteractions(in, keep)));
        assertEquals(Set.of("twitter:b", "twitter:c", "blog:blog.example", "blog:other.example"),
                actors(in, keep), "a is gone, and so is d, whose only interaction was with a");
    }

    @Test
    void aDeletedMastodonAccountIsMatchedWhateverTheCaseOfItsUserName() {
        InteractionGraph.Options keep = new InteractionGraph.Options(List.of(), false, true);
        InteractionGraph.Sources in = sources(List.of(Deletion.account("mastodon", "greenconnect@mastodon.social", T,
                "compliance-csv"), Deletion.account("twitter", "A", T, "compliance-csv")), List.of(
                new Follow("mastodon", "timber@mastodon.social", "GreenConnect@mastodon.social", T, "t"),
                new Follow("mastodon", "timber@mastodon.social", "eve@mastodon.social", T, "t")));
        assertEquals(Set.of("twitter:a -> twitter:b", "twitter:b -> twitter:c", "twitter:c -> twitter:a",
                "twitter:d -> twitter:a", "blog:blog.example -> blog:other.example",
                "mastodon:timber@mastodon.social -> mastodon:eve@mastodon.social"),
                edges(InteractionGraph.graphInteractions(in, keep)),
                "Mastodon's user names are case-insensitive; Twitter's ids are matched exactly");
    }

    private static Set<String> edges(Dataset<Row> interactions) {
        Set<String> out = new TreeSet<>();
        interactions.collectAsList().forEach(r -> out.add(r.getString(0) + " -> " + r.getString(1)));
        return out;
    }

    private static Set<String> actors(InteractionGraph.Sources in, InteractionGraph.Options options) {
        Set<String> out = new TreeSet<>();
        InteractionGraph.actors(in, options, InteractionGraph.graphInteractions(in, options)).collectAsList()
                .forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
