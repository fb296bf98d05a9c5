package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.ingest.model.ParsedRecord;

/**
 * v1.1 tweets and v2 pages are parsed building only the fields Relais reads ({@link JsonFields}):
 * on the real samples and on thousands of mutations of them, the outcome is exactly that of
 * parsing every field, the same rows or the same rejection (reason and message).
 */
class FieldsReadTest {

    private final RecordFormat v1 = new TwitterV1Format();
    private final RecordFormat v1EveryField = TwitterV1Format.buildingEveryField();
    private final RecordFormat v2 = new TwitterV2Format();
    private final RecordFormat v2EveryField = TwitterV2Format.buildingEveryField();

    @Test
    void theRealV1SampleAndItsMutationsParseAlike() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.file(
                "datasets/formats/twitter-v1.1/obama_stream_2015-02-01_first90.jsonl"), StandardCharsets.UTF_8);
        Map<String, Integer> outcomes = mutateAndCompare(lines, 60, v1, v1EveryField);
        assertEquals(90 * 61, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.getOrDefault("rows", 0) > 90 && outcomes.size() > 3,
                "mutations both parse and fail, for several reasons: " + outcomes);
    }

    @Test
    void theRealV2PageAndItsMutationsParseAlike() throws Exception {
        List<String> pages = Files.readAllLines(SharedData.file("datasets/formats/twitter-v2-twarc2/brexit.jsonl"),
                StandardCharsets.UTF_8);
        Map<String, Integer> outcomes = mutateAndCompare(pages, 300, v2, v2EveryField);
        assertEquals(pages.size() * 301, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.getOrDefault("rows", 0) > 100 && outcomes.size() > 3,
                "mutations both parse and fail, for several reasons: " + outcomes);
    }

    /** Each record and {@code mutations} mutations of it; the outcomes counted by kind. */
    private static Map<String, Integer> mutateAndCompare(List<String> records, int mutations, RecordFormat format,
            RecordFormat everyField) {
        SplittableRandom random = new SplittableRandom(20261121);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String record : records) {
            byte[] original = record.getBytes(StandardCharsets.UTF_8);
            assertAlike(format, everyField, original, outcomes);
            for (int m = 0; m < mutations; m++) {
                assertAlike(format, everyField, mutate(original, random), outcomes);
            }
        }
        return outcomes;
    }

    /** Cases where building only some fields could differ, if it were done wrong. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id_str\":\"1\",\"user\":{}}",
        "{\"id_str\":\"1\",\"user\":{\"profile_image_url\":\"x\"}}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"entities\":{\"user_mentions\":[{\"indices\":[1,2]}]}}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"entities\":{\"urls\":[{\"indices\":[1,2]}]}}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"entities\":{\"hashtags\":[[],{\"text\":\"a\"}]}}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":{\"nested\":[1]}}}",
        "{\"id_str\":\"1\",\"user\":\"2\"}",
        "{\"id_str\":\"1\",\"user\":[{\"id_str\":\"2\"}]}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"retweeted_status\":{\"user\":{\"id_str\":\"3\"}}}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"quoted_status\":{\"id\":3,\"user\":{\"id\":4}},\"geo\":null}",
        "{\"id\":12345678901234567890123,\"user\":{\"id\":2.5,\"followers_count\":1e3}}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"coordinates\":{\"x\":[1,2,3]}} {}",
        "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"place\":{\"x\":[1,2,}}",
        "{\"id_str\":\"1\",\"id_str\":\"5\",\"user\":{\"id_str\":\"2\",\"id_str\":\"6\"}}",
        "{\"limit\":{\"track\":3}}",
        "{\"delete\":\"\"}",
        "{\"user_delete\":\"\"}",
        "{\"delete\":[1]}",
        "{\"delete\":{\"status\":{\"id_str\":\"9\",\"user_id_str\":\"8\"},\"timestamp_ms\":\"1422831952000\"}}",
        "{\"unknown\":{\"a\":1},\"other\":2}",
        "[{\"id_str\":\"1\"}]",
        "\"text\"",
        "",
        "{}"})
    void v1CasesAtTheEdgeOfTheFieldsParseAlike(String record) {
        assertAlike(v1, v1EveryField, record.getBytes(StandardCharsets.UTF_8), new TreeMap<>());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"public_metrics\":{\"like_count\":3}}]}",
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"entities\":{\"annotations\":[{\"a\":1}]}}]}",
        "{\"data\":[{\"id\":\"1\",\"username\":\"u\"}]}",
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"entities\":{\"urls\":[{\"url\":\"https://t.co/a\","
                + "\"expanded_url\":\"https://a.example/x\",\"unwound_url\":\"https://b.example/y\"}]}}]}",
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"referenced_tweets\":[{\"type\":\"quoted\"}]}]}",
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\"}],\"includes\":{\"users\":[{\"id\":\"2\","
                + "\"public_metrics\":{\"tweet_count\":5}}],\"media\":[{\"x\":[]}]}}",
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\"}],\"includes\":{\"users\":[{\"profile_image_url\":\"x\"}]}}",
        "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\"}],\"includes\":{\"tweets\":\"none\"}}",
        "{\"data\":\"none\"}",
        "{\"data\":[\"1\"]}",
        "{\"meta\":{\"result_count\":0}}",
        "{\"errors\":[{\"title\":\"Not Found\"}]}",
        "{\"id\":\"1\",\"text\":\"a single tweet\"}",
        "{\"includes\":{}}",
        "{\"data\":[]} []"})
    void v2CasesAtTheEdgeOfTheFieldsParseAlike(String record) {
        assertAlike(v2, v2EveryField, record.getBytes(StandardCharsets.UTF_8), new TreeMap<>());
    }

    /** Jackson refuses strings over 20 million characters; one in a skipped field is refused too. */
    @Test
    void aStringTooLongForJacksonIsRefusedEvenInASkippedField() {
        String record = "{\"id_str\":\"1\",\"user\":{\"id_str\":\"2\"},\"source\":\"" + "a".repeat(20_000_001) + "\"}";
        String outcome = outcome(v1, record.getBytes(StandardCharsets.UTF_8));
        assertTrue(outcome.startsWith("MALFORMED_JSON: record is not valid JSON: String length (20000001) exceeds"),
                outcome);
        assertEquals(outcome(v1EveryField, record.getBytes(StandardCharsets.UTF_8)), outcome);
    }

    private static void assertAlike(RecordFormat format, RecordFormat everyField, byte[] record,
            Map<String, Integer> outcomes) {
        String expected = outcome(everyField, record);
        String actual = outcome(format, record);
        assertEquals(expected, actual, () -> "for " + new String(record, StandardCharsets.UTF_8));
        outcomes.merge(expected.substring(0, expected.indexOf(':')), 1, Integer::sum);
    }

    private static String outcome(RecordFormat format, byte[] record) {
        try {
            ParsedRecord parsed = format.parse(record, CONTEXT);
            return "rows: " + parsed.posts() + parsed.accounts() + parsed.deletions() + parsed.follows()
                    + parsed.blogLinks() + parsed.identities();
        } catch (BadRecordException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    /** Flipped, cut, inserted, deleted or repeated bytes, or a digit turned into a letter. */
    private static byte[] mutate(byte[] in, SplittableRandom random) {
        int at = random.nextInt(in.length);
        byte[] out;
        switch (random.nextInt(6)) {
            case 0 -> {
                out = in.clone();
                out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
            }
            case 1 -> out = java.util.Arrays.copyOf(in, at);
            case 2 -> {
                byte[] junk = {'"', '{', '}', '[', ']', ',', ':', '1', 'n'};
                out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = junk[random.nextInt(junk.length)];
                System.arraycopy(in, at, out, at + 1, in.length - at);
            }
            case 3 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(40));
                out = new byte[in.length - (end - at)];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, end, out, at, in.length - end);
            }
            case 4 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(40));
                out = new byte[in.length + (end - at)];
                System.arraycopy(in, 0, out, 0, end);
                System.arraycopy(in, at, out, end, in.length - at);
            }
            default -> {
                out = in.clone();
                for (int i = at; i < out.length; i++) {
                    if (out[i] >= '0' && out[i] <= '9') {
                        out[i] = 'x';
                        break;
                    }
                }
            }
        }
        return out;
    }
}
