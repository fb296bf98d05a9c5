package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.ingest.model.ParsedRecord;

/**
 * A v1.1 tweet is parsed building only the fields Relais reads ({@link JsonFields}): on the real
 * sample and on thousands of mutations of it, the outcome is exactly that of parsing every field,
 * the same rows or the same rejection (reason and message).
 */
class TwitterV1FieldsTest {

    private static final int MUTATIONS_PER_TWEET = 60;

    private final TwitterV1Format format = new TwitterV1Format();
    private final TwitterV1Format everyField = TwitterV1Format.buildingEveryField();

    @Test
    void theRealSampleAndItsMutationsParseAlikeWithOnlyTheFieldsRead() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.file(
                "datasets/formats/twitter-v1.1/obama_stream_2015-02-01_first90.jsonl"), StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(20261121);
        Map<String, Integer> outcomes = new TreeMap<>();
        int compared = 0;
        for (String line : lines) {
            byte[] original = line.getBytes(StandardCharsets.UTF_8);
            assertAlike(original, outcomes);
            compared++;
            for (int m = 0; m < MUTATIONS_PER_TWEET; m++) {
                assertAlike(mutate(original, random), outcomes);
                compared++;
            }
        }
        assertEquals(90 * (MUTATIONS_PER_TWEET + 1), compared);
        assertTrue(outcomes.getOrDefault("rows", 0) > 90 && outcomes.size() > 3,
                "mutations both parse and fail, for several reasons: " + outcomes);
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
        "{\"delete\":{\"status\":{\"id_str\":\"9\",\"user_id_str\":\"8\"},\"timestamp_ms\":\"1422831952000\"}}",
        "{\"unknown\":{\"a\":1},\"other\":2}",
        "[{\"id_str\":\"1\"}]",
        "\"text\"",
        "",
        "{}"})
    void casesAtTheEdgeOfTheFieldsParseAlike(String record) {
        assertAlike(record.getBytes(StandardCharsets.UTF_8), new TreeMap<>());
    }

    private void assertAlike(byte[] record, Map<String, Integer> outcomes) {
        String expected = outcome(everyField, record);
        String actual = outcome(format, record);
        assertEquals(expected, actual, () -> "for " + new String(record, StandardCharsets.UTF_8));
        outcomes.merge(expected.substring(0, expected.indexOf(':')), 1, Integer::sum);
    }

    private static String outcome(TwitterV1Format format, byte[] record) {
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
