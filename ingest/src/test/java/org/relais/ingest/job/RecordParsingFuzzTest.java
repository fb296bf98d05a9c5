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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relais.ingest.format.Formats;
import org.relais.ingest.format.RecordFormat;
import org.relais.ingest.format.SourceRecord;
import org.relais.ingest.kafka.RecordHeaders;
import org.relais.ingest.testing.SharedSamples;
import org.relais.ingest.testing.SparkExtension;

/**
 * Thousands of mutations of the real samples through the ingest job's parse step, on Spark: no
 * exception escapes, no parser fails unexpectedly, and every record comes out exactly once, in a
 * canonical table, in quarantine, or counted as skipped.
 */
class RecordParsingFuzzTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    /** Kafka rows as Spark's Kafka source gives them. */
    static final StructType KAFKA = new StructType()
            .add("key", DataTypes.BinaryType)
            .add("value", DataTypes.BinaryType)
            .add("topic", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType)
            .add("timestamp", DataTypes.TimestampType)
            .add("timestampType", DataTypes.IntegerType)
            .add("headers", DataTypes.createArrayType(new StructType()
                    .add("key", DataTypes.StringType).add("value", DataTypes.BinaryType)));

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
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Path> sample : samples.entrySet()) {
            List<byte[]> records = records(sample.getKey(), sample.getValue(), 150);
            for (byte[] original : records) {
                add(rows, original, sample.getKey());
                for (int m = 0; m < MUTATIONS_PER_RECORD; m++) {
                    String format = random.nextInt(20) == 0
                            ? formatNames.get(random.nextInt(formatNames.size())) : sample.getKey();
                    add(rows, mutate(original, random), random.nextInt(40) == 0 ? null : format);
                }
            }
        }
        assertEquals(true, rows.size() > 5000, "thousands of records: " + rows.size());

        Dataset<Row> kafka = spark.session().createDataFrame(rows, KAFKA).repartition(4);
        Dataset<Row> parsed = kafka.mapPartitions(
                new RecordParsing(1, Instant.parse("2026-11-21T00:00:00Z"), 1 << 20, List.of(), FailureInjector.NONE),
                Encoders.row(RecordParsing.SCHEMA));
        List<Row> firsts = parsed.filter(RecordParsing.FIRST)
                .select(RecordParsing.OFFSET, RecordParsing.KIND, "quarantine.reason_code", "quarantine.reason")
                .collectAsList();

        assertEquals(rows.size(), firsts.size(), "one first row per record");
        Set<Long> offsets = new HashSet<>();
        Map<String, Long> byKind = new TreeMap<>();
        List<String> parserErrors = new ArrayList<>();
        for (Row r : firsts) {
            offsets.add(r.getLong(0));
            byKind.merge(r.getString(1), 1L, Long::sum);
            if (RecordParsing.PARSER_ERROR.equals(r.getString(2))) {
                parserErrors.add(r.getString(3));
            }
        }
        assertEquals(rows.size(), offsets.size(), "every record is accounted for, once");
        assertEquals(List.of(), parserErrors.subList(0, Math.min(10, parserErrors.size())),
                "no parser failed other than with a reason");
        assertEquals(true, byKind.getOrDefault("quarantine", 0L) > rows.size() / 4,
                "most mutations are quarantined: " + byKind);
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

    private static void add(List<Row> rows, byte[] value, String format) {
        Row[] headers = format == null ? new Row[0]
                : new Row[] {RowFactory.create(RecordHeaders.FORMAT, format.getBytes(StandardCharsets.UTF_8))};
        rows.add(RowFactory.create(null, value, "fuzz", 0, (long) rows.size(),
                Timestamp.from(Instant.parse("2026-11-20T00:00:00Z")), 0, headers));
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
