package org.relais.ingest.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The one place that reads Relais's configuration (HOCON, with Typesafe Config) and checks it.
 *
 * <p>Precedence, highest first: command-line overrides ({@link Builder#set}), environment
 * variables ({@code RELAIS_} + the key in upper case with {@code .} and {@code -} as {@code _},
 * e.g. {@code RELAIS_KAFKA_BOOTSTRAP_SERVERS}), the file given with {@code --config} (or, without
 * it, named by {@code RELAIS_CONFIG}), then the defaults in each module's {@code reference.conf}.
 * A value given on the command line or in the environment that starts with {@code [} or
 * {@code {} is read as a HOCON list or object ({@code --set 'ingest.blog-path-patterns=["a.example/*"]'},
 * {@code --set 'spark.conf={"spark.ui.enabled": "false"}'}); any other, and any value inside a
 * pass-through section, is a string, converted to the key's type when read. Every key must be one
 * the defaults define, except inside the pass-through sections {@code relais.kafka.client} and
 * {@code relais.spark.conf}; an unknown key is reported with the closest known one. All problems
 * (unknown keys, values of the wrong type, and what the {@linkplain Builder#check checks} of the
 * commands find) are collected and reported together in one {@link ConfigException}.
 */
public final class RelaisConfig {

    public static final String ROOT = "relais";
    /** Sections whose keys go unchecked to Kafka clients and to Spark. */
    public static final String KAFKA_CLIENT = "relais.kafka.client";
    public static final String SPARK_CONF = "relais.spark.conf";
    private static final Set<String> PASS_THROUGH = Set.of(KAFKA_CLIENT, SPARK_CONF);
    /** The origins of the values given with {@code --set} and in {@code RELAIS_*} variables. */
    private static final String COMMAND_LINE = "command line";
    private static final String ENVIRONMENT = "environment";

    static final String ENV_PREFIX = "RELAIS_";
    /** The environment variable naming the configuration file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "RELAIS_CONFIG";
    /**
     * {@code RELAIS_*} variables that are not configuration keys: the launcher script's, and the
     * notebooks' report directory.
     */
    private static final Set<String> NOT_KEYS =
            Set.of("RELAIS_HOME", "RELAIS_JAVA_OPTS", CONFIG_ENV, "RELAIS_REPORTS_DIR");
    /** Key fragments whose values are never shown: they name passwords, keys and tokens. */
    private static final List<String> SECRET_HINTS =
            List.of("password", "secret", "jaas", "token", "credential", "key");

    private final Config config;

    private RelaisConfig(Config config) {
        this.config = config;
    }

    /** The defaults alone. */
    public static RelaisConfig defaults() {
        return builder().build();
    }

    /**
     * The full path of a key given with or without its root: {@code pagerank.damping} is
     * {@code relais.pagerank.damping}.
     */
    public static String path(String key) {
        return key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The whole resolved configuration, for code that needs a key this class has no accessor for. */
    public Config raw() {
        return config;
    }

    public String string(String key) {
        return config.getString(key);
    }

    public int integer(String key) {
        return config.getInt(key);
    }

    public long bytes(String key) {
        return config.getBytes(key);
    }

    public double number(String key) {
        return config.getDouble(key);
    }

    public boolean flag(String key) {
        return config.getBoolean(key);
    }

    public Duration duration(String key) {
        return config.getDuration(key);
    }

    public List<String> strings(String key) {
        return config.getStringList(key);
    }

    /** The keys and values of a pass-through section, flattened to {@code a.b.c} names. */
    public Map<String, String> passThrough(String section) {
        Map<String, String> flat = new TreeMap<>();
        if (!config.hasPath(section)) {
            return flat;
        }
        for (Map.Entry<String, ConfigValue> e : config.getConfig(section).entrySet()) {
            String name = String.join(".", ConfigUtil.splitPath(e.getKey()));
            flat.put(name, String.valueOf(e.getValue().unwrapped()));
        }
        return flat;
    }

    /**
     * Whether a key's value must never be shown (logs, manifests, error messages): any key that
     * mentions a password, secret, key, token, credential or JAAS config
     * ({@code sasl.jaas.config}, {@code ssl.key.password}, ...).
     */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_HINTS.stream().anyMatch(lower::contains);
    }

    /**
     * Every leaf key and value, secrets replaced by {@code ***}; for manifests and logs. A secret
     * key left empty shows empty, so that a reader can tell it was not set.
     */
    public Map<String, Object> redacted() {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : config.getConfig(ROOT).entrySet()) {
            // A pass-through property's name is one key, quoted in the path: shown as its name.
            String key = ROOT + "." + String.join(".", ConfigUtil.splitPath(e.getKey()));
            Object value = e.getValue().unwrapped();
            boolean empty = value == null || value instanceof String text && text.isEmpty();
            out.put(key, isSecret(key) && !empty ? "***" : value);
        }
        return out;
    }

    /**
     * The settings of Relais, as {@link #redacted()} shows them, without the pass-through client
     * properties: what shaped a run's results.
     */
    public Map<String, Object> redactedSettings() {
        Map<String, Object> out = new TreeMap<>();
        redacted().forEach((key, value) -> {
            if (!isUnderPassThrough(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /** Collects configuration sources and builds a checked {@link RelaisConfig}. */
    public static final class Builder {

        private Path file;
        private Map<String, String> env = Map.of();
        private final Map<String, Object> overrides = new LinkedHashMap<>();
        private final List<Consumer<RelaisConfig>> checks = new ArrayList<>();

        private Builder() {
        }

        /**
         * A check of the values, such as reading each stage's settings, run by {@link #build} on the
         * merged configuration; the problems of the {@link ConfigException} it throws are reported
         * with the unknown keys and the values of the wrong type, in one exception.
         */
        public Builder check(Consumer<RelaisConfig> check) {
            checks.add(check);
            return this;
        }

        /** A HOCON (or JSON, or .properties) file; {@code null} for none. */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** The environment to read {@code RELAIS_*} variables from, usually {@code System.getenv()}. */
        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        /**
         * A command-line override; {@code null} values are ignored (option not given). The last
         * override of a key wins, also over keys inside it given before.
         */
        public Builder set(String key, Object value) {
            if (value != null) {
                overrides.remove(key);
                overrides.put(key, value);
            }
            return this;
        }

        /** Overrides given as {@code key=value} strings, as {@code --set} takes them. */
        public Builder set(List<String> assignments) {
            List<String> problems = new ArrayList<>();
            for (String a : assignments) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    problems.add("--set " + a + ": expected key=value");
                } else {
                    String key = a.substring(0, eq).trim();
                    String path = path(key);
                    try {
                        Object value = value(path, a.substring(eq + 1));
                        overrides.remove(path);
                        overrides.put(path, value);
                    } catch (com.typesafe.config.ConfigException e) {
                        // The value is not repeated: it may be a secret.
                        problems.add("--set " + key + ": the value starts like a HOCON list or object but is not one");
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return this;
        }

        public RelaisConfig build() {
            List<String> problems = new ArrayList<>();
            // The modules' reference.conf files alone: not Typesafe Config's default reference,
            // which also takes the JVM's system properties, so that the launcher's -Drelais.home
            // or -Drelais.broker.lib would pass for settings (and be suggested for mistyped keys).
            Config reference = ConfigFactory.parseResourcesAnySyntax(RelaisConfig.class.getClassLoader(), "reference")
                    .resolve();

            Config fromFile = ConfigFactory.empty();
            Path file = this.file;
            String fileOrigin = "";
            if (file == null && env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank()) {
                file = Path.of(env.get(CONFIG_ENV));
                fileOrigin = " (named by " + CONFIG_ENV + ")";
            }
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    problems.add("config file " + file + fileOrigin + " does not exist or is not a file");
                } else {
                    try {
                        fromFile = ConfigFactory.parseFile(file.toFile(),
                                ConfigParseOptions.defaults().setAllowMissing(false));
                        checkKeys(fromFile, reference, "in " + file, problems);
                    } catch (com.typesafe.config.ConfigException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
            // The pass-through sections are merged property by property, each property's whole name
            // one key, however a source spells it ("security.protocol" = x, or security.protocol = x),
            // so that a later source overrides an earlier one, and spark.x and spark.x.y can both be set.
            PassThrough passThrough = new PassThrough();
            Config defaults = passThrough.take(reference);
            fromFile = passThrough.take(resolvePassThrough(fromFile, reference, problems));
            Config fromEnv = fromEnvironment(reference, passThrough, problems);
            // One override at a time, each over the ones before: so that the last of two values of
            // a key wins, and a section given whole merges with keys set inside it
            // (--set 'spark.conf={...}' --set spark.conf.spark.ui.enabled=false).
            Config fromCli = ConfigFactory.empty();
            for (Map.Entry<String, Object> o : overrides.entrySet()) {
                if (passThrough.takeOverride(o.getKey(), o.getValue())) {
                    continue;
                }
                try {
                    fromCli = ConfigFactory.parseMap(Map.of(o.getKey(), o.getValue()), COMMAND_LINE)
                            .withFallback(fromCli);
                } catch (com.typesafe.config.ConfigException e) {
                    problems.add("--set " + o.getKey() + ": " + e.getMessage());
                }
            }
            checkKeys(fromCli, reference, "on the command line", problems);

            Config merged = passThrough.into(fromCli.withFallback(fromEnv).withFallback(fromFile)
                    .withFallback(defaults));
            try {
                // Substitutions may name the JVM's properties (${user.home}), which are not settings:
                // they are there to resolve against, then left out.
                merged = merged.withFallback(jvmProperties()).resolve().withOnlyPath(ROOT);
            } catch (com.typesafe.config.ConfigException e) {
                // Unresolved substitutions: the values cannot be read, so neither typed nor checked.
                problems.add(e.getMessage());
                throw new ConfigException(problems);
            }
            List<String> typeProblems = checkTypes(merged, reference);
            problems.addAll(typeProblems);
            runChecks(new RelaisConfig(merged), !typeProblems.isEmpty(), problems);
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new RelaisConfig(merged);
        }

        private Config fromEnvironment(Config reference, PassThrough passThrough, List<String> problems) {
            Map<String, String> byEnvName = new TreeMap<>();
            for (String key : leafKeys(reference)) {
                byEnvName.put(envName(key), key);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                String name = e.getKey();
                if (!name.startsWith(ENV_PREFIX) || NOT_KEYS.contains(name)) {
                    continue;
                }
                String key = byEnvName.get(name);
                if (key == null) {
                    problems.add("unknown environment variable " + name + hint(name, byEnvName.keySet()));
                } else {
                    try {
                        Object value = value(key, e.getValue());
                        if (!passThrough.takeOverride(key, value)) {
                            values.put(key, value);
                        }
                    } catch (com.typesafe.config.ConfigException notHocon) {
                        problems.add("environment variable " + name
                                + ": the value starts like a HOCON list or object but is not one");
                    }
                }
            }
            try {
                return ConfigFactory.parseMap(values, ENVIRONMENT);
            } catch (com.typesafe.config.ConfigException e) {
                problems.add("environment: " + e.getMessage());
                return ConfigFactory.empty();
            }
        }

        /** The JVM's system properties but those under {@code relais}, for substitutions to name. */
        private static Config jvmProperties() {
            return ConfigFactory.systemProperties().withoutPath(ROOT);
        }

        /**
         * {@code file} with the substitutions in its pass-through sections resolved (against the
         * file, the defaults, the JVM's properties and the environment:
         * {@code "sasl.jaas.config" = ${?KAFKA_JAAS}}), since those sections are taken apart into
         * properties before the rest is resolved; so they do not see values given by {@code --set}
         * or {@code RELAIS_*} variables. A substitution that resolves to nothing is a problem,
         * reported with the file's line.
         */
        private static Config resolvePassThrough(Config file, Config reference, List<String> problems) {
            Config out = file;
            for (String section : PASS_THROUGH) {
                if (!file.hasPathOrNull(section)) {
                    continue;
                }
                try {
                    Config resolved = file.withOnlyPath(section).resolveWith(file.withFallback(reference)
                            .withFallback(jvmProperties()));
                    out = out.withoutPath(section).withFallback(resolved);
                } catch (com.typesafe.config.ConfigException e) {
                    problems.add(e.getMessage());
                    out = out.withoutPath(section);
                }
            }
            return out;
        }

        /**
         * Runs the value checks even when keys are unknown: an unknown key is merely one more key,
         * which no check reads. A source that could not be read at all (a missing file, a value
         * that is not the list it looks like) is reported above, and its values are not checked.
         * A check that meets a value of the wrong type stops there, so the rest of its problems
         * are not found until that value is fixed; its type problem is listed already.
         */
        private void runChecks(RelaisConfig config, boolean wrongTypes, List<String> problems) {
            for (Consumer<RelaisConfig> check : checks) {
                try {
                    check.accept(config);
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                } catch (com.typesafe.config.ConfigException e) {
                    if (!wrongTypes) {
                        // Such as an int key given 1e12, which reads as a number but not as an int.
                        problems.add(e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * The pass-through sections of every source, as maps from a property's whole name to its
     * value, merged in the order the sources are taken: a later source's property replaces an
     * earlier one's of the same name. A source whose section is not an object keeps it, so that
     * the type check reports it, and the section is then not merged.
     */
    private static final class PassThrough {

        private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        private final Set<String> notObjects = new java.util.HashSet<>();

        PassThrough() {
            for (String section : PASS_THROUGH) {
                sections.put(section, new LinkedHashMap<>());
            }
        }

        /** {@code source} without its pass-through sections, whose properties are taken. */
        Config take(Config source) {
            Config rest = source;
            for (String section : PASS_THROUGH) {
                if (!source.hasPath(section)) {
                    continue;
                }
                ConfigValue value = source.getValue(section);
                if (value.valueType() == ConfigValueType.OBJECT) {
                    flatten("", ((com.typesafe.config.ConfigObject) value).unwrapped(), sections.get(section));
                    rest = rest.withoutPath(section);
                } else {
                    notObjects.add(section);
                }
            }
            return rest;
        }

        /**
         * Takes a value given on the command line or in the environment for a pass-through section
         * or a property in one; false for any other key. Everything after the section's name is the
         * property's name, with the quotes of a quoted name taken off.
         */
        boolean takeOverride(String path, Object value) {
            for (String section : PASS_THROUGH) {
                if (path.equals(section)) {
                    if (value instanceof Map<?, ?> object) {
                        flatten("", object, sections.get(section));
                        return true;
                    }
                    notObjects.add(section);
                    return false;
                }
                if (path.startsWith(section + ".")) {
                    String name = String.join(".", ConfigUtil.splitPath(path.substring(section.length() + 1)));
                    sections.get(section).remove(name);
                    sections.get(section).put(name, String.valueOf(value));
                    return true;
                }
            }
            return false;
        }

        /** {@code merged} with each section as the merged properties, each name one key. */
        Config into(Config merged) {
            Config out = merged;
            for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
                if (!notObjects.contains(e.getKey())) {
                    out = out.withValue(e.getKey(), com.typesafe.config.ConfigValueFactory.fromMap(e.getValue()));
                }
            }
            return out;
        }

        private static void flatten(String prefix, Map<?, ?> object, Map<String, String> into) {
            for (Map.Entry<?, ?> e : object.entrySet()) {
                String name = prefix + e.getKey();
                if (e.getValue() instanceof Map<?, ?> nested) {
                    flatten(name + ".", nested, into);
                } else {
                    into.remove(name);
                    into.put(name, String.valueOf(e.getValue()));
                }
            }
        }
    }

    /**
     * A value given as text: a HOCON list or object when it starts with {@code [} or {@code {},
     * else the text itself (so {@code host:9092} needs no quotes). A pass-through section itself
     * may be given as an object ({@code spark.conf={"spark.ui.enabled": "false"}}), but values
     * inside one are always text: Kafka and Spark properties are strings, and a password may
     * start with a bracket.
     *
     * @throws com.typesafe.config.ConfigException when it starts like a list or object but is not one
     */
    static Object value(String key, String text) {
        String t = text.strip();
        boolean passThroughValue = isUnderPassThrough(key) && !PASS_THROUGH.contains(key);
        if (passThroughValue || !t.startsWith("[") && !t.startsWith("{")) {
            return text;
        }
        return ConfigFactory.parseString("v = " + t, ConfigParseOptions.defaults().setOriginDescription("value"))
                .getValue("v").unwrapped();
    }

    /** {@code relais.kafka.bootstrap-servers} becomes {@code RELAIS_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void checkKeys(Config given, Config reference, String where, List<String> problems) {
        List<String> known = leafKeys(reference);
        List<String> keys = new ArrayList<>();
        collectPaths(given.root(), List.of(), keys);
        for (String key : keys) {
            if (isUnderPassThrough(key) || reference.hasPathOrNull(key)) {
                continue;
            }
            problems.add("unknown key " + key + " " + where + hint(key, known));
        }
    }

    /**
     * The leaf paths of a parsed but unresolved config: values are not looked at, since a value
     * may be a substitution such as {@code ${relais.x} [...]} that only resolves against the defaults.
     */
    private static void collectPaths(com.typesafe.config.ConfigObject object, List<String> prefix, List<String> out) {
        for (String k : object.keySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(k);
            ConfigValue v = object.get(k);
            if (v instanceof com.typesafe.config.ConfigObject child && !child.isEmpty()) {
                collectPaths(child, path, out);
            } else {
                out.add(ConfigUtil.joinPath(path));
            }
        }
    }

    /**
     * Reads every key the way its default is typed, so that a wrong type fails here, not mid-run,
     * and checks that each pass-through section is an object.
     *
     * @return one line per key whose value has the wrong type, sorted by key
     */
    private static List<String> checkTypes(Config merged, Config reference) {
        List<String> typeProblems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
            String key = e.getKey();
            if (isUnderPassThrough(key) || !key.startsWith(ROOT + ".")) {
                continue;
            }
            String expected = readAs(merged, key, e.getValue());
            if (expected != null) {
                typeProblems.add(typeProblem(merged, key, expected));
            }
        }
        for (String section : PASS_THROUGH) {
            if (merged.hasPathOrNull(section) && valueType(merged, section) != ConfigValueType.OBJECT) {
                String example = section.equals(SPARK_CONF)
                        ? "an object of Spark properties, e.g. {\"spark.ui.enabled\": \"false\"}"
                        : "an object of Kafka client properties, e.g. {\"security.protocol\": \"SASL_SSL\"}";
                typeProblems.add(typeProblem(merged, section, example));
            }
        }
        typeProblems.sort(Comparator.naturalOrder());
        return typeProblems;
    }

    /**
     * One line: what {@code key} must be, how to write it where it was given (the command line or
     * the environment), and the type of what was given. The value itself is not repeated: it may
     * be a secret put under the wrong key.
     */
    private static String typeProblem(Config merged, String key, String expected) {
        ConfigValue given = merged.hasPath(key) ? merged.getValue(key) : null;
        String origin = given == null ? "" : given.origin().description();
        String example = null;
        if (expected.startsWith("a list")) {
            example = "[\"a\",\"b\"]";
        } else if (expected.startsWith("an object")) {
            example = key.equals(SPARK_CONF) ? "{\"spark.ui.enabled\":\"false\"}" : "{\"security.protocol\":\"SASL_SSL\"}";
        }
        String how = "";
        if (example != null && origin.equals(COMMAND_LINE)) {
            how = " (on the command line: --set '" + key.substring(ROOT.length() + 1) + "=" + example + "')";
        } else if (example != null && origin.equals(ENVIRONMENT)) {
            how = " (in the environment: " + envName(key) + "='" + example + "')";
        }
        return key + " must be " + expected + how + ", got " + describe(given, expected);
    }

    private static ConfigValueType valueType(Config merged, String key) {
        return merged.getIsNull(key) ? ConfigValueType.NULL : merged.getValue(key).valueType();
    }

    /** "a string", "a list", ...; for text that does not read as the scalar expected, says so. */
    private static String describe(ConfigValue given, String expected) {
        if (given == null) {
            return "null";
        }
        return switch (given.valueType()) {
            case STRING -> expected.startsWith("a list") || expected.startsWith("an object")
                    ? "a string" : "text that is not one";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case LIST -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    /**
     * Reads {@code key} the way its default is typed.
     *
     * @return null when the value reads, else what was expected ("a number such as 8 (the
     *     default)", "a list of strings, e.g. [...]", ...)
     */
    private static String readAs(Config merged, String key, ConfigValue reference) {
        String expected = "a value";
        String def = reference.render(ConfigRenderOptions.concise());
        try {
            switch (reference.valueType()) {
                case NUMBER -> {
                    expected = "a number such as " + def + " (the default)";
                    merged.getDouble(key);
                }
                case BOOLEAN -> {
                    expected = "true or false (the default is " + def + ")";
                    merged.getBoolean(key);
                }
                case LIST -> {
                    ConfigList list = (ConfigList) reference;
                    String first = list.isEmpty() ? "\"a\"" : list.get(0).render(ConfigRenderOptions.concise());
                    if (list.isEmpty() || list.get(0).valueType() == ConfigValueType.STRING) {
                        expected = "a list of strings, e.g. [" + first + "]";
                        merged.getStringList(key);
                    } else {
                        expected = "a list, e.g. [" + first + "]";
                        merged.getList(key);
                    }
                }
                case STRING -> {
                    String text = (String) reference.unwrapped();
                    if (looksLikeDuration(text)) {
                        expected = "a duration such as 30s or 5m (the default is " + text + ")";
                        merged.getDuration(key);
                    } else if (looksLikeSize(text)) {
                        expected = "a size such as 4 MiB (the default is " + text + ")";
                        merged.getBytes(key);
                    } else {
                        expected = "a string";
                        merged.getString(key);
                    }
                }
                default -> merged.getValue(key);
            }
            return null;
        } catch (com.typesafe.config.ConfigException e) {
            return expected;
        }
    }

    private static boolean looksLikeDuration(String s) {
        return s.matches("\\d+\\s*(ms|s|m|h|d|seconds|minutes|hours|days)");
    }

    private static boolean looksLikeSize(String s) {
        return s.matches("\\d+\\s*(B|KiB|MiB|GiB|kB|MB|GB|k|m|g)");
    }

    private static boolean isUnderPassThrough(String key) {
        return PASS_THROUGH.stream().anyMatch(p -> key.equals(p) || key.startsWith(p + "."));
    }

    private static List<String> leafKeys(Config reference) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
            if (e.getKey().startsWith(ROOT + ".") && !isUnderPassThrough(e.getKey())) {
                keys.add(e.getKey());
            }
        }
        for (String p : PASS_THROUGH) {
            if (reference.hasPath(p) || reference.hasPathOrNull(p)) {
                keys.add(p);
            }
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    /** "; did you mean relais.lake?" when a known name is close enough, else "". */
    static String hint(String given, java.util.Collection<String> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance.apply(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        boolean close = best != null && bestDistance <= Math.max(3, given.length() / 3);
        return close ? "; did you mean " + best + "?" : "";
    }
}
