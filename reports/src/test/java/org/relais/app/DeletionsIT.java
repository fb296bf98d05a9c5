package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.spark.SparkSessions;
import org.relais.ingest.testing.KafkaBrokerExtension;
import org.relais.ingest.testing.SparkExtension;

/**
 * Deletions end to end, as platform terms require: after a night that brings a compliance list,
 * a deleted post's reposts no longer count in the scores, a deleted account is gone from the lake
 * and from every ranking, and a copy of a deleted post published again stays out.
 */
class DeletionsIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    Path work;

    @Test
    void deletedContentNoLongerCountsInTheNextNightsScores() throws Exception {
        // b's post p1 is reposted by a, c and d; e's post p2 is reposted by a; c posts p3.
        publish("relais-json", "relais.posts", "posts.jsonl", String.join("\n",
                post("p1", "b", null, null), post("r1", "a", "p1", "b"), post("r2", "c", "p1", "b"),
                post("r3", "d", "p1", "b"), post("p2", "e", null, null), post("r4", "a", "p2", "e"),
                post("p3", "c", null, null)));
        assertEquals(0, nightly("2026-11-01").code());
        Map<String, CSVRecord> night1 = byActor("2026-11-01");
        assertEquals(3, Integer.parseInt(night1.get("twitter:b").get("in_degree")), "a, c and d repost b");
        assertEquals(1, Integer.parseInt(night1.get("twitter:b").get("rank")));

        // The compliance list deletes b's post p1 and the account c.
        publish("compliance-csv", "relais.posts", "compliance.csv",
                "platform,post_id,account_id\ntwitter,p1,\ntwitter,,c\n");
        // A re-crawl brings p1 and c's p3 again: they must stay out.
        publish("relais-json", "relais.posts", "again.jsonl", post("p1", "b", null, null) + "\n"
                + post("p3", "c", null, null));
        NightlyIT.Run second = nightly("2026-11-02");
        assertEquals(0, second.code(), second.err());

        Map<String, CSVRecord> night2 = byActor("2026-11-02");
        assertFalse(night2.containsKey("twitter:c"), "the deleted account is in no ranking");
        assertEquals(1, Integer.parseInt(night2.get("twitter:a").get("out_degree")), "a's repost of p1 is gone; its repost of e's p2 stays");
        assertFalse(night2.containsKey("twitter:b") && Integer.parseInt(night2.get("twitter:b").get("in_degree")) > 0,
                "no repost of the deleted post counts for b");
        assertEquals("twitter:e", rows("2026-11-02").get(0).get("actor_id"), "e now leads");
        Path reports = work.resolve("reports").resolve("2026-11-02");
        assertTrue(Files.exists(reports.resolve("changes.csv")), "the second night compares with the first");
        try (var files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                for (CSVRecord row : NightlyIT.readAnyCsv(file)) {
                    assertFalse(row.toList().contains("twitter:c"), file.getFileName() + " names the deleted account: " + row);
                }
            }
        }
        for (String file : List.of("graph.gexf", "report.html")) {
            assertFalse(Files.readString(reports.resolve(file)).contains("twitter:c\""), file + " names the deleted account");
        }

        SparkSession spark = SparkSessions.create("deletions-it", SparkExtension.config());
        try {
            Lake lake = Lake.open(work.resolve("lake").toString(), spark);
            List<String> posts = lake.read(spark, Tables.Posts.TABLE).select(Tables.Posts.POST_ID).collectAsList()
                    .stream().map(r -> r.getString(0)).sorted().collect(Collectors.toList());
            assertEquals(List.of("p2", "r4"), posts, "p1, its reposts r1-r3, and everything c posted are gone");
            assertEquals(2, lake.read(spark, Tables.Deletions.TABLE).count(), "the deletions are kept");
            List<Row> edges = spark.read().parquet(work.resolve("lake/edges/run_date=2026-11-02").toString())
                    .collectAsList();
            assertEquals(1, edges.size(), "one edge left: a reposts e");
            assertEquals("twitter:a", edges.get(0).getAs("src"));
        } finally {
            spark.stop();
        }
    }

    private NightlyIT.Run nightly(String date) {
        return new LocalNights(kafka, work).nightly(date);
    }

    private void publish(String format, String topic, String name, String content) throws IOException {
        new LocalNights(kafka, work).publish(format, topic, name, content);
    }

    private List<CSVRecord> rows(String date) throws IOException {
        return NightlyIT.readCsv(work.resolve("reports").resolve(date).resolve("rankings.csv"));
    }

    private Map<String, CSVRecord> byActor(String date) throws IOException {
        return rows(date).stream().collect(Collectors.toMap(r -> r.get("actor_id"), r -> r));
    }

    private static String post(String id, String author, String repostOf, String repostAuthor) {
        String repost = repostOf == null ? ",\"text\":\"bonjour\""
                : ",\"repost_of_post_id\":\"" + repostOf + "\",\"repost_of_author_id\":\"" + repostAuthor + "\"";
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"author_id\":\"" + author
                + "\",\"created_at\":\"2026-10-30T10:00:00Z\"" + repost + "}";
    }
}
