package org.relais.ingest.format;

/** An input file (or a format name) that cannot be used at all; the message says why. */
public final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
