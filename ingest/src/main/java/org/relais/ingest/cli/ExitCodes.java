package org.relais.ingest.cli;

/** Exit codes of every {@code bin/relais} command; docs/operations.md lists them for schedulers. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** A stage failed; the message names the stage and the cause. */
    public static final int FAILED = 1;
    /** Wrong options or arguments (picocli's convention). */
    public static final int USAGE = 2;
    /** The configuration is invalid; every problem is listed. */
    public static final int CONFIG = 3;
    /** Kafka could not be reached within the configured time. */
    public static final int KAFKA_UNAVAILABLE = 4;
    /** Another run holds the lake. */
    public static final int LAKE_LOCKED = 5;
    /**
     * Bad records. For the jobs: too large a share of the batch was bad, and nothing was committed.
     * For {@code produce}: records were rejected and not published (the others were).
     */
    public static final int TOO_MANY_BAD_RECORDS = 6;

    private ExitCodes() {
    }
}
