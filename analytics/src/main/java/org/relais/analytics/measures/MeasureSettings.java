package org.relais.analytics.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.relais.analytics.algo.betweenness.BetweennessParameters;
import org.relais.analytics.algo.closeness.HarmonicClosenessParameters;
import org.relais.analytics.algo.community.LabelPropagationParameters;
import org.relais.analytics.algo.community.LeidenParameters;
import org.relais.analytics.algo.hits.HitsParameters;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.score.RelaisScoreParameters;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

/**
 * The parameters of every measure, read from the configuration ({@code relais.pagerank},
 * {@code relais.hits}, {@code relais.betweenness}, {@code relais.closeness},
 * {@code relais.communities}, {@code relais.relais-score}, {@code relais.explain}). Each
 * algorithm's parameters record checks its own values; the problems of all of them are reported
 * together, each naming its configuration key.
 *
 * @param communityAlgorithm {@code leiden}, {@code louvain} or {@code label-propagation}
 * @param explainTop how many of the top actors get an explanation
 * @param explainContributors how many contributors each explanation lists
 */
public record MeasureSettings(PageRankParameters pageRank, HitsParameters hits, BetweennessParameters betweenness,
        HarmonicClosenessParameters closeness, String communityAlgorithm, LeidenParameters leiden,
        LabelPropagationParameters labelPropagation, RelaisScoreParameters relaisScore, int explainTop,
        int explainContributors) {

    public static final List<String> COMMUNITY_ALGORITHMS = List.of("leiden", "louvain", "label-propagation");

    /** The configuration sections these settings are read from, and the only ones they read. */
    public static final List<String> SECTIONS = List.of("relais.pagerank", "relais.hits", "relais.betweenness",
            "relais.closeness", "relais.communities", "relais.relais-score", "relais.explain");

    /**
     * The keys of those sections that {@link #from} does not read: the nightly analysis reads them
     * itself, since they concern the previous night, the seeds' file and the lake's accounts rather
     * than a measure.
     */
    public static final List<String> READ_BY_THE_NIGHTLY_ANALYSIS = List.of("relais.pagerank.seeds-file",
            "relais.pagerank.warm-start", "relais.pagerank.min-account-age");

    /** Whether {@code key} (a full path) is read by {@link #from}, or is a section of those it reads. */
    public static boolean reads(String key) {
        return !READ_BY_THE_NIGHTLY_ANALYSIS.contains(key)
                && SECTIONS.stream().anyMatch(s -> key.equals(s) || key.startsWith(s + "."));
    }

    public static MeasureSettings from(RelaisConfig config) {
        int threads = config.integer("relais.pagerank.threads");
        int cores = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        List<String> problems = new ArrayList<>();
        if (threads < 0) {
            problems.add("relais.pagerank.threads was " + threads + ", but must be >= 0 (0: one per core)");
            cores = 1;
        }
        int t = cores;
        PageRankParameters pageRank = checked(problems, "relais.pagerank", Map.of("damping", "relais.pagerank.damping",
                "tolerance", "relais.pagerank.tolerance", "maxIterations", "relais.pagerank.max-iterations",
                "threads", "relais.pagerank.threads"), () -> new PageRankParameters(
                config.number("relais.pagerank.damping"), config.number("relais.pagerank.tolerance"),
                config.integer("relais.pagerank.max-iterations"), t));
        HitsParameters hits = checked(problems, "relais.hits", Map.of("tolerance", "relais.hits.tolerance",
                "maxIterations", "relais.hits.max-iterations", "threads", "relais.pagerank.threads"),
                () -> new HitsParameters(
                config.number("relais.hits.tolerance"), config.integer("relais.hits.max-iterations"), t));
        BetweennessParameters betweenness = checked(problems, "relais.betweenness", Map.of(
                "exactWorkLimit", "relais.betweenness.exact-work-limit", "epsilon", "relais.betweenness.epsilon",
                "delta", "relais.betweenness.delta", "threads", "relais.pagerank.threads"),
                () -> new BetweennessParameters(
                method(BetweennessParameters.Method.class, config.string("relais.betweenness.method"),
                        "relais.betweenness.method"),
                config.flag("relais.betweenness.weighted"), true, config.raw().getLong("relais.betweenness.exact-work-limit"),
                config.number("relais.betweenness.epsilon"), config.number("relais.betweenness.delta"),
                config.raw().getLong("relais.betweenness.seed"), t));
        HarmonicClosenessParameters closeness = checked(problems, "relais.closeness", Map.of(
                "exactWorkLimit", "relais.closeness.exact-work-limit", "epsilon", "relais.closeness.epsilon",
                "delta", "relais.closeness.delta", "threads", "relais.pagerank.threads"), () ->
                new HarmonicClosenessParameters(
                        method(HarmonicClosenessParameters.Method.class, config.string("relais.closeness.method"),
                                "relais.closeness.method"),
                        config.flag("relais.closeness.normalized"), config.raw().getLong("relais.closeness.exact-work-limit"),
                        config.number("relais.closeness.epsilon"), config.number("relais.closeness.delta"),
                        config.raw().getLong("relais.closeness.seed"), t));
        String algorithm = config.string("relais.communities.algorithm");
        if (!COMMUNITY_ALGORITHMS.contains(algorithm)) {
            problems.add("relais.communities.algorithm was " + algorithm + ", but must be one of "
                    + String.join(", ", COMMUNITY_ALGORITHMS));
        }
        LeidenParameters leiden = checked(problems, "relais.communities", Map.of(
                "resolution", "relais.communities.resolution", "maxIterations", "relais.communities.passes"),
                () -> new LeidenParameters(
                config.number("relais.communities.resolution"), LeidenParameters.DEFAULT_RANDOMNESS,
                config.integer("relais.communities.passes"), config.raw().getLong("relais.communities.seed"),
                !algorithm.equals("louvain")));
        LabelPropagationParameters lpa = checked(problems, "relais.communities", Map.of(),
                () -> new LabelPropagationParameters(
                LabelPropagationParameters.DEFAULT_MAX_ITERATIONS, config.raw().getLong("relais.communities.seed"),
                config.number("relais.communities.resolution")));
        RelaisScoreParameters score = checked(problems, "relais.relais-score",
                Map.of("decades", "relais.relais-score.decades"), () -> new RelaisScoreParameters(config.number("relais.relais-score.decades")));
        int top = config.integer("relais.explain.top");
        int contributors = config.integer("relais.explain.contributors");
        if (top < 0) {
            problems.add("relais.explain.top was " + top + ", but must be >= 0");
        }
        if (contributors < 1) {
            problems.add("relais.explain.contributors was " + contributors + ", but must be >= 1");
        }
        if (!problems.isEmpty()) {
            // Leiden and label propagation check the same resolution: one problem, said once.
            throw new ConfigException(problems.stream().distinct().toList());
        }
        return new MeasureSettings(pageRank, hits, betweenness, closeness, algorithm, leiden, lpa, score, top,
                contributors);
    }

    /**
     * Makes a parameters record, adding its complaint to {@code problems} in the configuration's
     * terms: the record names its field ("maxIterations was -5, ..."), {@code keys} maps each field
     * to its key ("relais.pagerank.max-iterations was -5, ..."). A message that names a key already
     * is kept; one about a field no key sets is prefixed with the section. A record stops at its
     * first bad value, so a second bad value of the same record is reported once the first is fixed.
     */
    private static <T> T checked(List<String> problems, String section, Map<String, String> keys, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "invalid value" : e.getMessage();
            int was = message.indexOf(" was ");
            String key = was > 0 ? keys.get(message.substring(0, was)) : null;
            if (key != null) {
                problems.add(key + message.substring(was));
            } else if (message.startsWith(RelaisConfig.ROOT + ".")) {
                problems.add(message);
            } else {
                problems.add(section + ": " + message);
            }
            return null;
        }
    }

    private static <E extends Enum<E>> E method(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " was " + value + ", but must be auto, exact or sampled");
        }
    }
}
