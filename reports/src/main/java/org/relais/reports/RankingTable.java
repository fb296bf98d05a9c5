package org.relais.reports;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.ScoreTable;
import org.relais.reports.CsvTable.Kind;
import scala.Tuple2;

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

    /**
     * Ranks the scores: 1 is the highest PageRank; equal scores are ordered by actor id.
     *
     * <p>A global sort (range-partitioned, so it runs on every executor) numbered by
     * {@code zipWithIndex}: a window ordered over the whole table, without partitions, would move
     * every row into one task. {@code zipWithIndex} counts the rows of each sorted partition in a
     * first job and numbers them in the second, so the scores are read and sorted twice (three
     * times counting the sort's sampling); the order is a total one (actor ids are unique), so
     * each evaluation sorts the same way.
     */
    public static Dataset<Row> rank(Dataset<Row> scores) {
        String[] scoreColumns = ScoreTable.SCHEMA.fieldNames();
        JavaRDD<Row> ranked = scores
                .select(scoreColumns[0], java.util.Arrays.copyOfRange(scoreColumns, 1, scoreColumns.length))
                .orderBy(col(ScoreTable.PAGERANK).desc(), col(ScoreTable.ACTOR_ID).asc())
                .toJavaRDD()
                .zipWithIndex()
                .map(RankingTable::withRank);
        return scores.sparkSession().createDataFrame(ranked, SCHEMA);
    }

    /** {@code rank}, 1-based, then the score row's values. */
    private static Row withRank(Tuple2<Row, Long> scoreAndIndex) {
        Row score = scoreAndIndex._1();
        Object[] values = new Object[score.size() + 1];
        values[0] = Math.toIntExact(scoreAndIndex._2() + 1);
        for (int i = 0; i < score.size(); i++) {
            values[i + 1] = score.get(i);
        }
        return RowFactory.create(values);
    }

    public static CsvTable csv() {
        return new CsvTable(COLUMNS);
    }
}
