package org.relais.reports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.ScoreTable;
import org.relais.reports.CsvTable.Kind;

/**
 * The ranking: every actor with its rank and scores, ordered by PageRank (ties by actor id), as
 * Parquet in the lake ({@code rankings/run_date=<date>/}) and as {@code rankings.csv}. Both have
 * these columns in this order; {@code docs/reports.md} describes them.
 */
public final class RankingTable {

    public static final String NAME = "rankings";
    public static final String RANK = "rank";

    /** Column order of the Parquet table and the CSV file. */
    public static final List<CsvTable.Column> COLUMNS = List.of(
            new CsvTable.Column(RANK, Kind.NUMBER),
            new CsvTable.Column(ScoreTable.ACTOR_ID, Kind.TEXT),
            new CsvTable.Column(ScoreTable.PLATFORM, Kind.CODE),
            new CsvTable.Column(ScoreTable.LABEL, Kind.TEXT),
            new CsvTable.Column(ScoreTable.PAGERANK, Kind.NUMBER),
            new CsvTable.Column(ScoreTable.IN_DEGREE, Kind.NUMBER),
            new CsvTable.Column(ScoreTable.OUT_DEGREE, Kind.NUMBER));

    public static final StructType SCHEMA = new StructType()
            .add(RANK, DataTypes.IntegerType, false)
            .add(ScoreTable.ACTOR_ID, DataTypes.StringType, false)
            .add(ScoreTable.PLATFORM, DataTypes.StringType, false)
            .add(ScoreTable.LABEL, DataTypes.StringType, true)
            .add(ScoreTable.PAGERANK, DataTypes.DoubleType, false)
            .add(ScoreTable.IN_DEGREE, DataTypes.IntegerType, false)
            .add(ScoreTable.OUT_DEGREE, DataTypes.IntegerType, false);

    private RankingTable() {
    }

    /** Ranks the scores: 1 is the highest PageRank; equal scores are ordered by actor id. */
    public static Dataset<Row> rank(Dataset<Row> scores) {
        return scores
                .withColumn(RANK, row_number().over(Window.orderBy(
                        col(ScoreTable.PAGERANK).desc(), col(ScoreTable.ACTOR_ID).asc())))
                .select(SCHEMA.fieldNames()[0], java.util.Arrays.copyOfRange(SCHEMA.fieldNames(), 1,
                        SCHEMA.fieldNames().length));
    }

    public static CsvTable csv() {
        return new CsvTable(COLUMNS);
    }
}
