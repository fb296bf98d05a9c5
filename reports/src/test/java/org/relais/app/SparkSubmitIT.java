package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

        Path log = work.resolve("spark-submit.log");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("relais.test.jvm.flags", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
                "--class", "org.relais.app.Relais",
                "--master", "local[2]",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                System.getProperty("relais.app.jar"),
                "nightly", "--run-date", "2026-11-01",
                "--lake", work.resolve("lake").toString(),
                "--reports", work.resolve("reports").toString(),
                "--bootstrap-servers", kafka.bootstrapServers()));
        command.removeIf(String::isEmpty);
        Path out = work.resolve("spark-submit.out");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish in 5 minutes");
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output + Files.readString(log));

        Path csv = work.resolve("reports/2026-11-01/rankings.csv");
        assertTrue(output.strip().endsWith(csv.toString()), output);
        List<CSVRecord> rows = NightlyIT.readCsv(csv);
        assertEquals(4, rows.size());
        assertEquals("twitter:b", rows.get(0).get("actor_id"));
        assertEquals("twitter:a", rows.get(1).get("actor_id"));
    }

    /** Spark's jars only: what a Spark installation has, without Relais's own dependencies. */
    static String sparkClasspath() {
        List<String> parts = new ArrayList<>();
        for (String file : System.getProperty("relais.spark.classpath").split(java.io.File.pathSeparator)) {
            try {
                parts.add(Files.readString(Paths.get(file)).trim());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + file + "; run mvn package first", e);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static String post(String id, String author, String repostOf) {
        String repost = repostOf == null ? ",\"text\":\"bonjour\""
                : ",\"repost_of_post_id\":\"p" + repostOf + "\",\"repost_of_author_id\":\"" + repostOf + "\"";
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"author_id\":\"" + author
                + "\",\"author_handle\":\"" + author + "\",\"created_at\":\"2026-10-30T10:00:00Z\"" + repost + "}";
    }
}
