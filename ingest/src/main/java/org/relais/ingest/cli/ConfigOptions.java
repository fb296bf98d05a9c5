package org.relais.ingest.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.relais.ingest.config.RelaisConfig;
import picocli.CommandLine.Option;

/**
 * The configuration options every command shares, mixed in with {@code @Mixin}. They are the
 * command-line layer of the configuration: an option given here overrides the environment, the
 * config file and the defaults. Commands that talk to Kafka add the broker option of
 * {@link KafkaOptions}; job commands add the lake, reports and Spark options of {@link JobOptions}.
 */
public class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A configuration file (HOCON; see docs/configuration.md).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set any configuration key, e.g. --set pagerank.damping=0.9 (repeatable).")
    List<String> assignments = new ArrayList<>();

    /**
     * The configuration: these options, then RELAIS_* variables, then --config, then defaults;
     * with {@code checks} (such as reading each stage's settings) run on the
     * result, so that their problems are reported together with unknown keys and wrong types.
     *
     * @throws org.relais.ingest.config.ConfigException listing every problem
     */
    public RelaisConfig load(List<Consumer<RelaisConfig>> checks) {
        RelaisConfig.Builder builder = builder();
        checks.forEach(builder::check);
        return builder.build();
    }

    /**
     * The keys given with {@code --set}, as full paths ({@code relais.pagerank.damping}), for a
     * command that takes only some; an assignment without {@code =} is left to {@link #load(List)},
     * which reports it.
     */
    public List<String> setKeys() {
        List<String> keys = new ArrayList<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                keys.add(RelaisConfig.path(a.substring(0, eq).trim()));
            }
        }
        return keys;
    }

    /**
     * A copy of these two options with more {@code --set} assignments after the given ones (so
     * they win). A subclass's options are not copied.
     */
    public ConfigOptions withAssignments(List<String> more) {
        ConfigOptions copy = new ConfigOptions();
        copy.configFile = configFile;
        copy.assignments = new ArrayList<>(assignments);
        copy.assignments.addAll(more);
        return copy;
    }

    RelaisConfig.Builder builder() {
        return RelaisConfig.builder()
                .file(configFile)
                .env(System.getenv())
                .set(assignments);
    }

    /** The options of the commands that talk to Kafka: which brokers. */
    public static class KafkaOptions extends ConfigOptions {

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Kafka brokers (relais.kafka.bootstrap-servers).")
        String bootstrapServers;

        @Override
        RelaisConfig.Builder builder() {
            return super.builder().set("relais.kafka.bootstrap-servers", bootstrapServers);
        }
    }

    /** The options of the commands that run jobs: where the lake and reports are, which Spark. */
    public static class JobOptions extends KafkaOptions {

        @Option(names = "--lake", paramLabel = "DIR", description = "The Parquet lake (relais.lake).")
        String lake;

        @Option(names = "--reports", paramLabel = "DIR", description = "Where reports go (relais.reports).")
        String reports;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master: local[*] (default), spark://host:7077; yarn or k8s://... under spark-submit"
                        + " (relais.spark.master).")
        String master;

        @Override
        RelaisConfig.Builder builder() {
            return super.builder()
                    .set("relais.lake", lake)
                    .set("relais.reports", reports)
                    .set("relais.spark.master", master);
        }

        /**
         * Which of {@code --lake}, {@code --reports} and {@code --bootstrap-servers} were given,
         * for a command that chooses them itself (the demo) and must not drop them unsaid.
         */
        public List<String> placesGiven() {
            List<String> given = new ArrayList<>();
            if (lake != null) {
                given.add("--lake");
            }
            if (reports != null) {
                given.add("--reports");
            }
            if (bootstrapServers != null) {
                given.add("--bootstrap-servers");
            }
            return given;
        }

        /**
         * For commands that run the jobs themselves, such as the demo, to fill in their own values;
         * {@code defaultConfigFile} is used when {@code --config} was not given (null for none).
         */
        public JobOptions with(String lake, String reports, String bootstrapServers, Path defaultConfigFile) {
            JobOptions copy = new JobOptions();
            copy.configFile = configFile != null ? configFile : defaultConfigFile;
            copy.assignments = new ArrayList<>(assignments);
            copy.lake = lake;
            copy.reports = reports;
            copy.bootstrapServers = bootstrapServers;
            copy.master = master;
            return copy;
        }
    }
}
