package org.relais.reports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
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

    /** {@code rank}, then every column of the score table, in its order. */
    public static final StructType SCHEMA = rankThenScores();

    /** Column order of the Parquet table and the CSV file, with how each is written. */
    public static final List<CsvTable.Column> COLUMNS = csvColumns();

    private RankingTable() {
    }

    private static StructType rankThenScores() {
        StructType schema = new StructType().add(RANK, DataTypes.IntegerType, false);
        for (StructField f : ScoreTable.SCHEMA.fields()) {
            schema = schema.add(f);
        }
        return schema;
    }

    private static List<CsvTable.Column> csvColumns() {
        List<CsvTable.Column> columns = new ArrayList<>();
        for (StructField f : SCHEMA.fields()) {
            Kind kind = f.dataType() instanceof NumericType ? Kind.NUMBER
                    : f.name().equals(ScoreTable.PLATFORM) ? Kind.CODE : Kind.TEXT;
            columns.add(new CsvTable.Column(f.name(), kind));
        }
        return List.copyOf(columns);
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
