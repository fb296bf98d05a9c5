package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * The nightly job submitted the way the README says, through Spark's own submit entry point
 * ({@code org.apache.spark.deploy.SparkSubmit}, what {@code spark-submit} runs) with the
 * application jar, in a JVM of its own that has nothing but Spark on its classpath.
 */
class SparkSubmitIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    Path work;

    @Test
    void theApplicationJarRunsTheNightlyJobUnderSparkSubmit() throws Exception {
        Path posts = work.resolve("posts.jsonl");
        // b is reposted by a, c and d; a by b: b leads, a comes second.
        Files.writeString(posts, String.join("\n",
                post("1", "b", null), post("2", "a", "b"), post("3", "c", "b"), post("4", "d", "b"),
                post("5", "b", "a")) + "\n");
        NightlyIT.Run produced = NightlyIT.capture(List.of("produce", "--format", "relais-json", "--topic",
                "relais.posts", "--bootstrap-servers", kafka.bootstrapServers(), posts.toString()));
        assertEquals(0, produced.code(), produced.err());

        List<String> command = ChildJvm.java();
        command.addAll(List.of("-cp", ChildJvm.sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
                "--class", "org.relais.app.Relais",
                "--master", "local[2]",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                ChildJvm.appJar(),
                "nightly", "--run-date", "2026-11-01",
                "--lake", work.resolve("lake").toString(),
                "--reports", work.resolve("reports").toString(),
                "--bootstrap-servers", kafka.bootstrapServers()));
        ChildJvm.Result r = ChildJvm.run(command, work, "spark-submit", java.util.Map.of(), 5);
        String output = r.out();
        assertEquals(0, r.exitCode(), output + r.err());

        Path csv = work.resolve("reports/2026-11-01/rankings.csv");
        assertTrue(output.strip().endsWith(csv.toString()), output);
        List<CSVRecord> rows = NightlyIT.readCsv(csv);
        assertEquals(4, rows.size());
        assertEquals("twitter:b", rows.get(0).get("actor_id"));
        assertEquals("twitter:a", rows.get(1).get("actor_id"));
    }

    private static String post(String id, String author, String repostOf) {
        String repost = repostOf == null ? ",\"text\":\"bonjour\""
                : ",\"repost_of_post_id\":\"p" + repostOf + "\",\"repost_of_author_id\":\"" + repostOf + "\"";
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"author_id\":\"" + author
                + "\",\"author_handle\":\"" + author + "\",\"created_at\":\"2026-10-30T10:00:00Z\"" + repost + "}";
    }
}
