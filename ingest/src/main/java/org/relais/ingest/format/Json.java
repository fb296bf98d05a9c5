package org.relais.ingest.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/** The one Jackson mapper of the formats, and parsing a record into a {@link JsonObject}. */
final class Json {

    /**
     * Thread-safe once configured, and costly to create: one for the JVM. Trailing content after
     * the document is an error, so that two documents glued on one line are not half-read; the
     * record's text is kept out of error locations, since it may be large.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    /**
     * Parses one JSON document that must be an object.
     *
     * @param what what the record is, for messages ("record", "page")
     * @throws BadRecordException {@link Reason#INVALID_UTF8}, {@link Reason#MALFORMED_JSON}, or
     *     {@link Reason#WRONG_TYPE} when the document is not an object
     */
    static JsonObject parseObject(byte[] value, String what) throws BadRecordException {
        String text = Utf8.decode(value, what);
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRecordException(Reason.MALFORMED_JSON,
                    what + " is not valid JSON: " + e.getOriginalMessage() + location(e.getLocation()));
        }
        if (node == null || node.isMissingNode()) {
            throw new BadRecordException(Reason.MALFORMED_JSON, what + " is empty");
        }
        if (!node.isObject()) {
            throw new BadRecordException(Reason.WRONG_TYPE, what + " must be a JSON object, but was " + typeName(node));
        }
        return JsonObject.root(node);
    }

    /** How a node's type is named in messages: object, array, string, number, boolean, null. */
    static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
