package org.relais.app;

/** A stage of a run failed; the message is one line naming the stage and the cause. */
public final class StageFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final int exitCode;

    public StageFailedException(String stage, String cause, int exitCode, Throwable error) {
        super("stage " + stage + " failed: " + cause, error);
        this.stage = stage;
        this.exitCode = exitCode;
    }

    public String stage() {
        return stage;
    }

    public int exitCode() {
        return exitCode;
    }
}
