package org.relais.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.relais.ingest.format.BlogIds;
import org.relais.ingest.format.Formats;
import org.relais.ingest.format.ParseContext;
import org.relais.ingest.format.RecordFormat;
import org.relais.ingest.format.TwitterV1Format;
import org.relais.ingest.format.TwitterV2Format;
import org.relais.ingest.lake.ParquetRowWriter;
import org.relais.ingest.lake.Rows;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

/**
 * What the ingest job's tasks spend per record, without Kafka and Spark, on one thread: parsing a
 * record into rows (strict UTF-8 check, JSON, the format's rules, the table rows), then writing
 * those rows to Parquet. It bounds what the ingest job can reach: with every core parsing and
 * writing, nothing else, a machine ingests at most (cores x record bytes / time per record).
 *
 * <p>Usage: {@code ParseBench [records] [rounds] [format]}: {@code relais-json}, {@code twitter-v1} or
 * {@code twitter-v2} ({@link BenchRecords}).
 */
public final class ParseBench {

    private ParseBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 200_000);
        int rounds = given.integer(1, 5);
        String formatName = given.text(2, "relais-json");
        RecordFormat format = Formats.byName(formatName);
        List<byte[]> records = BenchRecords.lines(n, formatName).stream()
                .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
        long bytes = records.stream().mapToLong(r -> r.length).sum();
        System.out.printf("%,d %s records, %,.1f MB, average %,d bytes%n", n, formatName, bytes / 1e6, bytes / n);
        Instant now = Instant.parse("2026-11-21T00:00:00Z");
        ParseContext context = ParseContext.at(now, now, BlogIds.DEFAULT);
        Path dir = Files.createTempDirectory("relais-parse-bench");
        double bestParse = Double.MAX_VALUE;
        double bestWrite = Double.MAX_VALUE;
        // Tweets and pages are parsed building only the fields read; the same rounds time building all.
        RecordFormat everyField = switch (formatName) {
            case TwitterV1Format.NAME -> TwitterV1Format.buildingEveryField();
            case TwitterV2Format.NAME -> TwitterV2Format.buildingEveryField();
            default -> null;
        };
        double bestEveryField = Double.MAX_VALUE;
        try {
            for (int round = 1; round <= rounds; round++) {
                // Before the parse of the fields read in odd rounds, after its write in even ones, so
                // that neither always follows the other's garbage.
                if (everyField != null && round % 2 == 1) {
                    bestEveryField = Math.min(bestEveryField, timeParse(everyField, records, context, round));
                }
                List<Row> posts = new ArrayList<>(n);
                List<Row> accounts = new ArrayList<>(n);
                long started = System.nanoTime();
                for (byte[] record : records) {
                    ParsedRecord parsed = format.parse(record, context);
                    for (Post p : parsed.posts()) {
                        posts.add(Rows.post(p, 1));
                    }
                    for (Account a : parsed.accounts()) {
                        accounts.add(Rows.account(a, formatName, 1));
                    }
                }
                long parsedAt = System.nanoTime();
                write(dir.resolve("posts-" + round + ".parquet"), Tables.Posts.TABLE, posts);
                write(dir.resolve("accounts-" + round + ".parquet"), Tables.Accounts.TABLE, accounts);
                long written = System.nanoTime();
                if (everyField != null && round % 2 == 0) {
                    bestEveryField = Math.min(bestEveryField, timeParse(everyField, records, context, round));
                }
                double parseUs = (parsedAt - started) / 1e3 / n;
                double writeUs = (written - parsedAt) / 1e3 / n;
                bestParse = Math.min(bestParse, parseUs);
                bestWrite = Math.min(bestWrite, writeUs);
                System.out.printf("round %d: parse %.2f us/record (%.0f MB/s), write Parquet %.2f us/record; both %.0f MB/s"
                        + " per core (%,d posts, %,d accounts)%n", round, parseUs, bytes / 1e6 / ((parsedAt - started) / 1e9),
                        writeUs, bytes / 1e6 / ((written - started) / 1e9), posts.size(), accounts.size());
            }
            System.out.printf("best of %d rounds: parse %.2f us/record, write Parquet %.2f us/record: %.0f MB/s per core%n",
                    rounds, bestParse, bestWrite, bytes / 1e6 / ((bestParse + bestWrite) * n / 1e6));
            if (everyField != null) {
                System.out.printf("parse building every field: %.2f us/record, %.2f times the fields read%n",
                        bestEveryField, bestEveryField / bestParse);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Parses every record with {@code format}; the time per record in microseconds. */
    private static double timeParse(RecordFormat format, List<byte[]> records, ParseContext context, int round)
            throws Exception {
        long started = System.nanoTime();
        for (byte[] record : records) {
            format.parse(record, context);
        }
        double us = (System.nanoTime() - started) / 1e3 / records.size();
        System.out.printf("round %d: parse building every field %.2f us/record%n", round, us);
        return us;
    }

    private static void write(Path file, Tables.Table table, List<Row> rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        try (ParquetRowWriter writer = ParquetRowWriter.create(new org.apache.hadoop.fs.Path(file.toUri()),
                table.schema(), "zstd", new Configuration())) {
            for (Row r : rows) {
                writer.write(r);
            }
        }
    }
}
