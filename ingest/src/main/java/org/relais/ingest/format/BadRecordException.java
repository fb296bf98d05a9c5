package org.relais.ingest.format;

import java.util.Objects;

/** A record that cannot be parsed; it goes to quarantine with {@link #reason()} and the message. */
public final class BadRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public BadRecordException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
