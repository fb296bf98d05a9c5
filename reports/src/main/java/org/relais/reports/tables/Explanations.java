package org.relais.reports.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.relais.analytics.ExplanationTable;
import org.relais.analytics.ScoreTable;

/**
 * {@code explanations.csv}: the analytics table {@code explanations} (why the top actors rank where
 * they do) with the names of the actors and of their contributors, for people who read it in a
 * spreadsheet. It has no copy in the lake: the analytics table is there already.
 */
public final class Explanations {

    public static final String FILE = "explanations.csv";

    public static final String ACTOR_NAME = "actor_name";
    public static final String ITEM_NAME = "item_name";

    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.integer(ExplanationTable.ACTOR_RANK),
            ReportColumn.actorId(ExplanationTable.ACTOR_ID),
            ReportColumn.actorName(ACTOR_NAME, ExplanationTable.ACTOR_ID),
            ReportColumn.code(ExplanationTable.KIND),
            ReportColumn.integer(ExplanationTable.POSITION),
            // A contributor's actor id, or an edge type code: only the former is replaced.
            ReportColumn.actorId(ExplanationTable.ITEM),
            ReportColumn.actorName(ITEM_NAME, ExplanationTable.ITEM),
            ReportColumn.decimal(ExplanationTable.MASS),
            ReportColumn.decimal(ExplanationTable.SHARE));

    private Explanations() {
    }

    /**
     * The explanations with names, ordered by the actor's rank, then kind ({@code baseline},
     * {@code contributor}, {@code other_contributors}, {@code edge_type}), then position.
     */
    public static Dataset<Row> build(Dataset<Row> explanations, Dataset<Row> rankings) {
        Dataset<Row> names = rankings.select(col(ScoreTable.ACTOR_ID).as("n_actor"), col(ScoreTable.LABEL).as("n_name"));
        Dataset<Row> itemNames = rankings.select(col(ScoreTable.ACTOR_ID).as("i_actor"),
                col(ScoreTable.LABEL).as("i_name"));
        Dataset<Row> named = explanations
                .join(names, col(ExplanationTable.ACTOR_ID).equalTo(col("n_actor")), "left")
                .join(itemNames, col(ExplanationTable.KIND).equalTo(ExplanationTable.CONTRIBUTOR)
                        .and(col(ExplanationTable.ITEM).equalTo(col("i_actor"))), "left")
                .withColumn(ACTOR_NAME, col("n_name"))
                .withColumn(ITEM_NAME, when(col(ExplanationTable.KIND).equalTo(ExplanationTable.CONTRIBUTOR),
                        coalesce(col("i_name"), col(ExplanationTable.ITEM))).otherwise(col(ExplanationTable.ITEM)));
        return ReportCsv.select(named, COLUMNS)
                .orderBy(col(ExplanationTable.ACTOR_RANK), kindOrder(), col(ExplanationTable.POSITION));
    }

    /** The kinds in the order a reader adds them up: the baseline, the contributors, the rest, then the edge types. */
    private static Column kindOrder() {
        Column kind = col(ExplanationTable.KIND);
        return when(kind.equalTo(ExplanationTable.BASELINE), 0).when(kind.equalTo(ExplanationTable.CONTRIBUTOR), 1)
                .when(kind.equalTo(ExplanationTable.OTHER_CONTRIBUTORS), 2).otherwise(3);
    }
}
