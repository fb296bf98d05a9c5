package org.relais.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object read from a record, with typed field access whose errors name the field by its
 * path in the record ({@code data[3].entities.mentions[0].id}).
 *
 * <p>Conventions for every accessor: an absent field, a JSON {@code null} and an empty string all
 * mean "not given"; the optional accessors return {@code null} (or an empty list) for them, the
 * {@code required} ones throw {@link Reason#MISSING_FIELD}. A value of another JSON type throws
 * {@link Reason#WRONG_TYPE}. Unknown fields are ignored, so that producers may add fields.
 *
 * <p>The path is only built when a message needs it.
 */
final class JsonObject {

    private final JsonNode node;
    private final JsonObject parent;
    private final String name;
    /** Index in the array named {@link #name}, or -1 when this object is the field itself. */
    private final int index;

    private JsonObject(JsonNode node, JsonObject parent, String name, int index) {
        this.node = node;
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    static JsonObject root(JsonNode node) {
        return new JsonObject(node, null, null, -1);
    }

    /** The path of this object in the record; empty for the record itself. */
    String path() {
        if (parent == null) {
            return "";
        }
        String field = parent.path(name);
        return index < 0 ? field : field + "[" + index + "]";
    }

    /** The path of one of this object's fields. */
    String path(String field) {
        String path = path();
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Whether the object has no fields at all: {@code {}}, which twarc2 writes for a user it could not expand. */
    boolean isEmpty() {
        return node.isEmpty();
    }

    /** The names of the object's fields, in the order they appear. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether the field is present and not {@code null}. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String text(String field) throws BadRecordException {
        JsonNode value = given(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, value, "a string");
        }
        return value.textValue();
    }

    String requiredText(String field) throws BadRecordException {
        return required(field, text(field));
    }

    /**
     * An identifier: a string, or an integer, since some producers write numeric ids (Jackson keeps
     * them exact, however long).
     */
    String id(String field) throws BadRecordException {
        JsonNode value = given(field);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw wrongType(field, value, "a string or an integer");
    }

    String requiredId(String field) throws BadRecordException {
        return required(field, id(field));
    }

    Long longValue(String field) throws BadRecordException {
        JsonNode value = given(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, value, "an integer");
        }
        return value.longValue();
    }

    Boolean bool(String field) throws BadRecordException {
        JsonNode value = given(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, value, "true or false");
        }
        return value.booleanValue();
    }

    /** An ISO-8601 time (see {@link Timestamps#parseIso}); the range check is the caller's. */
    Instant time(String field) throws BadRecordException {
        String text = text(field);
        return text == null ? null : Timestamps.parseIso(text, path(field));
    }

    /** An ISO-8601 time checked with {@link ParseContext#checkTime}. */
    Instant checkedTime(String field, ParseContext context) throws BadRecordException {
        return context.checkTime(time(field), path(field));
    }

    JsonObject object(String field) throws BadRecordException {
        JsonNode value = given(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(field, value, "an object");
        }
        return new JsonObject(value, this, field, -1);
    }

    JsonObject requiredObject(String field) throws BadRecordException {
        JsonObject value = object(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The objects of an array field; empty when the field is not given. */
    List<JsonObject> objects(String field) throws BadRecordException {
        JsonNode array = array(field);
        if (array == null) {
            return List.of();
        }
        List<JsonObject> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                throw new BadRecordException(Reason.WRONG_TYPE, path(field) + "[" + i
                        + "] must be an object, but was " + Json.typeName(element));
            }
            result.add(new JsonObject(element, this, field, i));
        }
        return result;
    }

    /** One element of an array that may hold both strings and objects: exactly one of the two is set. */
    record Element(String text, JsonObject object) {
    }

    /**
     * The elements of an array field that may hold strings or objects, empty strings dropped; empty
     * when the field is not given. Any other element is {@link Reason#WRONG_TYPE}.
     */
    List<Element> textsOrObjects(String field) throws BadRecordException {
        JsonNode array = array(field);
        if (array == null) {
            return List.of();
        }
        List<Element> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isObject()) {
                result.add(new Element(null, new JsonObject(element, this, field, i)));
            } else if (element.isTextual()) {
                if (!element.textValue().isEmpty()) {
                    result.add(new Element(element.textValue(), null));
                }
            } else {
                throw new BadRecordException(Reason.WRONG_TYPE, path(field) + "[" + i
                        + "] must be a string or an object, but was " + Json.typeName(element));
            }
        }
        return result;
    }

    /** The strings of an array field, empty strings dropped; empty when the field is not given. */
    List<String> texts(String field) throws BadRecordException {
        JsonNode array = array(field);
        if (array == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isTextual()) {
                throw new BadRecordException(Reason.WRONG_TYPE, path(field) + "[" + i
                        + "] must be a string, but was " + Json.typeName(element));
            }
            if (!element.textValue().isEmpty()) {
                result.add(element.textValue());
            }
        }
        return result;
    }

    /** A {@link Reason#MISSING_FIELD} error for {@code field}, saying whether it is absent, null or empty. */
    BadRecordException missing(String field) {
        JsonNode value = node.get(field);
        String problem = value == null ? "is missing" : value.isNull() ? "is null" : "is empty";
        return new BadRecordException(Reason.MISSING_FIELD, path(field) + " " + problem);
    }

    private JsonNode array(String field) throws BadRecordException {
        JsonNode value = given(field);
        if (value != null && !value.isArray()) {
            throw wrongType(field, value, "an array");
        }
        return value;
    }

    /** The field's value, or null when absent, JSON null, or an empty string. */
    private JsonNode given(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
            return null;
        }
        return value;
    }

    private String required(String field, String value) throws BadRecordException {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    private BadRecordException wrongType(String field, JsonNode value, String expected) {
        return new BadRecordException(Reason.WRONG_TYPE,
                path(field) + " must be " + expected + ", but was " + Json.typeName(value));
    }
}
