package org.relais.ingest.format;

/** Why a record went to quarantine; {@link #code()} is what the quarantine table stores. */
public enum Reason {
    /** Not valid JSON, or a JSON document cut short. */
    MALFORMED_JSON("malformed_json"),
    /** A CSV row that does not parse or has the wrong number of columns. */
    MALFORMED_CSV("malformed_csv"),
    /** Bytes that are not valid UTF-8. */
    INVALID_UTF8("invalid_utf8"),
    /** A required field is absent or empty. */
    MISSING_FIELD("missing_field"),
    /** A field has the wrong JSON type or a value that does not parse (a date, a number). */
    WRONG_TYPE("wrong_type"),
    /** Larger than the configured maximum record size. */
    OVERSIZED("oversized"),
    /** The record names a format this version does not know, or none. */
    UNKNOWN_FORMAT("unknown_format"),
    /** A timestamp before 2006 or in the future. */
    TIMESTAMP_OUT_OF_RANGE("timestamp_out_of_range"),
    /** Valid in itself, but not a kind of record this format describes. */
    UNSUPPORTED_RECORD("unsupported_record");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
