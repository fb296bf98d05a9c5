package org.relais.analytics;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The analyze job's output: one row per actor with its scores, in the lake under
 * {@code scores/run_date=<date>/}. The reports module reads this schema and nothing else of the
 * analytics, so how scores are computed can change without touching reports.
 */
public final class ScoreTable {

    public static final String NAME = "scores";

    public static final String ACTOR_ID = "actor_id";
    public static final String PLATFORM = "platform";
    /** The account's handle or the blog's id. */
    public static final String LABEL = "name";
    public static final String PAGERANK = "pagerank";
    /** Distinct actors with an edge to this one. */
    public static final String IN_DEGREE = "in_degree";
    /** Distinct actors this one has an edge to. */
    public static final String OUT_DEGREE = "out_degree";

    public static final StructType SCHEMA = new StructType()
            .add(ACTOR_ID, DataTypes.StringType, false)
            .add(PLATFORM, DataTypes.StringType, false)
            .add(LABEL, DataTypes.StringType, true)
            .add(PAGERANK, DataTypes.DoubleType, false)
            .add(IN_DEGREE, DataTypes.IntegerType, false)
            .add(OUT_DEGREE, DataTypes.IntegerType, false);

    /** The typed edges the scores were computed from, under {@code edges/run_date=<date>/}. */
    public static final String EDGES = "edges";

    private ScoreTable() {
    }
}
