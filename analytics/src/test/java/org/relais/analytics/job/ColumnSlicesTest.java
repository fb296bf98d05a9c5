package org.relais.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.ingest.testing.SparkExtension;

/** A driver-side table becomes a DataFrame slice by slice, with the same rows in the same order. */
class ColumnSlicesTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    @Test
    void fiveRowsInSlicesOfTwoGiveThreePartitionsAndEveryValue() {
        double[] reach = {0.5, Double.NaN, 0.25, 1.0, Double.NaN};
        Dataset<Row> df = new ColumnSlices("v", 5, 2)
                .ints("k", v -> 10 * v)
                .doubles("x", v -> v / 4.0)
                .nullableDoubles("reach", v -> reach[v])
                .strings("members", v -> v % 2 == 0 ? new String[] {"a" + v, "b" + v} : new String[0])
                .toDataFrame(spark.session());
        assertEquals(3, df.rdd().getNumPartitions(), "one partition per slice");
        assertEquals("struct<v:int,k:int,x:double,reach:double,members:array<string>>", df.schema().simpleString());
        List<String> rows = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            rows.add(r.getInt(0) + " " + r.getInt(1) + " " + r.getDouble(2) + " " + r.get(3) + " " + r.getList(4));
        }
        assertEquals(List.of("0 0 0.0 0.5 [a0, b0]", "1 10 0.25 null []", "2 20 0.5 0.25 [a2, b2]",
                "3 30 0.75 1.0 []", "4 40 1.0 null [a4, b4]"), rows, "NaN stands for null where the column allows");
        assertEquals(0, new ColumnSlices("v", 0).doubles("x", v -> 1).toDataFrame(spark.session()).count());
    }

    @Test
    void sizesAreChecked() {
        assertEquals("rows was -1, but must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> new ColumnSlices("v", -1)).getMessage());
        assertEquals("rowsPerSlice was 0, but must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> new ColumnSlices("v", 3, 0)).getMessage());
    }
}
