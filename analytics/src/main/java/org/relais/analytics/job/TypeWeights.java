package org.relais.analytics.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

/**
 * The weight of one interaction of each {@link EdgeType}; an edge's weight is the sum over its
 * interactions, of each type at most {@link #maxRepeats()} of them when that is set. A weight of
 * 0 leaves the type out of the graph altogether (see {@link InteractionGraph#typedEdges}).
 * Defaults and the reasons for them are in the analytics {@code reference.conf}. (The weights of a
 * graph's edges themselves are kept by {@link org.relais.analytics.graph.EdgeWeights}.)
 */
public final class TypeWeights implements Serializable {

    private static final long serialVersionUID = 1L;

    private final EnumMap<EdgeType, Double> weights;
    private final long maxRepeats;

    /** Weights without a cap on repeated interactions. */
    public TypeWeights(Map<EdgeType, Double> weights) {
        this(weights, 0);
    }

    /**
     * @param maxRepeats the most interactions of one type from one actor to another that count
     *     ({@code relais.graph.max-repeats}); 0 for no cap
     */
    public TypeWeights(Map<EdgeType, Double> weights, long maxRepeats) {
        List<String> problems = new ArrayList<>();
        if (maxRepeats < 0) {
            problems.add("relais.graph.max-repeats was " + maxRepeats + ", but must be >= 0 (0: no cap)");
        }
        for (EdgeType t : EdgeType.values()) {
            Double w = weights.get(t);
            if (w == null) {
                problems.add(t.configKey() + " is missing");
            } else if (!(w >= 0) || Double.isInfinite(w)) {
                problems.add(t.configKey() + " was " + w + ", but must be a finite number >= 0");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        this.weights = new EnumMap<>(weights);
        this.maxRepeats = maxRepeats;
    }

    public static TypeWeights from(RelaisConfig config) {
        Map<EdgeType, Double> w = new EnumMap<>(EdgeType.class);
        for (EdgeType t : EdgeType.values()) {
            w.put(t, config.number(t.configKey()));
        }
        return new TypeWeights(w, config.integer("relais.graph.max-repeats"));
    }

    /** The most interactions of one type from one actor to another that count; 0 for all. */
    public long maxRepeats() {
        return maxRepeats;
    }

    public double of(EdgeType type) {
        return weights.get(type);
    }

    /** Whether the type is in the graph: its weight is above 0. */
    public boolean includes(EdgeType type) {
        return of(type) > 0;
    }

    /** The types in the graph, in {@link EdgeType} order. */
    public List<EdgeType> included() {
        return java.util.Arrays.stream(EdgeType.values()).filter(this::includes).toList();
    }

    /** Type codes to weights, for the run's manifest. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        weights.forEach((t, w) -> m.put(t.code(), w));
        return m;
    }
}
