package org.relais.ingest.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.lake.Tables.Table;

/**
 * The parse step's output for one batch: each table's new rows, written by the tasks that parsed
 * them ({@link SliceIngest}) to {@code <staging>/<table>/slice-NNNNN.parquet}, with the table's own
 * columns only. A slice file's rows are in Kafka order, so that the slice number and the row's
 * position in its file ({@value #SLICE}, {@value #ROW}) give the order in which the merge breaks
 * ties. When a table's rows need no merging (nothing repeated, nothing stored to compare with),
 * its staged directory becomes the new segment as it is ({@link #directory}).
 *
 * <p>The staging directory is not part of the lake: what is left of it once the batch is
 * committed is deleted, and a run that dies leaves it for the next run to delete.
 */
final class StagedBatch {

    /** The order of a staged row: its slice's number ... */
    static final String SLICE = "_slice";
    /** ... then its position in the slice's file. */
    static final String ROW = "_row";
    static final List<String> ORDER = List.of(SLICE, ROW);

    private final SparkSession spark;
    private final String path;
    private final BatchCounts counts;
    private final Set<String> distinctKeys;

    private StagedBatch(SparkSession spark, String path, BatchCounts counts, Set<String> distinctKeys) {
        this.spark = spark;
        this.path = path;
        this.counts = counts;
        this.distinctKeys = Set.copyOf(distinctKeys);
    }

    /**
     * Reads and parses {@code slices} on the executors, one task per slice, writing under
     * {@code path}.
     *
     * @throws SliceIngest.KafkaReadException when a slice could not be read from Kafka
     */
    static StagedBatch write(SparkSession spark, List<KafkaSlice> slices, SliceIngest task, String path)
            throws SliceIngest.KafkaReadException {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.setJobDescription("ingest: read and parse " + slices.size() + " slice(s) of Kafka");
        try {
            List<SliceIngest.Result> results = context.parallelize(slices, Math.max(1, slices.size())).map(task)
                    .collect();
            BatchCounts counts = new BatchCounts();
            results.forEach(r -> counts.add(r.counts()));
            Set<String> distinct = new HashSet<>();
            if (results.stream().allMatch(r -> r.keyHashes() != null)) {
                List<KeyHashes> hashes = results.stream().map(SliceIngest.Result::keyHashes).toList();
                for (Table table : Tables.ingested()) {
                    if (KeyHashes.allDistinct(hashes, table)) {
                        distinct.add(table.name());
                    }
                }
            }
            removeAttemptLeftovers(spark, path);
            return new StagedBatch(spark, path, counts, distinct);
        } catch (Exception e) {
            // A task's failure arrives as Spark's SparkException (checked, though undeclared), its
            // cause the task's exception.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SliceIngest.KafkaReadException k) {
                    throw new SliceIngest.KafkaReadException(k.getMessage(), e);
                }
            }
            throw e;
        } finally {
            context.setJobDescription(null);
        }
    }

    /**
     * Deletes the hidden files of task attempts that died without cleaning up (an executor lost),
     * so that they never travel into a segment.
     */
    private static void removeAttemptLeftovers(SparkSession spark, String path) {
        Path root = new Path(path);
        try {
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(root)) {
                return;
            }
            for (FileStatus table : fs.listStatus(root)) {
                for (FileStatus file : fs.listStatus(table.getPath())) {
                    if (file.getPath().getName().matches("\\.slice-\\d+\\.parquet\\.\\d+")) {
                        fs.delete(file.getPath(), false);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clean up the staging area " + root, e);
        }
    }

    /** What the parse step counted. */
    BatchCounts counts() {
        return counts;
    }

    /**
     * Whether {@code table}'s new rows are known to repeat no key (from their {@link KeyHashes});
     * false when unknown.
     */
    boolean keysDistinct(Table table) {
        return distinctKeys.contains(table.name());
    }

    /** The directory of {@code table}'s staged files (it exists when the table has rows). */
    String directory(Table table) {
        return new Path(path, table.name()).toString();
    }

    /**
     * The new rows of {@code table} with the order columns {@link #ORDER}; none when the batch has
     * none (its directory then does not exist).
     */
    Dataset<Row> rowsOf(Table table) {
        Column[] columns = Stream.concat(Arrays.stream(table.schema().fieldNames()).map(c -> col(c)),
                Stream.of(regexp_extract(col("_metadata.file_name"), "slice-(\\d+)", 1).cast("int").as(SLICE),
                        col("_metadata.row_index").as(ROW)))
                .toArray(Column[]::new);
        if (counts.rows(table) == 0) {
            return spark.createDataFrame(List.of(), table.schema())
                    .select(Stream.concat(Arrays.stream(table.schema().fieldNames()).map(c -> col(c)),
                            Stream.of(lit(0).as(SLICE), lit(0L).as(ROW))).toArray(Column[]::new));
        }
        return spark.read().schema(table.schema()).parquet(directory(table)).select(columns);
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
