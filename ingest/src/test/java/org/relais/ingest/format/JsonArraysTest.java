package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.relais.ingest.format.FormatTestSupport.INVALID_UTF8;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;
import static org.relais.ingest.format.FormatTestSupport.drain;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.trickle;
import static org.relais.ingest.format.FormatTestSupport.valueOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonArraysTest {

    /** The key of a record: its first byte after {@code {"k":"}, or null. */
    private static final Function<byte[], String> KEY = value -> {
        String text = new String(value, ISO_8859_1);
        return text.startsWith("{\"k\":\"") ? text.substring(6, 7) : null;
    };

    private static List<SourceRecord> split(byte[] file) throws IOException {
        List<SourceRecord> all = drain(JsonArrays.splitArraysOrLines(new ByteArrayInputStream(file), KEY, SourceRecord.NO_LIMIT));
        assertEquals(values(all), values(drain(JsonArrays.splitArraysOrLines(trickle(file), KEY, SourceRecord.NO_LIMIT))),
                "a stream that returns three bytes at a time splits the same");
        return all;
    }

    private static List<String> values(List<SourceRecord> records) {
        return records.stream().map(r -> valueOf(r) + "@" + r.line() + "#" + keyOf(r)).toList();
    }

    @Test
    void eachElementOfAnArrayIsARecordWithItsBytesAsInTheFile() throws IOException {
        byte[] file = bytes("""
                \ufeff  [
                  {"k":"a", "x": [1, {"y": "]}"}]},
                  {"k":"b","s":"caf\u00e9 \\"quoted\\" \\u00e9"}
                ]
                """);
        List<SourceRecord> records = split(file);
        assertEquals(List.of(
                "{\"k\":\"a\", \"x\": [1, {\"y\": \"]}\"}]}@2#a",
                "{\"k\":\"b\",\"s\":\"caf\u00e9 \\\"quoted\\\" \\u00e9\"}@3#b"), values(records),
                "brackets inside strings, escapes and multi-byte characters are kept; lines are the element's");
    }

    @Test
    void severalArraysAndTopLevelObjectsFollowEachOther() throws IOException {
        assertEquals(List.of("{\"k\":\"a\"}@1#a", "{\"k\":\"b\"}@1#b", "{\"k\":\"c\"}@2#c", "{\"k\":\"d\"}@3#d",
                "7@3#null", "[\"e\"]@3#null"),
                values(split(bytes("[{\"k\":\"a\"},{\"k\":\"b\"}]\n[{\"k\":\"c\"}]\r\n{\"k\":\"d\"} [7, [\"e\"]] []"))),
                "an element that is no object is still a record, for the parser to reject");
    }

    @Test
    void bytesThatAreNotUtf8PassThroughUntouched() throws IOException {
        byte[] bad = concat(bytes("{\"k\":\"a\",\"s\":\""), INVALID_UTF8, bytes("\"}"));
        List<SourceRecord> records = split(concat(bytes("["), bad, bytes(",{\"k\":\"b\"}]")));
        assertEquals(2, records.size());
        assertArrayEquals(bad, records.get(0).value());
        assertEquals("b", keyOf(records.get(1)));
    }

    @Test
    void whereTheFileStopsBeingJsonTheRestIsOneRecord() throws IOException {
        assertEquals(List.of("{\"k\":\"a\"}@1#a", "{\"k\":\"b\", oops}, {\"k\":\"c\"}]@2#b"),
                values(split(bytes("[{\"k\":\"a\"},\n {\"k\":\"b\", oops}, {\"k\":\"c\"}]"))));
        assertEquals(List.of("{\"k\":\"a\"}@1#a", "x, {\"k\":\"c\"}]@1#null"),
                values(split(bytes("[{\"k\":\"a\"}, x, {\"k\":\"c\"}]"))));
        assertEquals(List.of("{\"k\":\"a\"}@1#a", "{\"k\":\"b\"@1#b"), values(split(bytes("[{\"k\":\"a\"}, {\"k\":\"b\""))),
                "a download cut short keeps its last, partial element");
        assertEquals(List.of("{\"k\":\"a\"}@1#a"), values(split(bytes("[{\"k\":\"a\"}, "))),
                "a missing closing bracket loses nothing");
    }

    @Test
    void anythingElseIsJsonLines() throws IOException {
        List<SourceRecord> records = split(bytes("\n{\"k\":\"a\"}\r\n\n  {\"k\":\"b\"} \nnot json\n"));
        assertEquals(List.of("{\"k\":\"a\"}@2#a", "  {\"k\":\"b\"} @4#null", "not json@5#null"), values(records),
                "lines are kept whole, as JsonLines keeps them");
        assertEquals(List.of(), split(bytes("")));
        assertEquals(List.of(), split(bytes("[]")));
        assertNull(KEY.apply(bytes("[")));
    }
}
