package org.relais.broker;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the broker JVM: formats KRaft storage on first start, optionally exits when the
 * process that launched it is gone, then hands over to Kafka's own {@code kafka.Kafka} main.
 *
 * <p>Usage: {@code BrokerMain SERVER_PROPERTIES --cluster-id ID [--parent-pid PID]}. The launcher
 * and the options a user sees live in the ingest module ({@code LocalKafkaBroker}); this class
 * stays tiny because it runs on the broker's own classpath, without Relais's other jars.
 */
public final class BrokerMain {

    /** How long a clean shutdown may take after the parent died before the JVM is halted. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !"--cluster-id".equals(args[1])) {
            System.err.println("usage: BrokerMain SERVER_PROPERTIES --cluster-id ID [--parent-pid PID]");
            System.exit(2);
        }
        String properties = args[0];
        String clusterId = args[2];
        if (args.length >= 5 && "--parent-pid".equals(args[3])) {
            exitWithParent(Long.parseLong(args[4]));
        }

        List<String> format = new ArrayList<>(List.of(
                "format", "--cluster-id", clusterId, "--config", properties, "--ignore-formatted"));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int status = kafka.tools.StorageTool.execute(format.toArray(String[]::new), out);
        if (status != 0) {
            System.err.println("formatting the KRaft storage failed with status " + status);
            System.exit(status);
        }
        kafka.Kafka.main(new String[] {properties});
    }

    private static void exitWithParent(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(BrokerMain::shutDown),
                BrokerMain::shutDown);
    }

    private static void shutDown() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "broker-shutdown-watchdog");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
