package org.relais.reports.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.ScoreTable;
import org.relais.reports.RankingTable;

/**
 * {@code changes.csv} and the lake table {@code changes}: how each actor moved since the previous
 * run's ranking. Actors of this run come first, by rank; actors that were ranked last time and are
 * not any more ({@code dropped}) follow, by their previous rank. With no previous run, every actor
 * is {@code new}.
 */
public final class Changes {

    public static final String NAME = "changes";
    public static final String FILE = NAME + ".csv";

    public static final String STATUS = "status";
    public static final String PREVIOUS_RANK = "previous_rank";
    public static final String RANK_CHANGE = "rank_change";
    public static final String PREVIOUS_PAGERANK = "previous_pagerank";
    public static final String PAGERANK_CHANGE = "pagerank_change";
    public static final String RELAIS_SCORE_CHANGE = "relais_score_change";

    public static final String NEW = "new";
    public static final String DROPPED = "dropped";
    public static final String MOVED = "moved";
    public static final String UNCHANGED = "unchanged";

    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.actorId(ScoreTable.ACTOR_ID),
            ReportColumn.actorName(ScoreTable.LABEL, ScoreTable.ACTOR_ID),
            ReportColumn.code(ScoreTable.PLATFORM),
            ReportColumn.code(STATUS),
            ReportColumn.integer(RankingTable.RANK),
            ReportColumn.integer(PREVIOUS_RANK),
            ReportColumn.integer(RANK_CHANGE),
            ReportColumn.decimal(ScoreTable.PAGERANK),
            ReportColumn.decimal(PREVIOUS_PAGERANK),
            ReportColumn.decimal(PAGERANK_CHANGE),
            ReportColumn.decimal(RELAIS_SCORE_CHANGE));

    public static final StructType SCHEMA = ReportCsv.schema(COLUMNS);

    private Changes() {
    }

    /**
     * @param previous the previous run's ranking, or null when there is none
     */
    public static Dataset<Row> build(Dataset<Row> rankings, Dataset<Row> previous) {
        Dataset<Row> now = rankings.select(col(ScoreTable.ACTOR_ID), col(ScoreTable.LABEL), col(ScoreTable.PLATFORM),
                col(RankingTable.RANK), col(ScoreTable.PAGERANK), col(ScoreTable.RELAIS_SCORE));
        if (previous == null) {
            previous = rankings.sparkSession().createDataFrame(List.of(), RankingTable.SCHEMA);
        }
        Dataset<Row> before = previous.select(col(ScoreTable.ACTOR_ID).as("p_actor"), col(ScoreTable.LABEL).as("p_name"),
                col(ScoreTable.PLATFORM).as("p_platform"), col(RankingTable.RANK).as(PREVIOUS_RANK),
                col(ScoreTable.PAGERANK).as(PREVIOUS_PAGERANK), col(ScoreTable.RELAIS_SCORE).as("p_relais_score"));
        Column rank = col(RankingTable.RANK);
        Column previousRank = col(PREVIOUS_RANK);
        Column status = when(rank.isNull(), lit(DROPPED))
                .when(previousRank.isNull(), lit(NEW))
                .when(rank.equalTo(previousRank), lit(UNCHANGED))
                .otherwise(lit(MOVED));
        Dataset<Row> joined = now.join(before, col(ScoreTable.ACTOR_ID).equalTo(col("p_actor")), "full_outer")
                .select(coalesce(col(ScoreTable.ACTOR_ID), col("p_actor")).as(ScoreTable.ACTOR_ID),
                        coalesce(col(ScoreTable.LABEL), col("p_name")).as(ScoreTable.LABEL),
                        coalesce(col(ScoreTable.PLATFORM), col("p_platform")).as(ScoreTable.PLATFORM),
                        status.as(STATUS),
                        rank.as(RankingTable.RANK),
                        previousRank.as(PREVIOUS_RANK),
                        previousRank.minus(rank).cast(DataTypes.IntegerType).as(RANK_CHANGE),
                        col(ScoreTable.PAGERANK),
                        col(PREVIOUS_PAGERANK),
                        col(ScoreTable.PAGERANK).minus(col(PREVIOUS_PAGERANK)).as(PAGERANK_CHANGE),
                        col(ScoreTable.RELAIS_SCORE).minus(col("p_relais_score")).as(RELAIS_SCORE_CHANGE));
        return ReportCsv.select(joined, COLUMNS);
    }

    /** The written order: by rank, then the dropped actors by previous rank. */
    public static Dataset<Row> ordered(Dataset<Row> table) {
        return table.orderBy(col(RankingTable.RANK).asc_nulls_last(), col(PREVIOUS_RANK).asc_nulls_last(),
                col(ScoreTable.ACTOR_ID));
    }
}
