package org.relais.reports.tables;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.relais.reports.CsvTable;

/**
 * A column of a report table, defined once for its Parquet copy and its CSV file: its name, its
 * Spark type, how the CSV writes it, and whether it identifies accounts (so that pseudonymised
 * exports replace it).
 *
 * @param actorColumn for {@link Identity#ACTOR_NAME} and {@link Identity#ACTOR_NAMES}: the column
 *     holding the actor id(s) the name(s) belong to
 */
public record ReportColumn(String name, DataType type, CsvTable.Kind kind, Identity identity, String actorColumn) {

    /** Whether, and how, a column names accounts. */
    public enum Identity {
        NONE,
        /** An actor id ({@code twitter:123}); a value that is not an account's id is kept. */
        ACTOR_ID,
        /** The name (handle) of the actor whose id is in {@code actorColumn}. */
        ACTOR_NAME,
        /** A list of actor ids. */
        ACTOR_IDS,
        /** A list of names, one per actor id in the list in {@code actorColumn}. */
        ACTOR_NAMES
    }

    /** The separator of list cells in CSV files ({@code top_members}, {@code top_hashtags}, ...). */
    public static final String LIST_SEPARATOR = ";";

    static ReportColumn code(String name) {
        return new ReportColumn(name, DataTypes.StringType, CsvTable.Kind.CODE, Identity.NONE, null);
    }

    static ReportColumn integer(String name) {
        return new ReportColumn(name, DataTypes.IntegerType, CsvTable.Kind.NUMBER, Identity.NONE, null);
    }

    static ReportColumn decimal(String name) {
        return new ReportColumn(name, DataTypes.DoubleType, CsvTable.Kind.NUMBER, Identity.NONE, null);
    }

    /** A list of free text, {@value #LIST_SEPARATOR}-separated in one CSV cell. */
    static ReportColumn textList(String name) {
        return new ReportColumn(name, DataTypes.createArrayType(DataTypes.StringType, true), CsvTable.Kind.TEXT,
                Identity.NONE, null);
    }

    /**
     * Actor ids are written as text (neutralised) rather than as codes: the part after the
     * platform comes from the input data.
     */
    static ReportColumn actorId(String name) {
        return new ReportColumn(name, DataTypes.StringType, CsvTable.Kind.TEXT, Identity.ACTOR_ID, null);
    }

    static ReportColumn actorName(String name, String actorColumn) {
        return new ReportColumn(name, DataTypes.StringType, CsvTable.Kind.TEXT, Identity.ACTOR_NAME, actorColumn);
    }

    static ReportColumn actorIds(String name) {
        return new ReportColumn(name, DataTypes.createArrayType(DataTypes.StringType, true), CsvTable.Kind.TEXT,
                Identity.ACTOR_IDS, null);
    }

    static ReportColumn actorNames(String name, String actorColumn) {
        return new ReportColumn(name, DataTypes.createArrayType(DataTypes.StringType, true), CsvTable.Kind.TEXT,
                Identity.ACTOR_NAMES, actorColumn);
    }
}
