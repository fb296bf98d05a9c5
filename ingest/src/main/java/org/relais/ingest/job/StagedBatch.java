package org.relais.ingest.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.relais.ingest.lake.Tables.Table;

/**
 * The parse step's output for one batch, written once to Parquet in the lake's staging area and
 * partitioned by kind, so that each table's new rows are then read back from its own directory,
 * column by column, instead of being kept in memory and filtered out of every record again. The
 * staging directory is not part of the lake: it is deleted once the batch is committed, and a run
 * that dies leaves it for the next run to delete.
 */
final class StagedBatch {

    /** The parse step's columns without {@code kind}, which is the directory partition. */
    private static final StructType ROW_SCHEMA = new StructType(Arrays.stream(RecordParsing.SCHEMA.fields())
            .filter(f -> !f.name().equals(RecordParsing.KIND)).toArray(StructField[]::new));

    private final SparkSession spark;
    private final String path;

    private StagedBatch(SparkSession spark, String path) {
        this.spark = spark;
        this.path = path;
    }

    /** Runs the parse step and writes its output under {@code path}. */
    static StagedBatch write(SparkSession spark, Dataset<Row> parsed, String path) {
        // Staged files live minutes: the fastest codec, not the smallest.
        parsed.write().partitionBy(RecordParsing.KIND).mode("errorifexists").option("compression", "snappy")
                .parquet(path);
        return new StagedBatch(spark, path);
    }

    /** Every output row of the parse step, {@code kind} included. */
    Dataset<Row> all() {
        return spark.read().schema(RecordParsing.SCHEMA).parquet(path);
    }

    /**
     * The new rows of {@code table} with the Kafka order columns, or none when the batch has
     * none (its directory then does not exist).
     */
    Dataset<Row> rowsOf(Table table, boolean any) {
        Column[] columns = java.util.stream.Stream.concat(
                Arrays.stream(table.schema().fieldNames()).map(c -> col(table.name() + "." + c).as(c)),
                java.util.stream.Stream.of(col(RecordParsing.TOPIC), col(RecordParsing.PARTITION),
                        col(RecordParsing.OFFSET), col(RecordParsing.INDEX)))
                .toArray(Column[]::new);
        Dataset<Row> rows = any
                ? spark.read().schema(ROW_SCHEMA).parquet(path + "/" + RecordParsing.KIND + "=" + table.name())
                : spark.createDataFrame(java.util.List.of(), ROW_SCHEMA);
        return rows.select(columns);
    }

    void delete() {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(p, true);
        } catch (IOException e) {
            // Left for the next run's clean-up, which deletes the whole staging area.
        }
    }
}
