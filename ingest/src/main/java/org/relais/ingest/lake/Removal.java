package org.relais.ingest.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a merge must take out of a table besides duplicates: the rows that deletions remove. New
 * rows are checked against every deletion ever received (a deleted post published again stays
 * deleted); stored rows only against the deletions of this batch, since earlier ones were applied
 * when they arrived.
 */
public interface Removal {

    /** The new rows that no deletion removes. */
    Dataset<Row> keepIncoming(Dataset<Row> rows);

    /** The stored rows that this batch's deletions do not remove. */
    Dataset<Row> keepStored(Dataset<Row> rows);

    /** Whether this batch's deletions may remove stored rows of the table at all. */
    boolean touchesStored();

    /**
     * Removes the stored rows whose {@code column} (a timestamp) is before {@code cutoff}: rows
     * kept for a time only. New rows are kept.
     */
    static Removal storedBefore(String column, Instant cutoff) {
        return new Removal() {
            @Override
            public Dataset<Row> keepIncoming(Dataset<Row> rows) {
                return rows;
            }

            @Override
            public Dataset<Row> keepStored(Dataset<Row> rows) {
                return rows.filter(col(column).geq(lit(Timestamp.from(cutoff))));
            }

            @Override
            public boolean touchesStored() {
                return true;
            }
        };
    }

    /** What {@code first} and {@code second} remove, together. */
    static Removal both(Removal first, Removal second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new Removal() {
            @Override
            public Dataset<Row> keepIncoming(Dataset<Row> rows) {
                return second.keepIncoming(first.keepIncoming(rows));
            }

            @Override
            public Dataset<Row> keepStored(Dataset<Row> rows) {
                return second.keepStored(first.keepStored(rows));
            }

            @Override
            public boolean touchesStored() {
                return first.touchesStored() || second.touchesStored();
            }
        };
    }

    /** Removes nothing. */
    Removal NONE = new Removal() {
        @Override
        public Dataset<Row> keepIncoming(Dataset<Row> rows) {
            return rows;
        }

        @Override
        public Dataset<Row> keepStored(Dataset<Row> rows) {
            return rows;
        }

        @Override
        public boolean touchesStored() {
            return false;
        }
    };
}
