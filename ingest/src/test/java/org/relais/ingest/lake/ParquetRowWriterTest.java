package org.relais.ingest.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.lake.Tables.Table;
import org.relais.ingest.testing.SparkExtension;

/**
 * Files written by {@link ParquetRowWriter} and by Spark for the same rows: same Parquet schema,
 * same footer schema, same values read back (without a schema given, so that Spark reads the
 * types from the file).
 */
class ParquetRowWriterTest {

    @RegisterExtension
    static SparkExtension spark = new SparkExtension();

    @TempDir
    Path dir;

    private static Timestamp ts(String instant) {
        return Rows.ts(Instant.parse(instant));
    }

    @Test
    void postsWithListsAndStructsAreWrittenAsSparkWritesThem() throws Exception {
        List<Row> rows = List.of(
                RowFactory.create("twitter", "1", "10", "alice", ts("2026-10-08T18:31:05.123456Z"), "Bonjour é 🇫🇷",
                        "fr", new String[] {"https://a.example/1", "https://b.example/"}, new String[] {"Présidentielle"},
                        new Row[] {RowFactory.create("11", "bob"), RowFactory.create(null, "carol")},
                        "0", "12", null, null, null, null, "relais-json", 9, 3L),
                RowFactory.create("bluesky", "at://did:plc:x/app.bsky.feed.post/2", null, null, null, null, null,
                        new String[0], new String[0], new Row[0], null, null, "1", "10", null, null, null, 2, 3L));
        assertSameAsSpark(Tables.Posts.TABLE, rows);
    }

    @Test
    void timesLongBefore1900AndBinariesRoundTrip() throws Exception {
        assertSameAsSpark(Tables.BlogLinks.TABLE, List.of(
                RowFactory.create("a.example", "https://a.example/p", "https://b.example/", "b.example",
                        ts("0001-01-01T00:00:00Z"), "un lien", "blog-links-csv", 1L),
                RowFactory.create("a.example", "https://a.example/q", "https://c.example/", "c.example", null, null,
                        null, 1L)));
        // Stored as the instant it is, not days off as a Julian-calendar date: Spark's seconds since
        // 1970 of 0001-01-01T00:00:00Z (proleptic Gregorian, as java.time counts).
        assertEquals(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(), spark.session().read()
                .parquet(dir.resolve(Tables.BlogLinks.TABLE.name() + "-ours").toString())
                .selectExpr("cast(published_at as long) as s").where("s is not null").first().getLong(0));
        assertSameAsSpark(Tables.Quarantine.TABLE, List.of(RowFactory.create("posts", 2, 42L,
                ts("2026-11-20T00:00:00Z"), "twitter-v1", "file.jsonl", "parse", "malformed_json", "not JSON",
                new byte[] {1, 2}, "{\"a\":".getBytes(StandardCharsets.UTF_8), ts("2026-11-21T00:00:00Z"), 4L)));
        assertSameAsSpark(Tables.Accounts.TABLE, List.of(RowFactory.create("mastodon", "7", "x@y.social", "X", null,
                null, 12L, 0L, false, true, ts("2022-11-01T00:00:00Z"), ts("2026-11-20T10:00:00Z"), "mastodon", 2L)));
    }

    @Test
    void halfASurrogatePairIsWrittenAsTheReplacementCharacterNotAQuestionMark() throws Exception {
        Path file = dir.resolve("surrogates.parquet");
        try (ParquetRowWriter writer = ParquetRowWriter.create(new org.apache.hadoop.fs.Path(file.toUri()),
                Tables.Identities.TABLE.schema(), "zstd", new Configuration())) {
            writer.write(RowFactory.create("blog", "cut \ud83d", "high then ?", "\udc00low", "a pair 🇫🇷 and a ?",
                    null, 1L));
        }
        Row read = spark.session().read().parquet(file.toString()).first();
        assertEquals(List.of("blog", "cut \uFFFD", "high then ?", "\uFFFDlow", "a pair 🇫🇷 and a ?"),
                List.of(read.getString(0), read.getString(1), read.getString(2), read.getString(3), read.getString(4)));
    }

    @Test
    void aNullInARequiredColumnIsRefused() throws Exception {
        try (ParquetRowWriter writer = ParquetRowWriter.create(new org.apache.hadoop.fs.Path(dir.resolve("x.parquet")
                .toUri()), Tables.Identities.TABLE.schema(), "zstd", new Configuration())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(RowFactory.create("blog", null, "1", null, null, null, 1L)));
            assertEquals("column platform may not be null", e.getMessage());
        }
    }

    private void assertSameAsSpark(Table table, List<Row> rows) throws Exception {
        SparkSession session = spark.session();
        Path ours = dir.resolve(table.name() + "-ours");
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(ours.resolve("slice-00000.parquet").toUri());
        try (ParquetRowWriter writer = ParquetRowWriter.create(file, table.schema(), "zstd", new Configuration())) {
            for (Row r : rows) {
                writer.write(r);
            }
            assertEquals(rows.size(), writer.rows());
        }
        Path theirs = dir.resolve(table.name() + "-spark");
        // As the merge writes segments: from rows Spark read, every column nullable.
        session.createDataFrame(rows, (StructType) ParquetRowWriter.nullable(table.schema())).coalesce(1).write()
                .parquet(theirs.toString());

        MessageType sparkSchema = footer(theirs).getFileMetaData().getSchema();
        assertEquals(sparkSchema, footer(ours).getFileMetaData().getSchema());
        assertEquals(footer(theirs).getFileMetaData().getKeyValueMetaData().get(ParquetRowWriter.SPARK_SCHEMA_KEY),
                footer(ours).getFileMetaData().getKeyValueMetaData().get(ParquetRowWriter.SPARK_SCHEMA_KEY));

        StructType read = session.read().parquet(ours.toString()).schema();
        assertEquals(session.read().parquet(theirs.toString()).schema(), read);
        assertEquals(List.of(table.schema().fieldNames()), List.of(read.fieldNames()));
        assertEquals(show(session.read().parquet(theirs.toString()).collectAsList()),
                show(session.read().parquet(ours.toString()).collectAsList()));
    }

    private static org.apache.parquet.hadoop.metadata.ParquetMetadata footer(Path directory) throws Exception {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            Path file = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
                return reader.getFooter();
            }
        }
    }

    /** Rows as text, byte arrays by value. */
    private static List<String> show(List<Row> rows) {
        return rows.stream().map(r -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                b.append(v instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : String.valueOf(v)).append('|');
            }
            return b.toString();
        }).toList();
    }
}
