package org.relais.analytics;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Why the top actors rank where they do, in the lake under {@code explanations/run_date=<date>/}.
 * For each of the top N actors by PageRank, rows of four kinds split its score:
 * <ul>
 *   <li>{@value #BASELINE}: the part every actor gets from random jumps and from the score of
 *       actors without out-edges, spread evenly ({@code item} is {@code "random_jump"});
 *   <li>{@value #CONTRIBUTOR}: the score passed on by one in-neighbour, {@code d · PR(u) · w(u,v) /
 *       W(u)}, for the top K contributors ({@code item} is the contributor's actor id);
 *   <li>{@value #OTHER_CONTRIBUTORS}: what the in-neighbours beyond the top K pass on together
 *       ({@code item} is how many they are); absent when all are listed;
 *   <li>{@value #EDGE_TYPE}: the score passed on through each edge type, all in-neighbours
 *       together, an edge's part split by the weights of its types ({@code item} is the type).
 * </ul>
 * {@code share} is {@code mass / PR(v)}: the baseline, the contributors and the other contributors
 * add up to 1, and so do the baseline and the edge types.
 */
public final class ExplanationTable {

    public static final String NAME = "explanations";

    public static final String BASELINE = "baseline";
    public static final String CONTRIBUTOR = "contributor";
    public static final String OTHER_CONTRIBUTORS = "other_contributors";
    public static final String EDGE_TYPE = "edge_type";

    public static final String ACTOR_ID = "actor_id";
    public static final String ACTOR_RANK = "actor_rank";
    public static final String KIND = "kind";
    /** Order within the kind: 1 for the largest contributor. */
    public static final String POSITION = "position";
    public static final String ITEM = "item";
    public static final String MASS = "mass";
    public static final String SHARE = "share";

    public static final StructType SCHEMA = new StructType()
            .add(ACTOR_ID, DataTypes.StringType, false)
            .add(ACTOR_RANK, DataTypes.IntegerType, false)
            .add(KIND, DataTypes.StringType, false)
            .add(POSITION, DataTypes.IntegerType, false)
            .add(ITEM, DataTypes.StringType, false)
            .add(MASS, DataTypes.DoubleType, false)
            .add(SHARE, DataTypes.DoubleType, false);

    private ExplanationTable() {
    }
}
