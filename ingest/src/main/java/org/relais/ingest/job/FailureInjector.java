package org.relais.ingest.job;

import java.io.Serializable;

/**
 * A hook the ingest job calls at each point where a real run can die, so that tests can make it
 * die there and check that the re-run neither loses nor duplicates a record. In production it is
 * {@link #NONE}. {@link Point#READ} is called on the executors, once per Kafka record parsed, so an
 * implementation must be serializable (in tests, local mode keeps it in one JVM).
 */
@FunctionalInterface
public interface FailureInjector extends Serializable {

    /** Where the ingest job can be made to fail, in the order a run passes them. */
    enum Point {
        /** While reading records from Kafka, on the executors. */
        READ,
        /** All records read and parsed, nothing written yet. */
        PARSED,
        /** Some tables' new segments written, others not. */
        MID_WRITE,
        /** Every new segment written, the lake's state not yet committed. */
        BEFORE_COMMIT,
        /** The new state committed, the run not yet reported as done. */
        AFTER_COMMIT
    }

    /** Does nothing, or throws to simulate a crash at {@code point}. */
    void at(Point point);

    FailureInjector NONE = point -> { };
}
