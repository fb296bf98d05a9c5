package org.relais.ingest.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local broker as {@code bin/relais broker} runs it: a real KRaft broker in its own JVM. */
class LocalKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void startsAnswersRefusesASecondStartAndStops() throws Exception {
        Path data = dir.resolve("broker");
        int port = LocalKafkaBroker.freePort();
        LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalKafkaBroker.Options(data, port, 1, false));
        try {
            assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
            try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic("t", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertTrue(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("t"));
            }

            LocalKafkaBroker.Status status = LocalKafkaBroker.status(data);
            assertTrue(status.running(), status.detail());
            assertEquals(broker.pid(), status.pid());

            BrokerException again = assertThrows(BrokerException.class,
                    () -> LocalKafkaBroker.start(new LocalKafkaBroker.Options(data, 0, 1, false)));
            assertTrue(again.getMessage().startsWith("a broker is already running from " + data.toAbsolutePath()),
                    again.getMessage());

            BrokerException taken = assertThrows(BrokerException.class,
                    () -> LocalKafkaBroker.start(new LocalKafkaBroker.Options(dir.resolve("other"), port, 1, false)));
            assertEquals("port " + port + " on 127.0.0.1 is already used by the broker started from "
                    + data.toAbsolutePath() + "; use it, choose another port with --port, or stop it with: bin/relais"
                    + " broker stop --data-dir " + data.toAbsolutePath(), taken.getMessage());
        } finally {
            assertTrue(LocalKafkaBroker.stop(data), "the broker was running");
        }
        assertFalse(LocalKafkaBroker.status(data).running());
        assertFalse(LocalKafkaBroker.stop(data), "nothing left to stop");
    }

    @Test
    void aStartThatFailsAfterTheProcessStartedLeavesNoBrokerRunning() throws Exception {
        Path data = dir.resolve("broker");
        // The pid file cannot be written where a directory is in the way.
        java.nio.file.Files.createDirectories(data.resolve("broker.pid"));
        BrokerException e = assertThrows(BrokerException.class,
                () -> LocalKafkaBroker.start(new LocalKafkaBroker.Options(data, 0, 1, false)));
        assertTrue(e.getMessage().startsWith("could not start a broker in " + data), e.getMessage());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (brokerProcessesOf(data) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, brokerProcessesOf(data), "the broker process was stopped");
    }

    private static long brokerProcessesOf(Path data) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false))
                .count();
    }

    @Test
    void aRestartedBrokerKeepsItsTopics() throws Exception {
        Path data = dir.resolve("broker");
        try (LocalKafkaBroker first = LocalKafkaBroker.start(new LocalKafkaBroker.Options(data, 0, 1, true));
                Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        first.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic("kept", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (LocalKafkaBroker second = LocalKafkaBroker.start(new LocalKafkaBroker.Options(data, 0, 1, true));
                Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        second.bootstrapServers()))) {
            assertTrue(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("kept"));
        }
    }
}
