package org.relais.analytics.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.Tables;

/** A lake made by hand: each table written as one segment and committed as version 1, as ingest would. */
final class TestLake {

    private TestLake() {
    }

    /**
     * A lake at {@code dir} holding the given rows; tables without rows are left out of the state
     * (the lake reads them as empty).
     */
    static Lake create(SparkSession spark, Path dir, Map<Tables.Table, List<Row>> tables) {
        Lake lake = Lake.open(dir.toString(), spark);
        Map<String, List<String>> segments = new TreeMap<>();
        String segment = lake.segmentName(1);
        tables.forEach((table, rows) -> {
            if (!rows.isEmpty()) {
                spark.createDataFrame(rows, table.schema()).write().parquet(lake.segmentPath(table.name(), segment));
                segments.put(table.name(), List.of(segment));
            }
        });
        lake.commit(new LakeState(1, Instant.parse("2026-11-21T02:00:00Z"), segments, Map.of(), null));
        return lake;
    }
}
