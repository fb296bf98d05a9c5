package org.relais.ingest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.format.BadInputException;
import org.relais.ingest.format.Formats;
import org.relais.ingest.format.RecordFormat;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.util.Causes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code relais produce}: publishes files of a known format to a Kafka topic, record by record. */
@Command(name = "produce", description = {"Publish files to Kafka, one record per post, row or event.",
    "Records larger than relais.ingest.max-record-bytes are not published: they are listed, the others are"
        + " published, and the exit code is 6."})
public final class ProduceCommand implements Callable<Integer> {

    /** Rejected records whose place the final error line names. */
    private static final int PLACES_NAMED = 3;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "The files' format; 'relais produce --format list' lists them.")
    String formatName;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The Kafka topic (required unless listing formats).")
    String topic;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to publish (.gz files are read compressed).")
    List<Path> files = List.of();

    @Mixin
    ConfigOptions.KafkaOptions options;

    @Override
    public Integer call() {
        if ("list".equals(formatName)) {
            System.out.println("Formats:" + Formats.listing());
            return ExitCodes.OK;
        }
        RecordFormat format;
        try {
            format = Formats.byName(formatName);
        } catch (BadInputException e) {
            System.err.println("relais produce: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (topic == null || topic.isBlank()) {
            System.err.println("relais produce: missing required option --topic");
            return ExitCodes.USAGE;
        }
        if (files.isEmpty()) {
            System.err.println("relais produce: no FILE given");
            return ExitCodes.USAGE;
        }
        for (Path f : files) {
            String problem = Causes.unreadable(f);
            if (problem != null && !Files.exists(f) && (f.toString().contains("*") || f.toString().contains("?"))) {
                // A pattern the shell passed on as it is.
                problem = "no file matches this pattern";
            }
            if (problem != null) {
                System.err.println("relais produce: cannot read " + f + ": " + problem);
                return ExitCodes.USAGE;
            }
        }
        RelaisConfig config;
        try {
            config = options.load(List.of(KafkaSettings::from));
        } catch (ConfigException e) {
            System.err.println("relais produce: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        KafkaSettings kafka = KafkaSettings.from(config);
        if (!kafka.topics().contains(topic)) {
            // Published all the same (another configuration may read it), but said: records, and
            // deletions among them, sent where no ingest reads would otherwise vanish unseen.
            System.err.println("relais produce: warning: " + topic + " is not one of the topics the ingest job reads"
                    + " (relais.kafka.topics: " + String.join(", ", kafka.topics()) + "); its records stay out of"
                    + " the lake unless it is added there");
        }
        long maxRecordBytes = config.bytes("relais.ingest.max-record-bytes");
        try (Admin admin = Topics.connect(kafka);
                Producer<byte[], byte[]> producer = RecordPublisher.createProducer(kafka, maxRecordBytes)) {
            new Topics(admin, kafka).ensureExists(topic, kafka.topicPartitions());
            RecordPublisher publisher = new RecordPublisher(producer, maxRecordBytes);
            RecordPublisher.Result total = RecordPublisher.Result.empty();
            for (Path file : files) {
                RecordPublisher.Result r;
                try (ProgressBar bar = progressBar(file)) {
                    LongConsumer progress = bar == null ? bytes -> { } : bar::stepTo;
                    r = publisher.publish(topic, format, file, progress);
                }
                System.out.printf(Locale.ROOT, "%s: %,d record(s) sent, %,d rejected%n", file, r.sent(), r.rejected());
                total = total.plus(r);
            }
            total.rejections().forEach(m -> System.err.println("  rejected: " + m));
            System.out.printf(Locale.ROOT, "published %,d record(s) to %s as %s; %,d rejected%n", total.sent(), topic,
                    format.name(), total.rejected());
            if (total.rejected() > 0) {
                System.err.println("relais produce: " + rejectedMessage(total));
                return ExitCodes.TOO_MANY_BAD_RECORDS;
            }
            return ExitCodes.OK;
        } catch (BadInputException e) {
            System.err.println("relais produce: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (RecordPublisher.PublishException | Topics.KafkaUnavailableException e) {
            System.err.println("relais produce: " + e.getMessage());
            return ExitCodes.KAFKA_UNAVAILABLE;
        } catch (ConfigException e) {
            System.err.println("relais produce: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (IOException e) {
            System.err.println("relais produce: " + Causes.message(e));
            return ExitCodes.FAILED;
        }
    }

    /**
     * The error line when records were rejected: how many, for each reason (the quarantine's
     * reason codes), and where the first ones are, as {@code file:line}.
     */
    public static String rejectedMessage(RecordPublisher.Result total) {
        String reasons = total.rejectedByReason().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s: %,d", e.getKey().code(), e.getValue()))
                .collect(Collectors.joining(", "));
        List<String> places = total.rejections().stream().limit(PLACES_NAMED)
                .map(RecordPublisher.Rejection::place).toList();
        long unnamed = total.rejected() - places.size();
        return String.format(Locale.ROOT, "%,d record(s) rejected and not published (%s), %s %s%s", total.rejected(),
                reasons,
                unnamed > 0 ? "first at" : "at", String.join(", ", places),
                unnamed > 0 ? String.format(Locale.ROOT, " and %,d more", unnamed) : "");
    }

    /** A progress bar on an interactive terminal; none when output goes to a file or a pipe. */
    private static ProgressBar progressBar(Path file) throws IOException {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName(file.getFileName().toString())
                .setInitialMax(Files.size(file))
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .build();
    }
}
