package org.relais.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.relais.ingest.broker.BrokerException;
import org.relais.ingest.broker.LocalKafkaBroker;
import org.relais.ingest.cli.ConfigOptions;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.Formats;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.util.Causes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relais demo}: the whole path on the sample data, with nothing installed. Starts a Kafka
 * broker in the work directory, publishes {@code sample-data/}, runs the nightly job with local
 * Spark, prints the top of the ranking, and ends with the path of {@code rankings.csv}. The broker
 * stops when the demo ends, also on failure or Ctrl-C.
 */
@Command(name = "demo", description = "Run the whole pipeline on the sample data with a local broker and local Spark.")
public final class DemoCommand implements Callable<Integer> {

    /** The marker that lets the demo wipe its work directory on the next run, and nothing else. */
    private static final String MARKER = ".relais-demo";

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the broker, lake and reports go (default: target/demo under the Relais directory).")
    Path workDir;

    @Option(names = "--sample-data", paramLabel = "DIR",
            description = "The sample data to publish (default: sample-data/ under the Relais directory).")
    Path sampleData;

    @Mixin
    ConfigOptions.JobOptions options;

    /** Files of sample-data to publish: a glob under a directory, their format, the topic. */
    record Input(String directory, String glob, String format, String topic) {
    }

    /** A night of the demo: what arrived in Kafka that day, and the run date it is ranked under. */
    record Night(String runDate, List<Input> inputs) {
    }

    /**
     * The sample's two weeks as two nights: the first search run and the blog crawl arrive for the
     * night of 12 October, the second search run and the follower crawl for the 19th. The second
     * night's ranking covers everything; its changes are measured against the first.
     */
    static final List<Night> NIGHTS = List.of(
            new Night("2026-10-12", List.of(
                    new Input("twitter", "search_2026-10-05_*.jsonl", "twitter-v2", "relais.posts"),
                    new Input("blogs", "*.csv", "blog-links-csv", "relais.blog-links"))),
            new Night("2026-10-19", List.of(
                    new Input("twitter", "search_2026-10-11_*.jsonl", "twitter-v2", "relais.posts"),
                    new Input("follows", "*.csv", "follows-csv", "relais.follows"))));

    @Override
    public Integer call() {
        if (!options.placesGiven().isEmpty()) {
            // The demo empties and fills its own work directory and runs its own broker.
            System.err.println("relais demo: " + String.join(", ", options.placesGiven()) + ": the demo writes its"
                    + " lake and reports under --work-dir (default target/demo) and runs its own Kafka broker; to run"
                    + " on another lake, reports directory or broker, use relais produce and relais nightly");
            return ExitCodes.USAGE;
        }
        Path home = relaisHome();
        Path work = (workDir != null ? workDir : home.resolve("target").resolve("demo")).toAbsolutePath();
        Path samples = (sampleData != null ? sampleData : home.resolve("sample-data")).toAbsolutePath();
        if (!hasSampleFiles(samples)) {
            System.err.println("relais demo: no sample data at " + samples + " (none of " + String.join(", ",
                    inputs().map(i -> i.directory() + "/" + i.glob()).toList()) + ")");
            return ExitCodes.USAGE;
        }
        try {
            prepare(work);
        } catch (IOException e) {
            System.err.println("relais demo: cannot prepare " + work + ": " + Causes.message(e));
            return ExitCodes.FAILED;
        }

        System.out.println("Starting a Kafka broker in " + work.resolve("broker") + " ...");
        LocalKafkaBroker broker;
        try {
            broker = LocalKafkaBroker.start(new LocalKafkaBroker.Options(work.resolve("broker"), 0, 3, true));
        } catch (BrokerException e) {
            System.err.println("relais demo: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Thread stopBroker = new Thread(broker::close, "stop-demo-broker");
        Runtime.getRuntime().addShutdownHook(stopBroker);
        try {
            Path sampleConfig = samples.resolve("relais.conf");
            RelaisConfig config = options.with(work.resolve("lake").toString(), work.resolve("reports").toString(),
                    broker.bootstrapServers(), Files.isRegularFile(sampleConfig) ? sampleConfig : null)
                    .load(Stages.settingsChecks());
            for (int i = 0; i < NIGHTS.size(); i++) {
                Night night = NIGHTS.get(i);
                publish(config, samples, night.inputs());
                System.out.println("Running the nightly job for " + night.runDate() + " with local Spark ...");
                boolean last = i == NIGHTS.size() - 1;
                int code = JobCommand.run("relais demo", config, LocalDate.parse(night.runDate()), "demo", false,
                        ctx -> Stages.nightly(ctx, last));
                if (code != ExitCodes.OK) {
                    return code;
                }
            }
            return ExitCodes.OK;
        } catch (ConfigException e) {
            return JobCommand.fail("relais demo", e.getMessage(), ExitCodes.CONFIG);
        } catch (Exception e) {
            return JobCommand.fail("relais demo", Stages.oneLine(e), ExitCodes.FAILED);
        } finally {
            broker.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopBroker);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running.
            }
        }
    }

