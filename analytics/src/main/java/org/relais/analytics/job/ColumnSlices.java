package org.relais.analytics.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A table computed in the driver, one value per row number (a vertex, a community), turned into a
 * DataFrame without building its rows in the driver: the values are copied into primitive arrays,
 * one slice of {@link #ROWS_PER_SLICE} rows per Spark partition, and each partition makes its
 * {@code Row}s as Spark reads it. The driver holds the slices, about 4 bytes per {@code int} and 8
 * per {@code double} value, against some 400 bytes per row of 20 boxed values as a {@code List<Row>}.
 */
final class ColumnSlices {

    /** Rows per slice, and so per partition of the DataFrame. */
    static final int ROWS_PER_SLICE = 100_000;

    private enum Kind { INT, DOUBLE, NULLABLE_DOUBLE, STRINGS }

    private final int rows;
    private final int rowsPerSlice;
    private StructType schema;
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /**
     * @param numberColumn the name of the first column, the row number {@code 0..rows-1}
     */
    ColumnSlices(String numberColumn, int rows) {
        this(numberColumn, rows, ROWS_PER_SLICE);
    }

    ColumnSlices(String numberColumn, int rows, int rowsPerSlice) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows was " + rows + ", but must be >= 0");
        }
        if (rowsPerSlice < 1) {
            throw new IllegalArgumentException("rowsPerSlice was " + rowsPerSlice + ", but must be >= 1");
        }
        this.rows = rows;
        this.rowsPerSlice = rowsPerSlice;
        this.schema = new StructType().add(numberColumn, DataTypes.IntegerType, false);
    }

    ColumnSlices ints(String name, IntUnaryOperator value) {
        return add(name, DataTypes.IntegerType, false, Kind.INT, value);
    }

    ColumnSlices doubles(String name, IntToDoubleFunction value) {
        return add(name, DataTypes.DoubleType, false, Kind.DOUBLE, value);
    }

    /** A {@code double} column in which NaN stands for null. */
    ColumnSlices nullableDoubles(String name, IntToDoubleFunction value) {
        return add(name, DataTypes.DoubleType, true, Kind.NULLABLE_DOUBLE, value);
    }

    /** An array-of-strings column. */
    ColumnSlices strings(String name, IntFunction<String[]> value) {
        return add(name, DataTypes.createArrayType(DataTypes.StringType, false), false, Kind.STRINGS, value);
    }

    private ColumnSlices add(String name, DataType type, boolean nullable, Kind kind, Object value) {
        schema = schema.add(name, type, nullable);
        kinds.add(kind);
        values.add(value);
        return this;
    }

    StructType schema() {
        return schema;
    }

    /** The slices: every value computed now, once. */
    List<Slice> slices() {
        List<Slice> slices = new ArrayList<>();
        Kind[] k = kinds.toArray(Kind[]::new);
        for (int from = 0; from < rows; from += rowsPerSlice) {
            int size = Math.min(rowsPerSlice, rows - from);
            Object[] columns = new Object[k.length];
            for (int c = 0; c < k.length; c++) {
                columns[c] = copy(k[c], values.get(c), from, size);
            }
            slices.add(new Slice(from, size, k, columns));
        }
        return slices;
    }

    /** The table as a DataFrame of {@link #schema()}, one partition per slice. */
    Dataset<Row> toDataFrame(SparkSession spark) {
        List<Slice> slices = slices();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(slices, Math.max(1, slices.size())).flatMap(Slice::rows),
                schema);
    }

    private static Object copy(Kind kind, Object value, int from, int size) {
        switch (kind) {
            case INT: {
                IntUnaryOperator f = (IntUnaryOperator) value;
                int[] a = new int[size];
                for (int i = 0; i < size; i++) {
                    a[i] = f.applyAsInt(from + i);
                }
                return a;
            }
            case DOUBLE:
            case NULLABLE_DOUBLE: {
                IntToDoubleFunction f = (IntToDoubleFunction) value;
                double[] a = new double[size];
                for (int i = 0; i < size; i++) {
                    a[i] = f.applyAsDouble(from + i);
                }
                return a;
            }
            default: {
                @SuppressWarnings("unchecked")
                IntFunction<String[]> f = (IntFunction<String[]>) value;
                String[][] a = new String[size][];
                for (int i = 0; i < size; i++) {
                    a[i] = f.apply(from + i);
                }
                return a;
            }
        }
    }

    /** One slice of rows, its values in primitive arrays; shipped to the executor that makes its rows. */
    static final class Slice implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int from;
        private final int size;
        private final Kind[] kinds;
        private final Object[] columns;

        Slice(int from, int size, Kind[] kinds, Object[] columns) {
            this.from = from;
            this.size = size;
            this.kinds = kinds;
            this.columns = columns;
        }

        Iterator<Row> rows() {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < size;
                }

                @Override
                public Row next() {
                    if (i == size) {
                        throw new NoSuchElementException();
                    }
                    Object[] row = new Object[kinds.length + 1];
                    row[0] = from + i;
                    for (int c = 0; c < kinds.length; c++) {
                        row[c + 1] = value(c, i);
                    }
                    i++;
                    return RowFactory.create(row);
                }
            };
        }

        private Object value(int c, int i) {
            switch (kinds[c]) {
                case INT:
                    return ((int[]) columns[c])[i];
                case DOUBLE:
                    return ((double[]) columns[c])[i];
                case NULLABLE_DOUBLE: {
                    double v = ((double[]) columns[c])[i];
                    return Double.isNaN(v) ? null : v;
                }
                default:
                    return ((String[][]) columns[c])[i];
            }
        }
    }
}
