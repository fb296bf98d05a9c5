package org.relais.ingest.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** The longest string Jackson builds; a longer one is an error. */
    private static final int MAX_SKIPPED_STRING = MAPPER.getFactory().streamReadConstraints().getMaxStringLength();

    /** Reads trees with the mapper's settings, its type resolved once rather than at every record. */
    private static final ObjectReader TREES = MAPPER.readerFor(JsonNode.class);

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
        checkEncoding(value, what);
        try {
            return object(TREES.readTree(value), what);
        } catch (JsonProcessingException e) {
            throw malformed(e, what);
        } catch (IOException e) {
            // Reading from a byte array does no I/O: this is not expected.
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Parses one JSON document that must be an object, building only the fields {@code fields}
     * keeps ({@link JsonFields#ALL}: every field, Jackson's own tree): the same checks, the same
     * values for those fields, the same errors (a document that
     * does not parse is parsed again in full, which reports it as {@link #parseObject(byte[],
     * String)} does, and so is one long enough to hold a string longer than Jackson allows).
     */
    static JsonObject parseObject(byte[] value, String what, JsonFields fields) throws BadRecordException {
        if (fields == JsonFields.ALL) {
            return parseObject(value, what);
        }
        checkEncoding(value, what);
        if (value.length > MAX_SKIPPED_STRING) {
            // Jackson checks a string's length when it builds it, and skipping builds nothing: a
            // record that could hold too long a string is parsed in full, which checks them all.
            return parseObject(value, what);
        }
        JsonNode node;
        try (JsonParser parser = MAPPER.getFactory().createParser(value)) {
            node = parser.nextToken() == null ? null : read(parser, fields);
            if (parser.nextToken() != null) {
                return parseObject(value, what);
            }
        } catch (IOException | StackOverflowError e) {
            // Not valid JSON, or nested deeper than this thread's stack allows the reader below:
            // the full parse reports it, and reads any depth Jackson accepts.
            return parseObject(value, what);
        }
        return object(node, what);
    }

    /**
     * The value at the parser's current token, with only the fields {@code keep} keeps, as the
     * mapper's tree reader builds it.
     */
    private static JsonNode read(JsonParser parser, JsonFields keep) throws IOException {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        switch (parser.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    JsonFields nested = keep.of(name);
                    parser.nextToken();
                    if (nested == null) {
                        parser.skipChildren();
                    } else {
                        object.set(name, read(parser, nested));
                    }
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, keep));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return nodes.numberNode(parser.getIntValue());
                    case LONG:
                        return nodes.numberNode(parser.getLongValue());
                    default:
                        return nodes.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                        ? nodes.numberNode(parser.getDecimalValue())
                        : nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new JsonParseException(parser, "unexpected token " + parser.currentToken());
        }
    }

    private static void checkEncoding(byte[] value, String what) throws BadRecordException {
        // Jackson reads the bytes as UTF-8 itself, faster than from a decoded String, but would
        // let some malformed sequences through: they are checked first, without decoding.
        Utf8.check(value, what);
        // Jackson guesses the encoding of bytes: it would read UTF-16 or UTF-32 text (a NUL byte
        // in the first two, '{' being 00 7B or 7B 00) and skip a byte order mark. Records are UTF-8
        // JSON, without a mark.
        if ((value.length > 0 && value[0] == 0) || (value.length > 1 && value[1] == 0)) {
            throw new BadRecordException(Reason.MALFORMED_JSON,
                    what + " is not valid JSON: it starts with a NUL byte (UTF-16 or UTF-32 text?)");
        }
        if (value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF) {
            throw new BadRecordException(Reason.MALFORMED_JSON, what + " is not valid JSON: it starts with a byte"
                    + " order mark");
        }
    }

    private static JsonObject object(JsonNode node, String what) throws BadRecordException {
        if (node == null || node.isMissingNode()) {
            throw new BadRecordException(Reason.MALFORMED_JSON, what + " is empty");
        }
        if (!node.isObject()) {
            throw new BadRecordException(Reason.WRONG_TYPE, what + " must be a JSON object, but was " + typeName(node));
        }
        return JsonObject.root(node);
    }

    private static BadRecordException malformed(JsonProcessingException e, String what) {
        return new BadRecordException(Reason.MALFORMED_JSON,
                what + " is not valid JSON: " + e.getOriginalMessage() + location(e.getLocation()));
    }

    /**
     * Reads the scalar fields at {@code paths} ({@code "id_str"}, {@code "delete.status.id_str"})
     * with a streaming parser that descends only into objects on the way to one of them, and stops
     * at the first problem, keeping what it read until then: for Kafka keys at publish time, which
     * must stay cheap and must not fail on a bad record. Strings and integers count; other values are
     * not found. A repeated field keeps its last value, as parsing does.
     *
     * @return the values found, by path
     */
    static Map<String, String> peek(byte[] value, Set<String> paths) {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(value)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                peekObject(parser, "", paths, found);
            }
        } catch (IOException e) {
            // A broken record keeps the fields read before the break; parsing will reject it.
        }
        return found;
    }

    private static void peekObject(JsonParser parser, String prefix, Set<String> paths, Map<String, String> found)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && leadsToAny(path + ".", paths)) {
                peekObject(parser, path + ".", paths, found);
            } else if ((value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) && paths.contains(path)) {
                found.put(path, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
    }

    private static boolean leadsToAny(String prefix, Set<String> paths) {
        for (String path : paths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
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
