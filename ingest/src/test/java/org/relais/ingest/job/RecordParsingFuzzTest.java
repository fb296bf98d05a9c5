package org.relais.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.relais.ingest.format.Formats;
import org.relais.ingest.format.RecordFormat;
import org.relais.ingest.format.SourceRecord;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.testing.SharedSamples;

/**
 * Thousands of mutations of the real samples through the ingest job's parse step: no exception
 * escapes, no parser fails unexpectedly, and every record comes out exactly once: as rows of the
 * canonical tables, as one quarantine row, or counted as skipped.
 */
class RecordParsingFuzzTest {

    private static final int MUTATIONS_PER_RECORD = 12;

    @Test
    void noMutationEscapesEveryRecordIsAccountedForOnce() throws Exception {
        Map<String, Path> samples = new TreeMap<>(Map.of(
                "twitter-v1", SharedSamples.dataset(SharedSamples.TWITTER_V1),
                "twitter-v2", SharedSamples.dataset(SharedSamples.TWITTER_V2),
                "bluesky-jetstream", SharedSamples.dataset(SharedSamples.BLUESKY),
                "mastodon", SharedSamples.dataset(SharedSamples.MASTODON),
                "blog-links-csv", SharedSamples.sampleData("blogs/blog_links.csv"),
                "follows-csv", SharedSamples.sampleData("follows/follows.csv"),
                "identities-csv", SharedSamples.sampleData("identities/identities.csv")));
        SplittableRandom random = new SplittableRandom(20261121);
        List<String> formatNames = Formats.all().stream().map(RecordFormat::name).toList();
        List<RecordParsing.KafkaRecord> records = new ArrayList<>();
        for (Map.Entry<String, Path> sample : samples.entrySet()) {
            for (byte[] original : records(sample.getKey(), sample.getValue(), 150)) {
                add(records, original, sample.getKey());
                for (int m = 0; m < MUTATIONS_PER_RECORD; m++) {
                    String format = random.nextInt(20) == 0
                            ? formatNames.get(random.nextInt(formatNames.size())) : sample.getKey();
                    add(records, mutate(original, random), random.nextInt(40) == 0 ? null : format);
                }
            }
        }
        assertEquals(true, records.size() > 5000, "thousands of records: " + records.size());

        RecordParsing parsing = new RecordParsing(1, Instant.parse("2026-11-21T00:00:00Z"), 1 << 20, List.of());
        BatchCounts counts = new BatchCounts();
        Map<String, Long> byOutcome = new TreeMap<>();
        List<String> parserErrors = new ArrayList<>();
        List<String> unaccounted = new ArrayList<>();
        for (RecordParsing.KafkaRecord record : records) {
            List<Row> quarantined = new ArrayList<>();
            int[] canonical = {0};
            long skippedBefore = counts.skipped().values().stream().mapToLong(Long::longValue).sum();
            parsing.parse(record, counts, (table, row) -> {
                if (table == Tables.Quarantine.TABLE) {
                    quarantined.add(row);
                } else {
                    canonical[0]++;
                }
            });
            boolean skipped = counts.skipped().values().stream().mapToLong(Long::longValue).sum() > skippedBefore;
            String outcome = quarantined.size() == 1 && canonical[0] == 0 && !skipped ? "quarantine"
                    : quarantined.isEmpty() && canonical[0] > 0 && !skipped ? "canonical"
                    : quarantined.isEmpty() && canonical[0] == 0 && skipped ? "skipped" : null;
            if (outcome == null) {
                unaccounted.add(record.offset() + ": " + quarantined.size() + " quarantine row(s), " + canonical[0]
                        + " canonical row(s), skipped " + skipped);
            } else {
                byOutcome.merge(outcome, 1L, Long::sum);
            }
            if (quarantined.size() == 1) {
                Row q = quarantined.get(0);
                assertEquals(record.offset(), q.getLong(2), "the quarantine row keeps the record's offset");
                if (RecordParsing.PARSER_ERROR.equals(q.getString(7))) {
                    parserErrors.add(q.getString(8));
                }
            }
        }

        assertEquals(List.of(), unaccounted.subList(0, Math.min(10, unaccounted.size())),
                "every record is accounted for, once");
        assertEquals(records.size(), counts.records(), "every record is counted");
        assertEquals(List.of(), parserErrors.subList(0, Math.min(10, parserErrors.size())),
                "no parser failed other than with a reason");
        assertEquals(true, byOutcome.getOrDefault("quarantine", 0L) > records.size() / 4,
                "most mutations are quarantined: " + byOutcome);
        assertEquals(byOutcome.getOrDefault("quarantine", 0L), counts.bad(), "quarantined records are counted");
    }

    private static List<byte[]> records(String formatName, Path file, int limit) throws Exception {
        RecordFormat format = Formats.byName(formatName);
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterator<SourceRecord> it = format.split(in, file.getFileName().toString());
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next().value());
            }
        }
        return out;
    }

    private static void add(List<RecordParsing.KafkaRecord> records, byte[] value, String format) {
        records.add(new RecordParsing.KafkaRecord("fuzz", 0, records.size(),
                Timestamp.from(Instant.parse("2026-11-20T00:00:00Z")), null, value, format, null));
    }

    /** One of the ways input goes wrong: flipped, cut, inserted, deleted or repeated bytes. */
    static byte[] mutate(byte[] in, SplittableRandom random) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
                return out;
            }
            case 1 -> {
                return Arrays.copyOf(in, at);
            }
            case 2 -> {
                byte[] junk = {(byte) 0xFF, (byte) 0xC3, '"', '{', ']', ',', 0};
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = junk[random.nextInt(junk.length)];
                System.arraycopy(in, at, out, at + 1, in.length - at);
                return out;
            }
            case 3 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(40));
                byte[] out = new byte[in.length - (end - at)];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, end, out, at, in.length - end);
                return out;
            }
            case 4 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(40));
                byte[] out = new byte[in.length + (end - at)];
                System.arraycopy(in, 0, out, 0, end);
                System.arraycopy(in, at, out, end, in.length - at);
                return out;
            }
            case 5 -> {
                // A digit becomes a letter: ids and dates that no longer parse.
                byte[] out = in.clone();
                for (int i = at; i < out.length; i++) {
                    if (out[i] >= '0' && out[i] <= '9') {
                        out[i] = 'x';
                        break;
                    }
                }
                return out;
            }
            default -> {
                // A year in the future or long before the platforms.
                String s = new String(in, StandardCharsets.UTF_8);
                return s.replaceFirst("20[0-2][0-9]", random.nextBoolean() ? "2999" : "1999")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
