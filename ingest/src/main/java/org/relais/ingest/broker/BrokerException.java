package org.relais.ingest.broker;

/** A local broker that cannot be started or reached; the message says why and what to do. */
public final class BrokerException extends Exception {

    private static final long serialVersionUID = 1L;

    public BrokerException(String message) {
        super(message);
    }
}
