package org.relais.ingest.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.relais.ingest.broker.BrokerException;
import org.relais.ingest.broker.LocalKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code relais broker start|stop|status}: a local single-node Kafka broker for trying Relais out. */
@Command(name = "broker", description = "Run a local Kafka broker (KRaft, 127.0.0.1 only).",
        subcommands = {BrokerCommand.Start.class, BrokerCommand.Stop.class, BrokerCommand.Status.class})
public final class BrokerCommand {

    /** Where a broker started without --data-dir keeps its files. */
    static Path defaultDataDir() {
        return Paths.get(System.getProperty("user.home"), ".relais", "broker");
    }

    static class DataDirOption {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Where the broker keeps its files (default: ~/.relais/broker).")
        Path dataDir;

        Path dataDir() {
            return dataDir != null ? dataDir : defaultDataDir();
        }
    }

    @Command(name = "start", description = "Start a broker in the background and wait until it answers.")
    static final class Start extends DataDirOption implements Callable<Integer> {

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + LocalKafkaBroker.DEFAULT_PORT,
                description = "Client port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
                description = "Partitions of topics created on first use (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Override
        public Integer call() {
            String invalid = invalidOption();
            if (invalid != null) {
                System.err.println("relais broker start: " + invalid);
                return ExitCodes.USAGE;
            }
            try {
                LocalKafkaBroker broker = LocalKafkaBroker.start(
                        new LocalKafkaBroker.Options(dataDir(), port, partitions, false));
                System.out.println("Kafka broker running at " + broker.bootstrapServers() + " (pid " + broker.pid()
                        + ", data in " + broker.dataDir() + ")");
                return ExitCodes.OK;
            } catch (BrokerException | IllegalArgumentException e) {
                System.err.println("relais broker start: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }

        /** What is wrong with the option values, or null when nothing is. */
        String invalidOption() {
            if (port < 0 || port > 65_535) {
                return "--port must be between 0 and 65535 (0 picks a free port), not " + port;
            }
            if (partitions < 1) {
                return "--partitions must be at least 1, not " + partitions;
            }
            return null;
        }
    }

    @Command(name = "stop", description = "Stop the broker started from --data-dir.")
    static final class Stop extends DataDirOption implements Callable<Integer> {

        @Override
        public Integer call() {
            boolean stopped = LocalKafkaBroker.stop(dataDir());
            System.out.println(stopped ? "Kafka broker stopped (" + dataDir().toAbsolutePath() + ")"
                    : "no broker was running from " + dataDir().toAbsolutePath());
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Say whether a broker runs from --data-dir (exit 0 if it does, 1 if not).")
    static final class Status extends DataDirOption implements Callable<Integer> {

        @Override
        public Integer call() {
            LocalKafkaBroker.Status status = LocalKafkaBroker.status(dataDir());
            System.out.println(status.detail());
            return status.running() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
