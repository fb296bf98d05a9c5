package org.relais.ingest.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relais.ingest.config.RelaisConfig;
import picocli.CommandLine.Option;

/**
 * The options every job command shares, mixed into each with {@code @Mixin}. They are the
 * command-line layer of the configuration: an option given here overrides the environment, the
 * config file and the defaults.
 */
public class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A configuration file (HOCON; see docs/configuration.md).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set any configuration key, e.g. --set pagerank.damping=0.9 (repeatable).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--lake", paramLabel = "DIR", description = "The Parquet lake (relais.lake).")
    String lake;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where reports go (relais.reports).")
    String reports;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka brokers (relais.kafka.bootstrap-servers).")
    String bootstrapServers;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default), spark://host:7077, yarn, k8s://... (relais.spark.master).")
    String master;

    /** The configuration: these options, then RELAIS_* variables, then --config, then defaults. */
    public RelaisConfig load() {
        return RelaisConfig.builder()
                .file(configFile)
                .env(System.getenv())
                .set(assignments)
                .set("relais.lake", lake)
                .set("relais.reports", reports)
                .set("relais.kafka.bootstrap-servers", bootstrapServers)
                .set("relais.spark.master", master)
                .build();
    }

    /**
     * For commands that run the jobs themselves, such as the demo, to fill in their own values;
     * {@code defaultConfigFile} is used when {@code --config} was not given (null for none).
     */
    public ConfigOptions with(String lake, String reports, String bootstrapServers, Path defaultConfigFile) {
        ConfigOptions copy = new ConfigOptions();
        copy.configFile = configFile != null ? configFile : defaultConfigFile;
        copy.assignments = new ArrayList<>(assignments);
        copy.lake = lake;
        copy.reports = reports;
        copy.bootstrapServers = bootstrapServers;
        copy.master = master;
        return copy;
    }
}
