package org.relais.ingest.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.testing.SparkExtension;

/** Per-run output tables: replacing a run date's partition, and cleaning up after one that stopped. */
class LakePartitionTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    private static final StructType SCHEMA = new StructType().add("actor_id", DataTypes.StringType)
            .add("pagerank", DataTypes.DoubleType);

    @TempDir
    Path dir;

    private Lake lake;

    @BeforeEach
    void open() {
        lake = Lake.open(dir.toString(), spark.session());
    }

    @AfterEach
    void unhook() {
        HookedFileSystem.reset();
    }

    @Test
    void aPartitionIsReplacedWhole() {
        lake.replacePartition(rows("a", "b"), "scores", "2026-11-21");
        lake.replacePartition(rows("c"), "scores", "2026-11-21");
        assertEquals(List.of("c"), actors(lake, "2026-11-21"));
        assertEquals(List.of("run_date=2026-11-21"), entries("scores"), "nothing left beside it");
    }

    @Test
    void aWriteThatFailsLeavesThePreviousPartition() {
        lake.replacePartition(rows("a", "b"), "scores", "2026-11-21");
        UDF1<String, String> fails = id -> {
            throw new IllegalStateException("no score for " + id);
        };
        Dataset<Row> failing = rows("c", "d").withColumn("actor_id",
                functions.udf(fails, DataTypes.StringType).apply(functions.col("actor_id")));

        Exception e = assertThrows(Exception.class, () -> lake.replacePartition(failing, "scores", "2026-11-21"));
        assertTrue(chain(e).contains("no score for"), "the task's own error is thrown: " + chain(e));
        assertEquals(List.of("a", "b"), actors(lake, "2026-11-21"));
        assertEquals(List.of("run_date=2026-11-21"), entries("scores"), "no staging directory left");
    }

    @Test
    void aMoveIntoPlaceThatFailsPutsThePreviousPartitionBack() {
        lake.replacePartition(rows("a", "b"), "scores", "2026-11-21");
        Lake hooked = Lake.open(dir.toString(), HookedFileSystem.conf());
        HookedFileSystem.failRename = (src, dst) -> src.getName().startsWith(Lake.STAGING_PREFIX);

        Lake.LakeException e = assertThrows(Lake.LakeException.class,
                () -> hooked.replacePartition(rows("c"), "scores", "2026-11-21"));
        assertTrue(e.getMessage().startsWith("cannot write scores for 2026-11-21: cannot move "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the previous partition was put back"), e.getMessage());
        assertEquals(List.of("a", "b"), actors(lake, "2026-11-21"));
        assertEquals(List.of("run_date=2026-11-21"), entries("scores"), "no staging or replaced directory left");
    }

    @Test
    void aFirstPartitionThatCannotBeMovedIntoPlaceIsReportedAndLeavesNothing() {
        Lake hooked = Lake.open(dir.toString(), HookedFileSystem.conf());
        HookedFileSystem.failRename = (src, dst) -> src.getName().startsWith(Lake.STAGING_PREFIX);
        Lake.LakeException e = assertThrows(Lake.LakeException.class,
                () -> hooked.replacePartition(rows("c"), "scores", "2026-11-21"));
        assertTrue(e.getMessage().endsWith("; there was no previous partition"), e.getMessage());
        assertEquals(List.of(), entries("scores"));
    }

    @Test
    void leftoversOfReplacementsThatStoppedAreRemovedAndAPartitionMovedAsideIsPutBack() throws IOException {
        lake.replacePartition(rows("a"), "scores", "2026-11-20");
        lake.replacePartition(rows("b"), "scores", "2026-11-21");
        lake.replacePartition(rows("r"), "rankings", "2026-11-21");
        // A run stopped while writing a new partition; another after moving the old one aside but
        // before deleting it; a third between moving the old one aside and the new one in.
        write(rows("x"), "scores/_staging-1");
        write(rows("old"), "scores/_replaced-2/run_date=2026-11-21");
        write(rows("z"), "scores/_replaced-3/run_date=2026-11-19");
        // An older version moved partitions aside without their run date: not the lake's to guess.
        write(rows("unknown"), "rankings/_replaced-4");

        assertEquals(0, lake.removeOrphans(), "no segment was orphaned");

        assertEquals(List.of("_replaced-4", "run_date=2026-11-21"), entries("rankings"));
        assertEquals(List.of("run_date=2026-11-19", "run_date=2026-11-20", "run_date=2026-11-21"), entries("scores"));
        assertEquals(List.of("z"), actors(lake, "2026-11-19"));
        assertEquals(List.of("a"), actors(lake, "2026-11-20"));
        assertEquals(List.of("b"), actors(lake, "2026-11-21"));
    }

    private Dataset<Row> rows(String... actors) {
        List<Row> rows = Stream.of(actors).map(a -> RowFactory.create(a, 0.5)).collect(Collectors.toList());
        return spark.session().createDataFrame(rows, SCHEMA);
    }

    private void write(Dataset<Row> rows, String path) {
        rows.write().mode(SaveMode.ErrorIfExists).parquet(dir.resolve(path).toString());
    }

    private static List<String> actors(Lake lake, String runDate) {
        return lake.readPartition(spark.session(), "scores", runDate, SCHEMA).select("actor_id").orderBy("actor_id")
                .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toList());
    }

    /** The names in a table's directory, hidden files (checksums) aside, sorted. */
    private List<String> entries(String table) {
        Path tableDir = dir.resolve(table);
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tableDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
