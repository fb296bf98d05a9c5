package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * The nightly job on a real Spark standalone cluster on 127.0.0.1: a Master and a Worker in
 * JVMs of their own, started from Spark's deploy classes, the job submitted through Spark's own
 * submit entry point with the application jar, exactly as the README says. Its ranking must equal
 * that of a local run on the same input.
 */
class StandaloneClusterIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    static Path work;

    private static Process master;
    private static Process worker;
    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        Path sparkHome = sparkHome(work.resolve("spark-home"));
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1");
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        List<String> m = ChildJvm.java();
        m.addAll(List.of("-cp", ChildJvm.sparkClasspath(), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        master = ChildJvm.start(m, work.resolve("logs"), "master", env);
        awaitLog(work.resolve("logs/master.err"), "I have been elected leader");

        List<String> w = ChildJvm.java();
        w.addAll(List.of("-cp", ChildJvm.sparkClasspath(), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", work.resolve("worker").toString(), masterUrl));
        worker = ChildJvm.start(w, work.resolve("logs"), "worker", env);
        awaitLog(work.resolve("logs/worker.err"), "Successfully registered with master");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    @Test
    void theNightlyJobOnTheClusterRanksLikeALocalRun() throws Exception {
        Path sample = Paths.get(System.getProperty("relais.project.dir")).resolve("sample-data");
        NightlyIT.Run produced = NightlyIT.capture(List.of("produce", "--format", "twitter-v2", "--topic", "relais.posts",
                "--bootstrap-servers", kafka.bootstrapServers(),
                sample.resolve("twitter/search_2026-10-05_2026-10-12.jsonl").toString()));
        assertEquals(0, produced.code(), produced.err());

        List<String> submit = ChildJvm.java();
        submit.addAll(List.of("-cp", ChildJvm.sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl, "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=1g",
                "--class", "org.relais.app.Relais", ChildJvm.appJar(),
                "nightly", "--run-date", "2026-10-12", "--lake", work.resolve("cluster/lake").toString(),
                "--reports", work.resolve("cluster/reports").toString(), "--bootstrap-servers", kafka.bootstrapServers()));
        ChildJvm.Result onCluster = ChildJvm.run(submit, work.resolve("logs"), "submit", Map.of(), 8);
        assertEquals(0, onCluster.exitCode(), onCluster.out() + onCluster.err());
        String log = onCluster.err();
        assertTrue(log.contains("Connecting to master " + masterUrl) || log.contains(masterUrl),
                "the job ran on the cluster: " + log);
        assertTrue(Files.readString(work.resolve("logs/worker.err")).contains("Asked to launch executor"),
                "the worker launched an executor");

        NightlyIT.Run local = NightlyIT.capture(List.of("nightly", "--run-date", "2026-10-12",
                "--lake", work.resolve("local/lake").toString(), "--reports", work.resolve("local/reports").toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--master", "local[2]"));
        assertEquals(0, local.code(), local.err());

        List<CSVRecord> a = NightlyIT.readCsv(work.resolve("cluster/reports/2026-10-12/rankings.csv"));
        List<CSVRecord> b = NightlyIT.readCsv(work.resolve("local/reports/2026-10-12/rankings.csv"));
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).get("actor_id"), a.get(i).get("actor_id"), "rank " + (i + 1));
            assertEquals(Double.parseDouble(b.get(i).get("pagerank")), Double.parseDouble(a.get(i).get("pagerank")),
                    1e-12, "rank " + (i + 1));
        }
    }

    /** A Spark installation's layout, {@code jars/} holding Spark's jars, for the Worker to launch executors. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : ChildJvm.sparkClasspath().split(java.io.File.pathSeparator)) {
            Path source = Paths.get(jar);
            Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
        }
        return home;
    }

    private static void awaitLog(Path log, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("'" + line + "' not in " + log + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