    private static void publish(RelaisConfig config, Path samples, List<Input> inputs) throws Exception {
        KafkaSettings kafka = KafkaSettings.from(config);
        long maxBytes = config.bytes("relais.ingest.max-record-bytes");
        try (Admin admin = Topics.connect(kafka);
                Producer<byte[], byte[]> producer = RecordPublisher.createProducer(kafka, maxBytes)) {
            Topics topics = new Topics(admin, kafka);
            RecordPublisher publisher = new RecordPublisher(producer, maxBytes);
            for (Input input : inputs) {
                List<Path> files = files(samples.resolve(input.directory()), input.glob());
                if (files.isEmpty()) {
                    continue;
                }
                topics.ensureExists(input.topic(), kafka.topicPartitions());
                RecordPublisher.Result total = RecordPublisher.Result.empty();
                for (Path f : files) {
                    total = total.plus(publisher.publish(input.topic(), Formats.byName(input.format()), f, b -> { }));
                }
                System.out.printf(Locale.ROOT, "Published %,d %s record(s) from sample-data/%s/%s to %s%n",
                        total.sent(),
                        input.format(), input.directory(), files.size() == 1 ? files.get(0).getFileName() : input.glob(),
                        input.topic());
                if (total.rejected() > 0) {
                    System.err.println("relais demo: " + org.relais.ingest.cli.ProduceCommand.rejectedMessage(total));
                }
            }
        }
    }

    private static Stream<Input> inputs() {
        return NIGHTS.stream().flatMap(n -> n.inputs().stream());
    }

    /** Whether {@code samples} holds a file of any of the nights' inputs; an unreadable directory holds none. */
    private static boolean hasSampleFiles(Path samples) {
        return Files.isDirectory(samples) && inputs().anyMatch(input -> {
            try {
                return !files(samples.resolve(input.directory()), input.glob()).isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var stream = Files.newDirectoryStream(dir, glob)) {
                stream.forEach(files::add);
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    /** Empties the work directory of a previous demo; refuses a directory the demo did not make. */
    private static void prepare(Path work) throws IOException {
        if (Files.exists(work)) {
            boolean empty;
            try (Stream<Path> s = Files.list(work)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(work.resolve(MARKER))) {
                throw new IOException("it is not empty and was not made by relais demo; choose another --work-dir");
            }
            LocalKafkaBroker.stop(work.resolve("broker"));
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(work)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve(MARKER), "Made by relais demo; emptied by its next run.\n");
    }

    /** The Relais directory: -Drelais.home (set by bin/relais), else $RELAIS_HOME, else the working directory. */
    static Path relaisHome() {
        String home = System.getProperty("relais.home", System.getenv("RELAIS_HOME"));
        return Paths.get(home != null ? home : ".").toAbsolutePath().normalize();
    }
}
