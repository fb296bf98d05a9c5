package org.relais.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.analytics.ScoreTable;
import org.relais.ingest.testing.SparkExtension;

/** Ranks: order, ties, 1-based and gap-free across partitions, and computed without one partition. */
class RankingTableTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    /** A score row: the actor id and PageRank set, the other measures null or zero. */
    private static Row score(String actorId, double pagerank) {
        Object[] values = new Object[ScoreTable.SCHEMA.size()];
        values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.ACTOR_ID)] = actorId;
        values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.PLATFORM)] = actorId.substring(0, actorId.indexOf(':'));
        values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.LABEL)] = "name of " + actorId;
        values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.PAGERANK)] = pagerank;
        values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.IN_DEGREE)] = 0;
        values[ScoreTable.SCHEMA.fieldIndex(ScoreTable.OUT_DEGREE)] = 0;
        return RowFactory.create(values);
    }

    private static Dataset<Row> scores(List<Row> rows, int partitions) {
        return spark.session().createDataFrame(rows, ScoreTable.SCHEMA).repartition(partitions);
    }

    private static List<String> idsByRank(Dataset<Row> ranked) {
        List<String> ids = new ArrayList<>();
        List<Row> rows = ranked.orderBy(RankingTable.RANK).collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).getInt(0), "ranks are 1-based and without gaps");
            ids.add(rows.get(i).getString(1));
        }
        return ids;
    }

    @Test
    void highestPageRankFirstAndTiesByActorId() {
        Dataset<Row> ranked = RankingTable.rank(scores(List.of(
                score("twitter:5", 0.1),
                score("twitter:3", 0.3),
                score("blog:b.example", 0.2),
                score("twitter:10", 0.2),
                score("twitter:2", 0.2),
                score("bluesky:did:plc:z", 0.1),
                score("twitter:1", 0.3)), 3));

        assertArrayEquals(RankingTable.SCHEMA.fieldNames(), ranked.columns(), "rank first, then the score columns");
        assertEquals(List.of("twitter:1", "twitter:3", "blog:b.example", "twitter:10", "twitter:2", "bluesky:did:plc:z",
                "twitter:5"), idsByRank(ranked), "ties are ordered by actor id as text: twitter:10 before twitter:2");
        Row first = ranked.orderBy(RankingTable.RANK).first();
        assertEquals("name of twitter:1", first.getAs(ScoreTable.LABEL), "the other columns travel with their actor");
    }

    @Test
    void manyTiesAcrossPartitionsAgreeWithASortInJava() {
        record Actor(String id, double pagerank) {
        }
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            actors.add(new Actor("twitter:" + i, (i * 7919 % 13) / 13.0));
        }
        List<String> expected = actors.stream()
                .sorted(Comparator.comparingDouble(Actor::pagerank).reversed().thenComparing(Actor::id))
                .map(Actor::id).toList();

        List<Row> rows = actors.stream().map(a -> score(a.id(), a.pagerank())).toList();
        assertEquals(expected, idsByRank(RankingTable.rank(scores(rows, 5))));
    }

    @Test
    void theRankingIsNotGatheredIntoOnePartition() {
        SparkSession s = spark.session();
        String coalesce = "spark.sql.adaptive.coalescePartitions.enabled";
        String before = s.conf().get(coalesce);
        // Without coalescing, a sort keeps its shuffle partitions even for a few rows, as it
        // would for a large ranking; a window over the whole table has one partition whatever the size.
        s.conf().set(coalesce, "false");
        try {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                rows.add(score("twitter:" + i, i / 100.0));
            }
            Dataset<Row> ranked = RankingTable.rank(scores(rows, 4));
            List<Integer> sizes = ranked.javaRDD().glom().map(List::size).collect();
            assertTrue(sizes.stream().filter(n -> n > 0).count() > 1,
                    "the ranked rows should be spread over several partitions: " + sizes);
            assertEquals(100, sizes.stream().mapToInt(Integer::intValue).sum());
        } finally {
            s.conf().set(coalesce, before);
        }
    }
}
