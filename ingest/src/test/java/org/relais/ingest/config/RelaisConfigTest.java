package org.relais.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaisConfigTest {

    @TempDir
    Path dir;

    @Test
    void theJvmsSystemPropertiesAreNotSettings() throws IOException {
        System.setProperty("relais.home", "/opt/relais");
        // Typesafe Config caches what it read of the system properties.
        com.typesafe.config.ConfigFactory.invalidateCaches();
        try {
            ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                    .set(List.of("relais.hom=1")).build());
            assertFalse(e.getMessage().contains("relais.home"), "a launcher's property is not suggested: "
                    + e.getMessage());
            assertFalse(RelaisConfig.defaults().redacted().containsKey("relais.home"));
            // They may still be named in substitutions, as Typesafe Config allows.
            assertEquals(System.getProperty("user.home") + "/lake", RelaisConfig.builder()
                    .file(write("relais.lake = ${user.home}\"/lake\"")).build().string("relais.lake"));
        } finally {
            System.clearProperty("relais.home");
            com.typesafe.config.ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void secretsInTheFileComeFromTheEnvironmentThroughSubstitutions() throws Exception {
        // As configuration.md shows: the file names the variable, the value stays out of the file.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("HOME") != null, "HOME is not set: skipping");
        Path file = write("""
                relais.kafka.client {
                  "security.protocol" = SASL_SSL
                  "sasl.jaas.config" = ${?RELAIS_TEST_NO_SUCH_VARIABLE}
                  "ssl.truststore.location" = ${HOME}"/truststore.jks"
                }
                relais.spark.conf { "spark.local.dir" = ${?HOME} }
                """);
        RelaisConfig config = RelaisConfig.builder().file(file).build();
        assertEquals(Map.of("security.protocol", "SASL_SSL",
                "ssl.truststore.location", System.getenv("HOME") + "/truststore.jks"),
                config.passThrough(RelaisConfig.KAFKA_CLIENT), "an unset optional variable leaves the property out");
        assertEquals(Map.of("spark.local.dir", System.getenv("HOME")), config.passThrough(RelaisConfig.SPARK_CONF));

        ConfigException missing = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .file(write("relais.kafka.client { \"sasl.jaas.config\" = ${RELAIS_TEST_NO_SUCH_VARIABLE} }"))
                .build());
        assertTrue(missing.getMessage().contains("RELAIS_TEST_NO_SUCH_VARIABLE"), missing.getMessage());
    }

    @Test
    void defaultsComeFromReferenceConf() {
        RelaisConfig c = RelaisConfig.defaults();
        assertEquals("lake", c.string("relais.lake"));
        assertEquals("127.0.0.1:9092", c.string("relais.kafka.bootstrap-servers"));
        assertEquals(List.of("relais.posts", "relais.follows", "relais.blog-links"), c.strings("relais.kafka.topics"));
        assertEquals(4L * 1024 * 1024, c.bytes("relais.ingest.max-record-bytes"));
    }

    @Test
    void theDefaultBlogPathPatternsAreThoseOfBlogIds() {
        assertEquals(org.relais.ingest.format.BlogIds.DEFAULT_PATH_PATTERNS,
                RelaisConfig.defaults().strings("relais.ingest.blog-path-patterns"));
    }

    @Test
    void aFileCanExtendAListOfTheDefaults() throws IOException {
        Path file = write("relais.ingest.blog-path-patterns += \"blogs.example.org/*\"");
        List<String> patterns = RelaisConfig.builder().file(file).build().strings("relais.ingest.blog-path-patterns");
        assertEquals("blogs.example.org/*", patterns.get(patterns.size() - 1));
        assertEquals(org.relais.ingest.format.BlogIds.DEFAULT_PATH_PATTERNS.size() + 1, patterns.size());
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefaults() throws IOException {
        Path file = write("relais { lake = from-file, reports = from-file, kafka.bootstrap-servers = \"file:1\" }");
        RelaisConfig c = RelaisConfig.builder()
                .file(file)
                .env(Map.of("RELAIS_REPORTS", "from-env", "RELAIS_KAFKA_BOOTSTRAP_SERVERS", "env:1"))
                .set("relais.kafka.bootstrap-servers", "cli:1")
                .build();
        assertEquals("from-file", c.string("relais.lake"), "only the file sets the lake");
        assertEquals("from-env", c.string("relais.reports"), "the environment overrides the file");
        assertEquals("cli:1", c.string("relais.kafka.bootstrap-servers"), "the command line overrides both");
    }

    @Test
    void setAcceptsKeysWithOrWithoutTheRelaisPrefix() {
        RelaisConfig c = RelaisConfig.builder()
                .set(List.of("reports=out", "relais.spark.shuffle-partitions=3"))
                .build();
        assertEquals("out", c.string("relais.reports"));
        assertEquals(3, c.integer("relais.spark.shuffle-partitions"));
    }

    @Test
    void unknownKeysAreRejectedWithTheClosestKnownKey() throws IOException {
        Path file = write("relais { lak = x, kafka { bootstrap-server = y } }");
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder().file(file).build());
        assertEquals(2, e.problems().size(), "both unknown keys are reported together: " + e.problems());
        assertTrue(e.getMessage().contains("unknown key relais.lak") && e.getMessage().contains("did you mean relais.lake?"),
                e.getMessage());
        assertTrue(e.getMessage().contains("did you mean relais.kafka.bootstrap-servers?"), e.getMessage());
    }

    @Test
    void unknownEnvironmentVariablesAreRejectedButLauncherOnesIgnored() {
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .env(Map.of("RELAIS_LAEK", "x", "RELAIS_HOME", "/opt/relais", "PATH", "/bin")).build());
        assertEquals(List.of("unknown environment variable RELAIS_LAEK; did you mean RELAIS_LAKE?"), e.problems());
    }

    @Test
    void wrongTypesAreReportedWithoutTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .set("relais.spark.shuffle-partitions", "many")
                .set("relais.kafka.request-timeout", "soon")
                .build());
        assertEquals(List.of(
                "relais.kafka.request-timeout must be a duration such as 30s or 5m (the default is 30s),"
                        + " got text that is not one",
                "relais.spark.shuffle-partitions must be a number such as 8 (the default), got text that is not one"),
                e.problems());
        assertFalse(e.getMessage().contains("many") || e.getMessage().contains("soon"),
                "values are never repeated, they may be secrets: " + e.getMessage());
    }

    @Test
    void aStringForAListSaysOnOneLineHowToWriteTheListWhereItWasGiven() throws IOException {
        ConfigException cli = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .set(List.of("kafka.topics=relais.posts")).build());
        assertEquals("configuration error: relais.kafka.topics must be a list of strings, e.g. [\"relais.posts\"]"
                + " (on the command line: --set 'kafka.topics=[\"a\",\"b\"]'), got a string", cli.getMessage());
        ConfigException env = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .env(Map.of("RELAIS_INGEST_BLOG_PATH_PATTERNS", "blogs.example.org/*")).build());
        assertEquals(List.of("relais.ingest.blog-path-patterns must be a list of strings, e.g. [\"typepad.com/*\"]"
                + " (in the environment: RELAIS_INGEST_BLOG_PATH_PATTERNS='[\"a\",\"b\"]'), got a string"),
                env.problems());
        ConfigException file = assertThrows(ConfigException.class,
                () -> RelaisConfig.builder().file(write("relais.kafka.topics = 3")).build());
        assertEquals(List.of("relais.kafka.topics must be a list of strings, e.g. [\"relais.posts\"], got a number"),
                file.problems());
    }

    @Test
    void passThroughSectionsTakeAnyKeyFlattened() throws IOException {
        Path file = write("relais.kafka.client { \"security.protocol\" = SASL_SSL, sasl.mechanism = PLAIN }");
        RelaisConfig c = RelaisConfig.builder().file(file)
                .set(List.of("spark.conf.spark.executor.memory=2g")).build();
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
                c.passThrough(RelaisConfig.KAFKA_CLIENT));
        assertEquals(Map.of("spark.executor.memory", "2g"), c.passThrough(RelaisConfig.SPARK_CONF));
    }

    @Test
    void aPassThroughSectionCanBeGivenAsAnObjectOnTheCommandLineAndInTheEnvironment() {
        RelaisConfig c = RelaisConfig.builder()
                .env(Map.of("RELAIS_SPARK_CONF", "{\"spark.ui.enabled\": \"false\", \"spark.eventLog.enabled\": true}"))
                .set(List.of("kafka.client={\"security.protocol\": \"SASL_SSL\", \"sasl.mechanism\": PLAIN}",
                        "spark.conf={\"spark.network.timeout\":\"300s\"}",
                        "spark.conf.\"spark.executor.memory\"=2g"))
                .build();
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
                c.passThrough(RelaisConfig.KAFKA_CLIENT));
        assertEquals(Map.of("spark.network.timeout", "300s", "spark.executor.memory", "2g", "spark.ui.enabled", "false",
                "spark.eventLog.enabled", "true"), c.passThrough(RelaisConfig.SPARK_CONF),
                "the command line's object and key merge with each other and with the environment's object");
    }

    @Test
    void aPassThroughSectionThatIsNoObjectIsAProblemNamingItsOrigin() {
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .env(Map.of("RELAIS_SPARK_CONF", "spark.ui.enabled=false"))
                .set(List.of("kafka.client=[\"planted-secret\"]"))
                .build());
        assertEquals(List.of(
                "relais.kafka.client must be an object of Kafka client properties, e.g. {\"security.protocol\": \"SASL_SSL\"}"
                        + " (on the command line: --set 'kafka.client={\"security.protocol\":\"SASL_SSL\"}'), got a list",
                "relais.spark.conf must be an object of Spark properties, e.g. {\"spark.ui.enabled\": \"false\"}"
                        + " (in the environment: RELAIS_SPARK_CONF='{\"spark.ui.enabled\":\"false\"}'), got a string"),
                e.problems());
        assertFalse(e.getMessage().contains("planted-secret"), e.getMessage());
    }

    @Test
    void theLastOverrideOfAKeyWins() {
        RelaisConfig c = RelaisConfig.builder()
                .set(List.of("spark.conf={a=1}", "spark.conf.a=2", "reports=first", "reports=second"))
                .build();
        assertEquals(Map.of("a", "2"), c.passThrough(RelaisConfig.SPARK_CONF));
        assertEquals("second", c.string("relais.reports"));
    }

    @Test
    void unknownKeysWrongTypesAndTheChecksProblemsAreReportedTogether() throws IOException {
        Path file = write("relais { lak = x, kafka.topic-partitions = 0, ingest.max-poll-records = lots }");
        List<String> checked = new java.util.ArrayList<>();
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder().file(file)
                .check(c -> {
                    checked.add("partitions");
                    if (c.integer("relais.kafka.topic-partitions") < 1) {
                        throw new ConfigException(List.of("relais.kafka.topic-partitions was 0, but must be >= 1"));
                    }
                })
                .check(c -> {
                    checked.add("poll");
                    c.integer("relais.ingest.max-poll-records");
                })
                .build());
        assertEquals(List.of("unknown key relais.lak in " + file + "; did you mean relais.lake?",
                "relais.ingest.max-poll-records must be a number such as 10000 (the default), got text that is not one",
                "relais.kafka.topic-partitions was 0, but must be >= 1"), e.problems(),
                "a check that meets the wrongly typed value adds nothing to its type problem");
        assertEquals(List.of("partitions", "poll"), checked);
    }

    @Test
    void aValueACheckCannotReadIsAProblemNotACrash() {
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .set(List.of("kafka.topic-partitions=99999999999"))
                .check(c -> c.integer("relais.kafka.topic-partitions"))
                .build());
        assertEquals(List.of("command line: relais.kafka.topic-partitions has type out-of-range value 99999999999"
                + " rather than 32-bit integer"), e.problems());
    }

    @Test
    void secretsAreRedacted() {
        RelaisConfig c = RelaisConfig.builder()
                .set(List.of("kafka.client.sasl.jaas.config=planted-secret-1", "kafka.client.ssl.key.password=s2"))
                .build();
        assertTrue(RelaisConfig.isSecret("relais.kafka.client.sasl.jaas.config"));
        assertFalse(RelaisConfig.isSecret("relais.kafka.bootstrap-servers"));
        String shown = c.redacted().toString();
        assertFalse(shown.contains("planted-secret-1") || shown.contains("s2,"), shown);
        assertTrue(shown.contains("***"), shown);
        assertEquals("", RelaisConfig.builder().set(List.of("kafka.client.ssl.key.password=")).build().redacted()
                .get("relais.kafka.client.ssl.key.password"), "a secret left empty shows that it is not set");
    }

    @Test
    void aMissingConfigFileIsAProblem() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RelaisConfig.builder().file(dir.resolve("nope.conf")).build());
        assertTrue(e.getMessage().contains("nope.conf does not exist"), e.getMessage());
    }

    @Test
    void listsCanBeGivenOnTheCommandLineAndInTheEnvironment() {
        RelaisConfig c = RelaisConfig.builder()
                .env(Map.of("RELAIS_KAFKA_TOPICS", "[\"a\", \"b\"]"))
                .set(List.of("ingest.blog-path-patterns=[\"blogs.example.org/*\", \"x.example/*\"]",
                        "kafka.bootstrap-servers=host:9092", "kafka.client.ssl.key.password=[not-a-list"))
                .build();
        assertEquals(List.of("a", "b"), c.strings("relais.kafka.topics"));
        assertEquals(List.of("blogs.example.org/*", "x.example/*"), c.strings("relais.ingest.blog-path-patterns"));
        assertEquals("host:9092", c.string("relais.kafka.bootstrap-servers"), "no quotes needed for plain text");
        assertEquals("[not-a-list", c.passThrough(RelaisConfig.KAFKA_CLIENT).get("ssl.key.password"),
                "pass-through values are always text");
    }

    @Test
    void aValueThatIsNotTheListItLooksLikeIsReportedWithoutTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .set(List.of("kafka.topics=[planted, \"unclosed")).build());
        assertEquals(List.of("--set kafka.topics: the value starts like a HOCON list or object but is not one"),
                e.problems());
    }

    @Test
    void relaisConfigNamesTheFileWhenNoneIsGivenAndTheNotebooksVariableIsNoKey() throws IOException {
        Path file = write("relais.lake = from-env-file");
        Map<String, String> env = Map.of("RELAIS_CONFIG", file.toString(), "RELAIS_REPORTS_DIR", "/r/2026-11-21");
        assertEquals("from-env-file", RelaisConfig.builder().env(env).build().string("relais.lake"));
        Path other = dir.resolve("other.conf");
        Files.writeString(other, "relais.lake = from-option");
        assertEquals("from-option", RelaisConfig.builder().env(env).file(other).build().string("relais.lake"),
                "--config wins over RELAIS_CONFIG");
        ConfigException e = assertThrows(ConfigException.class, () -> RelaisConfig.builder()
                .env(Map.of("RELAIS_CONFIG", dir.resolve("nope.conf").toString())).build());
        assertEquals(List.of("config file " + dir.resolve("nope.conf") + " (named by RELAIS_CONFIG) does not exist"
                + " or is not a file"), e.problems());
    }

    private Path write(String hocon) throws IOException {
        Path file = dir.resolve("relais.conf");
        Files.writeString(file, hocon);
        return file;
    }

    @Test
    void aPassThroughPropertyIsOneNameHoweverASourceSpellsItAndTheLaterSourceWins() throws Exception {
        Path file = Files.writeString(dir.resolve("relais.conf"),
                "relais.kafka.client { \"security.protocol\" = SASL_SSL, \"sasl.mechanism\" = PLAIN }\n");
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
                RelaisConfig.builder().file(file).build().passThrough(RelaisConfig.KAFKA_CLIENT));
        assertEquals("SSL", RelaisConfig.builder().file(file).set(List.of("kafka.client.security.protocol=SSL"))
                .build().passThrough(RelaisConfig.KAFKA_CLIENT).get("security.protocol"), "dotted --set over a file");
        assertEquals("PLAINTEXT", RelaisConfig.builder().file(file)
                .set(List.of("kafka.client={\"security.protocol\": \"PLAINTEXT\"}")).build()
                .passThrough(RelaisConfig.KAFKA_CLIENT).get("security.protocol"), "a whole object over a file");
        RelaisConfig env = RelaisConfig.builder().file(file)
                .env(Map.of("RELAIS_KAFKA_CLIENT", "{\"security.protocol\": \"SSL\"}")).build();
        assertEquals(Map.of("security.protocol", "SSL", "sasl.mechanism", "PLAIN"),
                env.passThrough(RelaisConfig.KAFKA_CLIENT), "the environment over a file, property by property");
        assertEquals("false", RelaisConfig.builder()
                .set(List.of("spark.conf.\"spark.ui.enabled\"=true", "spark.conf.spark.ui.enabled=false")).build()
                .passThrough(RelaisConfig.SPARK_CONF).get("spark.ui.enabled"), "the last --set wins");
    }

    @Test
    void aPropertyWhoseNameStartsAnotherOneIsKept() {
        Map<String, String> cli = RelaisConfig.builder().set(List.of("spark.conf.spark.kryoserializer.buffer=64k",
                "spark.conf.spark.kryoserializer.buffer.max=512m")).build().passThrough(RelaisConfig.SPARK_CONF);
        assertEquals(Map.of("spark.kryoserializer.buffer", "64k", "spark.kryoserializer.buffer.max", "512m"), cli);
        Map<String, String> env = RelaisConfig.builder().env(Map.of("RELAIS_SPARK_CONF",
                "{\"spark.kryoserializer.buffer\": \"64k\", \"spark.kryoserializer.buffer.max\": \"512m\"}"))
                .build().passThrough(RelaisConfig.SPARK_CONF);
        assertEquals(cli, env);
    }
}
