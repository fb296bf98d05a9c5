package org.relais.ingest.format;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a JSON record that a format reads, as a tree of field names: parsing with it
 * ({@link Json#parseObject(byte[], String, JsonFields)}) builds only those fields, and the objects
 * and arrays on the way to them, and skips the rest without building it. A v1.1 tweet is about
 * 4 KB, most of it profile colours, image URLs and counters Relais does not keep.
 *
 * <p>What is kept is exactly what an unfiltered parse gives for those fields: a kept field holds
 * its whole value when it is a leaf of the tree (whatever its type, so that a wrong type is still
 * seen); an object on the way to kept fields stays even when none of them is in it ({@code {}}
 * rather than nothing, so that a missing field is reported as missing); the elements of an array
 * are filtered by the same fields as the array. The skipped fields are still read, so malformed
 * JSON anywhere in the record is still an error.
 *
 * <p>A tree may refer to itself ({@link #nest(String, JsonFields)} with {@code this}): a tweet
 * carries tweets.
 */
final class JsonFields {

    /** Keeps a value whole. */
    static final JsonFields ALL = new JsonFields();

    private final Map<String, JsonFields> fields = new HashMap<>();

    /** Keeps the whole value of each of {@code names}. */
    JsonFields keep(String... names) {
        for (String name : names) {
            fields.put(name, ALL);
        }
        return this;
    }

    /** Keeps, of {@code name}'s value (an object, or an array of objects), the fields {@code nested} keeps. */
    JsonFields nest(String name, JsonFields nested) {
        fields.put(name, nested);
        return this;
    }

    /** What to keep of the field {@code name}'s value: {@link #ALL}, some fields, or null to skip it. */
    JsonFields of(String name) {
        return this == ALL ? ALL : fields.get(name);
    }

    @Override
    public String toString() {
        return this == ALL ? "JsonFields.ALL" : "JsonFields" + fields.keySet();
    }
}
