package org.relais.ingest.kafka;

/** Names of the Kafka headers Relais writes on every record it publishes. */
public final class RecordHeaders {

    /** The {@link org.relais.ingest.format.RecordFormat} name: how ingest parses the value. */
    public static final String FORMAT = "relais.format";
    /** {@code file:line} the record came from, for people reading the quarantine. */
    public static final String SOURCE = "relais.source";

    private RecordHeaders() {
    }
}
