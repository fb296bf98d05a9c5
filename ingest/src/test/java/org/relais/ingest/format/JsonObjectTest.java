package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.bytes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonObjectTest {

    private static final String DOC = """
            {"s":"x","empty":"","nul":null,"n":12,"big":123456789012345678901234567890,"f":1.5,"b":true,
             "t":"2021-09-22T16:37:29Z","o":{"arr":[{"id":"a"},{"id":7},{"name":"c"}]},"strs":["a","",3],"tags":["a","","b"]}""";

    private static JsonObject doc() throws BadRecordException {
        return Json.parseObject(bytes(DOC), "record");
    }

    private static void assertError(Reason reason, String message, Executable call) {
        BadRecordException e = assertThrows(BadRecordException.class, call);
        assertEquals(reason, e.reason());
        assertEquals(message, e.getMessage());
    }

    @Test
    void absentNullAndEmptyAllMeanNotGiven() throws BadRecordException {
        JsonObject doc = doc();
        assertNull(doc.text("absent"));
        assertNull(doc.text("nul"));
        assertNull(doc.text("empty"));
        assertFalse(doc.has("nul"));
        assertTrue(doc.has("empty"), "has() is about presence; emptiness is for the accessors");
        assertEquals(List.of(), doc.objects("absent"));
    }

    @Test
    void requiredFieldsSayWhatIsWrong() throws BadRecordException {
        JsonObject doc = doc();
        assertError(Reason.MISSING_FIELD, "absent is missing", () -> doc.requiredText("absent"));
        assertError(Reason.MISSING_FIELD, "nul is null", () -> doc.requiredText("nul"));
        assertError(Reason.MISSING_FIELD, "empty is empty", () -> doc.requiredId("empty"));
    }

    @Test
    void wrongTypesNameTheExpectedAndActualType() throws BadRecordException {
        JsonObject doc = doc();
        assertError(Reason.WRONG_TYPE, "n must be a string, but was number", () -> doc.text("n"));
        assertError(Reason.WRONG_TYPE, "f must be a string or an integer, but was number", () -> doc.id("f"));
        assertError(Reason.WRONG_TYPE, "s must be an integer, but was string", () -> doc.longValue("s"));
        assertError(Reason.WRONG_TYPE, "big must be an integer, but was number", () -> doc.longValue("big"));
        assertError(Reason.WRONG_TYPE, "s must be true or false, but was string", () -> doc.bool("s"));
        assertError(Reason.WRONG_TYPE, "s must be an object, but was string", () -> doc.object("s"));
        assertError(Reason.WRONG_TYPE, "o must be an array, but was object", () -> doc.objects("o"));
        assertError(Reason.WRONG_TYPE, "strs[2] must be a string, but was number", () -> doc.texts("strs"));
        assertError(Reason.WRONG_TYPE, "s was 'x', but must be an ISO-8601 date-time such as 2021-09-22T16:37:29Z",
                () -> doc.time("s"));
    }

    @Test
    void idsMayBeIntegersAndStayExact() throws BadRecordException {
        assertEquals("12", doc().id("n"));
        assertEquals("123456789012345678901234567890", doc().id("big"));
    }

    @Test
    void readsTypedValues() throws BadRecordException {
        JsonObject doc = doc();
        assertEquals(12L, doc.longValue("n"));
        assertEquals(true, doc.bool("b"));
        assertEquals(Instant.parse("2021-09-22T16:37:29Z"), doc.time("t"));
        assertEquals(List.of("a", "b"), doc.texts("tags"), "empty strings are dropped");
    }

    @Test
    void nestedErrorsCarryTheJsonPath() throws BadRecordException {
        List<JsonObject> items = doc().object("o").objects("arr");
        assertEquals("o.arr[1]", items.get(1).path());
        assertEquals("7", items.get(1).requiredId("id"));
        assertError(Reason.MISSING_FIELD, "o.arr[2].id is missing", () -> items.get(2).requiredId("id"));
    }

    @Test
    void parseRejectsWhatIsNotAJsonObject() {
        assertError(Reason.MALFORMED_JSON, "record is empty", () -> Json.parseObject(bytes(""), "record"));
        assertError(Reason.WRONG_TYPE, "record must be a JSON object, but was array",
                () -> Json.parseObject(bytes("[1]"), "record"));
        BadRecordException e = assertThrows(BadRecordException.class, () -> Json.parseObject(bytes("{\"a\":1} {}"), "record"));
        assertEquals(Reason.MALFORMED_JSON, e.reason(), "a second document on the line is malformed JSON");
        e = assertThrows(BadRecordException.class, () -> Json.parseObject(bytes("{\"a\":"), "record"));
        assertEquals(Reason.MALFORMED_JSON, e.reason());
        assertTrue(e.getMessage().startsWith("record is not valid JSON: "), e.getMessage());
    }

    @Test
    void textsOrObjectsKeepsOrderAndNamesOtherElements() throws BadRecordException {
        JsonObject doc = Json.parseObject(bytes("{\"a\":[\"x\",{\"url\":\"y\"},\"\"],\"b\":[\"x\",1]}"), "record");
        List<JsonObject.Element> elements = doc.textsOrObjects("a");
        assertEquals(2, elements.size(), "the empty string is dropped");
        assertEquals("x", elements.get(0).text());
        assertEquals("y", elements.get(1).object().text("url"));
        assertEquals("a[1]", elements.get(1).object().path());
        assertError(Reason.WRONG_TYPE, "b[1] must be a string or an object, but was number", () -> doc.textsOrObjects("b"));
        assertEquals(List.of(), doc.textsOrObjects("absent"));
    }

    @Test
    void emptinessAndFieldNames() throws BadRecordException {
        JsonObject doc = Json.parseObject(bytes("{\"z\":{},\"a\":1}"), "record");
        assertTrue(doc.object("z").isEmpty());
        assertFalse(doc.isEmpty());
        assertEquals(List.of("z", "a"), doc.fieldNames());
    }

    @Test
    void peekReadsScalarFieldsAtPathsAndSurvivesBrokenRecords() {
        assertEquals(Map.of("id_str", "9", "delete.status.id_str", "7", "n", "12"),
                Json.peek(bytes("{\"id_str\":\"9\",\"delete\":{\"x\":[{\"id_str\":1}],\"status\":{\"id_str\":\"7\"}},"
                        + "\"n\":12,\"f\":1.5}"),
                        Set.of("id_str", "delete.status.id_str", "n", "f", "missing")));
        assertEquals(Map.of("a", "1"), Json.peek(bytes("{\"a\":\"1\",\"b\":"), Set.of("a", "b")));
        assertEquals(Map.of("a", "2"), Json.peek(bytes("{\"a\":\"1\",\"a\":\"2\"}"), Set.of("a")),
                "the last of repeated fields, as parsing keeps it");
        assertTrue(Json.peek(bytes("[{\"a\":1}]"), Set.of("a")).isEmpty());
        assertTrue(Json.peek(FormatTestSupport.INVALID_UTF8, Set.of("a")).isEmpty());
    }
}
