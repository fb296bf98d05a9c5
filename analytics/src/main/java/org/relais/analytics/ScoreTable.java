package org.relais.analytics;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The analyze job's output: one row per actor with its scores, in the lake under
 * {@code scores/run_date=<date>/}. The reports module ranks actors from this schema; it also
 * reads the analyze job's other per-run tables (edges, explanations, communities) by their names
 * and columns, and {@code relais rank} runs the measures themselves. {@code docs/algorithms.md}
 * defines every measure.
 */
public final class ScoreTable {

    public static final String NAME = "scores";

    public static final String ACTOR_ID = "actor_id";
    public static final String PLATFORM = "platform";
    /** The account's handle or the blog's id. */
    public static final String LABEL = "name";
    public static final String PAGERANK = "pagerank";
    /** A monotone, log-scaled transform of PageRank to 0..100. */
    public static final String RELAIS_SCORE = "relais_score";
    /** PageRank teleporting to the configured seed actors; null when no seeds are configured. */
    public static final String PERSONALIZED_PAGERANK = "personalized_pagerank";
    /** Distinct actors with an edge to this one. */
    public static final String IN_DEGREE = "in_degree";
    /** Distinct actors this one has an edge to. */
    public static final String OUT_DEGREE = "out_degree";
    /** Sum of the weights of the edges into this actor. */
    public static final String IN_STRENGTH = "in_strength";
    /** Sum of the weights of the edges out of this actor. */
    public static final String OUT_STRENGTH = "out_strength";
    /**
     * Follow edges into this actor observed in the lake (not the platform's own count). This and the
     * two counts below are null when their edge type has weight 0, i.e. was left out of the graph.
     */
    public static final String FOLLOWERS = "followers";
    /** Reposts of this actor's posts; null when reposts were left out of the graph. */
    public static final String REPOSTS_RECEIVED = "reposts_received";
    /** Posts that mention this actor (replies and reposts not counted); null when mentions were left out. */
    public static final String MENTIONS_RECEIVED = "mentions_received";
    public static final String HITS_HUB = "hits_hub";
    public static final String HITS_AUTHORITY = "hits_authority";
    /** Coreness in the undirected interaction graph. */
    public static final String K_CORE = "k_core";
    public static final String BETWEENNESS = "betweenness";
    public static final String HARMONIC_CLOSENESS = "harmonic_closeness";
    /** The community this actor belongs to (an id of the community table of the same run). */
    public static final String COMMUNITY = "community";
    /** Rank by PageRank within its community, 1 first. */
    public static final String COMMUNITY_RANK = "community_rank";
    /** Share of the PageRank mass this actor receives from outside its community. */
    public static final String BUBBLE_REACH = "bubble_reach";

    public static final StructType SCHEMA = new StructType()
            .add(ACTOR_ID, DataTypes.StringType, false)
            .add(PLATFORM, DataTypes.StringType, false)
            .add(LABEL, DataTypes.StringType, true)
            .add(PAGERANK, DataTypes.DoubleType, false)
            .add(RELAIS_SCORE, DataTypes.DoubleType, true)
            .add(PERSONALIZED_PAGERANK, DataTypes.DoubleType, true)
            .add(IN_DEGREE, DataTypes.IntegerType, false)
            .add(OUT_DEGREE, DataTypes.IntegerType, false)
            .add(IN_STRENGTH, DataTypes.DoubleType, true)
            .add(OUT_STRENGTH, DataTypes.DoubleType, true)
            .add(FOLLOWERS, DataTypes.IntegerType, true)
            .add(REPOSTS_RECEIVED, DataTypes.IntegerType, true)
            .add(MENTIONS_RECEIVED, DataTypes.IntegerType, true)
            .add(HITS_HUB, DataTypes.DoubleType, true)
            .add(HITS_AUTHORITY, DataTypes.DoubleType, true)
            .add(K_CORE, DataTypes.IntegerType, true)
            .add(BETWEENNESS, DataTypes.DoubleType, true)
            .add(HARMONIC_CLOSENESS, DataTypes.DoubleType, true)
            .add(COMMUNITY, DataTypes.IntegerType, true)
            .add(COMMUNITY_RANK, DataTypes.IntegerType, true)
            .add(BUBBLE_REACH, DataTypes.DoubleType, true);

    /** The typed edges the scores were computed from, under {@code edges/run_date=<date>/}. */
    public static final String EDGES = "edges";

    private ScoreTable() {
    }
}
