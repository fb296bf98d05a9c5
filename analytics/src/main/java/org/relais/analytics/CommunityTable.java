package org.relais.analytics;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The communities of a run, one row each, in the lake under {@code communities/run_date=<date>/}:
 * the partition of the interaction graph the analyze job found, with what a person needs to name
 * each community. Community ids are numbered by size, 0 the largest.
 */
public final class CommunityTable {

    public static final String NAME = "communities";

    public static final String COMMUNITY = "community";
    public static final String SIZE = "size";
    /** The community's term of the modularity sum: its share of the partition's modularity. */
    public static final String MODULARITY_SHARE = "modularity_share";
    /** Sum of the weights of edges inside the community. */
    public static final String INTERNAL_WEIGHT = "internal_weight";
    /** Sum of the PageRank of its members. */
    public static final String PAGERANK_MASS = "pagerank_mass";
    /** Its members with the highest PageRank, best first (actor ids): {@link #TOP_MEMBER_COUNT} of them. */
    public static final String TOP_MEMBERS = "top_members";
    /** How many members {@link #TOP_MEMBERS} lists, here, in the community report and in {@code relais rank}. */
    public static final int TOP_MEMBER_COUNT = 5;

    public static final StructType SCHEMA = new StructType()
            .add(COMMUNITY, DataTypes.IntegerType, false)
            .add(SIZE, DataTypes.IntegerType, false)
            .add(MODULARITY_SHARE, DataTypes.DoubleType, false)
            .add(INTERNAL_WEIGHT, DataTypes.DoubleType, false)
            .add(PAGERANK_MASS, DataTypes.DoubleType, false)
            .add(TOP_MEMBERS, DataTypes.createArrayType(DataTypes.StringType, false), false);

    private CommunityTable() {
    }
}
