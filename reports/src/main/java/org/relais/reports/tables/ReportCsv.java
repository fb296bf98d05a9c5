package org.relais.reports.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.relais.reports.CsvTable;
import org.relais.reports.privacy.Pseudonymizer;

/**
 * Writes rows of a report table to CSV through {@link CsvTable} (so every report shares its
 * conventions), picking the columns by name, joining list columns into one
 * {@value ReportColumn#LIST_SEPARATOR}-separated cell, and, when a {@link Pseudonymizer} is given,
 * replacing the columns that identify accounts.
 */
public final class ReportCsv {

    private final List<ReportColumn> columns;
    private final Pseudonymizer pseudonymizer;

    /**
     * @param pseudonymizer null to write identifiers as they are
     */
    public ReportCsv(List<ReportColumn> columns, Pseudonymizer pseudonymizer) {
        this.columns = List.copyOf(columns);
        this.pseudonymizer = pseudonymizer;
    }

    /** The Spark schema of these columns, for the table's Parquet copy. */
    public static StructType schema(List<ReportColumn> columns) {
        StructType schema = new StructType();
        for (ReportColumn c : columns) {
            schema = schema.add(new StructField(c.name(), c.type(), true, org.apache.spark.sql.types.Metadata.empty()));
        }
        return schema;
    }

    /** {@code rows} reduced to {@code columns}, in order, cast to their types. */
    public static Dataset<Row> select(Dataset<Row> rows, List<ReportColumn> columns) {
        return rows.select(columns.stream()
                .map(c -> functions.col(c.name()).cast(c.type()).as(c.name()))
                .toArray(Column[]::new));
    }

    public List<String> header() {
        return columns.stream().map(ReportColumn::name).toList();
    }

    /** Writes the header and every row; returns the number of rows written. */
    public long write(Path file, Iterator<Row> rows) throws IOException {
        CsvTable table = new CsvTable(columns.stream().map(c -> new CsvTable.Column(c.name(), c.kind())).toList());
        long[] count = new long[1];
        table.write(file, new Iterator<List<?>>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<?> next() {
                Row row = rows.next();
                count[0]++;
                return values(row);
            }
        });
        return count[0];
    }

    /** One row's cell values, in column order, before CSV formatting. */
    List<Object> values(Row row) {
        List<Object> values = new ArrayList<>(columns.size());
        for (ReportColumn c : columns) {
            values.add(value(row, c));
        }
        return values;
    }

    private Object value(Row row, ReportColumn c) {
        Object raw = row.get(row.fieldIndex(c.name()));
        if (raw == null) {
            return null;
        }
        Pseudonymizer p = pseudonymizer;
        return switch (c.identity()) {
            case NONE -> isList(c) ? join(row.getList(row.fieldIndex(c.name()))) : raw;
            case ACTOR_ID -> p == null ? raw : p.actorId((String) raw);
            case ACTOR_NAME -> p == null ? raw : p.name(row.getAs(c.actorColumn()), (String) raw);
            case ACTOR_IDS -> {
                List<String> ids = row.getList(row.fieldIndex(c.name()));
                yield join(p == null ? ids : p.actorIds(ids));
            }
            case ACTOR_NAMES -> {
                List<String> names = row.getList(row.fieldIndex(c.name()));
                if (p == null) {
                    yield join(names);
                }
                List<String> ids = row.getList(row.fieldIndex(c.actorColumn()));
                if (ids.size() != names.size()) {
                    throw new IllegalStateException(c.name() + " has " + names.size() + " names for " + ids.size()
                            + " actors in " + c.actorColumn());
                }
                List<String> out = new ArrayList<>(names.size());
                for (int i = 0; i < names.size(); i++) {
                    out.add(p.name(ids.get(i), names.get(i)));
                }
                yield join(out);
            }
        };
    }

    private static boolean isList(ReportColumn c) {
        return c.type() instanceof org.apache.spark.sql.types.ArrayType;
    }

    private static String join(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(ReportColumn.LIST_SEPARATOR);
            }
            Object v = values.get(i);
            sb.append(v == null ? "" : v);
        }
        return sb.toString();
    }
}
