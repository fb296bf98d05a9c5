package org.relais.reports.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.ScoreTable;
import org.relais.reports.RankingTable;

/**
 * {@code top_influencers.csv} and the lake table {@code top_influencers}: the top N actors overall,
 * per platform, and per large community, one list after the other. {@code docs/reports.md}
 * describes the columns.
 */
public final class TopInfluencers {

    public static final String NAME = "top_influencers";
    public static final String FILE = NAME + ".csv";

    public static final String LIST = "list";
    public static final String GROUP = "group";
    public static final String POSITION = "position";

    /** The lists, in the order they are written. */
    public static final String OVERALL = "overall";
    public static final String PLATFORM = "platform";
    public static final String COMMUNITY = "community";

    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.code(LIST),
            ReportColumn.code(GROUP),
            ReportColumn.integer(POSITION),
            ReportColumn.integer(RankingTable.RANK),
            ReportColumn.actorId(ScoreTable.ACTOR_ID),
            ReportColumn.code(ScoreTable.PLATFORM),
            ReportColumn.actorName(ScoreTable.LABEL, ScoreTable.ACTOR_ID),
            ReportColumn.decimal(ScoreTable.PAGERANK),
            ReportColumn.decimal(ScoreTable.RELAIS_SCORE),
            ReportColumn.integer(ScoreTable.COMMUNITY),
            ReportColumn.integer(ScoreTable.IN_DEGREE),
            ReportColumn.integer(ScoreTable.FOLLOWERS));

    public static final StructType SCHEMA = ReportCsv.schema(COLUMNS);

    private TopInfluencers() {
    }

    /**
     * The lists built from the ranking.
     *
     * @param top how many actors per list
     * @param communityLists at most this many communities get a list: the largest, ties by id
     * @param communityMinSize communities with fewer members get no list
     */
    public static Dataset<Row> build(Dataset<Row> rankings, int top, int communityLists, int communityMinSize) {
        // Ranks run 1..N without gaps: overall, the position is the rank (and no window moves every
        // row into one partition).
        Dataset<Row> overall = rankings.filter(col(RankingTable.RANK).leq(top))
                .withColumn(POSITION, col(RankingTable.RANK))
                .withColumn(LIST, lit(OVERALL)).withColumn(GROUP, lit(null).cast(DataTypes.StringType));
        Dataset<Row> perPlatform = rankings
                .withColumn(POSITION, row_number().over(Window.partitionBy(col(ScoreTable.PLATFORM))
                        .orderBy(col(RankingTable.RANK))))
                .filter(col(POSITION).leq(top))
                .withColumn(LIST, lit(PLATFORM)).withColumn(GROUP, col(ScoreTable.PLATFORM));

        Dataset<Row> largest = rankings.filter(col(ScoreTable.COMMUNITY).isNotNull())
                .groupBy(col(ScoreTable.COMMUNITY).as("c_id")).agg(count(lit(1)).as("c_size"))
                .filter(col("c_size").geq(communityMinSize))
                .orderBy(col("c_size").desc(), col("c_id").asc())
                .limit(communityLists);
        Dataset<Row> perCommunity = rankings
                .join(largest, col(ScoreTable.COMMUNITY).equalTo(col("c_id")), "left_semi")
                .withColumn(POSITION, row_number().over(Window.partitionBy(col(ScoreTable.COMMUNITY))
                        .orderBy(col(RankingTable.RANK))))
                .filter(col(POSITION).leq(top))
                .withColumn(LIST, lit(COMMUNITY)).withColumn(GROUP, col(ScoreTable.COMMUNITY).cast(DataTypes.StringType));

        return ReportCsv.select(overall, COLUMNS).unionByName(ReportCsv.select(perPlatform, COLUMNS))
                .unionByName(ReportCsv.select(perCommunity, COLUMNS));
    }

    /** The written order: overall, then platforms by name, then communities by id; by position. */
    public static Dataset<Row> ordered(Dataset<Row> table) {
        Column listOrder = when(col(LIST).equalTo(OVERALL), 0).when(col(LIST).equalTo(PLATFORM), 1).otherwise(2);
        Column communityOrder = when(col(LIST).equalTo(COMMUNITY), col(GROUP).cast(DataTypes.IntegerType));
        return table.orderBy(listOrder, communityOrder.asc_nulls_first(), col(GROUP), col(POSITION));
    }
}
