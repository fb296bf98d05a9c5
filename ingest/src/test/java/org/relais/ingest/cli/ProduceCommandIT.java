package org.relais.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.config.RelaisConfig;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.testing.CommandRun;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * {@code relais produce} on a real broker: records it rejects (too large, or a CSV quote left
 * open that swallows the rows after it) fail the run with exit code 6 and a message that says
 * where they are, after the good records were published; a {@code .gz} file that is not gzip is
 * named.
 */
class ProduceCommandIT {

    private static final int MAX_RECORD_BYTES = 1000;

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void goodRecordsArePublishedWithExitCodeZero() throws Exception {
        Path posts = write("posts.jsonl", post(1), post(2), post(3));
        CommandRun run = produce("relais-json", "good", posts);
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains(posts + ": 3 record(s) sent, 0 rejected"), run.out());
        assertEquals(3, recordsIn("good"));
    }

    @Test
    void aTopicTheIngestJobDoesNotReadIsPublishedWithAWarning() throws Exception {
        Path deletions = write("compliance.csv", "platform,post_id,account_id", "twitter,,99");
        CommandRun run = CommandRun.of(new ProduceCommand(), "--format", "compliance-csv", "--topic", "relais.compliance",
                "--bootstrap-servers", kafka.bootstrapServers(), deletions.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals("relais produce: warning: relais.compliance is not one of the topics the ingest job reads"
                + " (relais.kafka.topics: relais.posts, relais.follows, relais.blog-links); its records stay out of the"
                + " lake unless it is added there", run.err().strip());
        assertEquals(1, recordsIn("relais.compliance"));
    }

    @Test
    void aRecordTooLargeIsNamedAndFailsTheRunAfterTheOthersArePublished() throws Exception {
        String large = "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"9\",\"text\":\"" + "x".repeat(2000)
                + "\"}";
        Path posts = write("posts.jsonl", post(1), post(2), large, post(3));
        CommandRun run = produce("relais-json", "large", posts);

        assertEquals(ExitCodes.TOO_MANY_BAD_RECORDS, run.code(), run.err());
        assertEquals("relais produce: 1 record(s) rejected and not published (oversized: 1), at " + posts + ":3",
                run.lastErrLine());
        assertTrue(run.err().contains("  rejected: " + posts + ":3: record of " + large.length()
                + " bytes is larger than relais.ingest.max-record-bytes (1000)" + System.lineSeparator()), run.err());
        assertTrue(run.out().contains(posts + ": 3 record(s) sent, 1 rejected"), run.out());
        assertTrue(run.out().contains("published 3 record(s) to large as relais-json; 1 rejected"), run.out());
        assertEquals(3, recordsIn("large"), "the good records were published");
    }

    @Test
    void anUnclosedCsvQuoteIsNamedByItsLine() throws Exception {
        List<String> lines = new ArrayList<>(List.of("follower_id,followee_id"));
        for (int i = 0; i < 200; i++) {
            lines.add((i == 3 ? "\"" : "") + "twitter:" + (1000 + i) + ",twitter:" + (2000 + i));
        }
        Path follows = write("follows.csv", lines.toArray(String[]::new));
        Path others = write("others.csv", "follower_id,followee_id", "twitter:1,twitter:2");
        CommandRun run = produce("follows-csv", "quote", follows, others);

        assertEquals(ExitCodes.TOO_MANY_BAD_RECORDS, run.code(), run.err());
        assertEquals("relais produce: 1 record(s) rejected and not published (oversized: 1), at " + follows + ":5",
                run.lastErrLine(), "the row with the quote, on line 5 after the header and three rows");
        assertTrue(run.err().contains("  rejected: " + follows + ":5: record of ")
                && run.err().contains("(1000) (a quote left open?)"), run.err());
        Matcher sent = Pattern.compile(Pattern.quote(follows.toString()) + ": (\\d+) record\\(s\\) sent, 1 rejected")
                .matcher(run.out());
        assertTrue(sent.find(), run.out());
        long fromFollows = Long.parseLong(sent.group(1));
        assertTrue(fromFollows > 3 && fromFollows < 199,
                "the rows before the quote and after what it swallowed are published: " + fromFollows);
        assertTrue(run.out().contains(others + ": 1 record(s) sent, 0 rejected"), "the next file too: " + run.out());
        assertEquals(fromFollows + 1, recordsIn("quote"));
    }

    @Test
    void aQuoteNeverClosedBeforeTheEndOfTheFileIsNamedRatherThanSwallowingTheRowsAfterIt() throws Exception {
        List<String> lines = new ArrayList<>(List.of("follower_id,followee_id"));
        for (int i = 0; i < 10; i++) {
            lines.add((i == 7 ? "\"" : "") + "twitter:" + (1000 + i) + ",twitter:" + (2000 + i));
        }
        Path follows = write("follows.csv", lines.toArray(String[]::new));
        CommandRun run = produce("follows-csv", "open-quote", follows);

        assertEquals(ExitCodes.TOO_MANY_BAD_RECORDS, run.code(), run.err());
        assertEquals("relais produce: 1 record(s) rejected and not published (malformed_csv: 1), at " + follows + ":9",
                run.lastErrLine());
        assertTrue(run.err().contains("  rejected: " + follows + ":9: a quoted field opened on this line is never"
                + " closed: the rest of the file ("), run.err());
        assertTrue(run.out().contains(follows + ": 7 record(s) sent, 1 rejected"), run.out());
        assertEquals(7, recordsIn("open-quote"));
    }

    @Test
    void aGzFileThatIsNotGzipIsNamed() throws Exception {
        Path notGzip = write("posts.jsonl.gz", post(1));
        CommandRun run = produce("relais-json", "gz", notGzip);

        assertEquals(ExitCodes.FAILED, run.code(), run.err());
        assertEquals("relais produce: " + notGzip + " is not a gzip file, though its name ends in .gz"
                + " (if it is not compressed, rename it without .gz)" + System.lineSeparator(), run.err());
    }

    @Test
    void aCutShortGzFileSaysHowManyOfItsRecordsWerePublished() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            lines.append(post(i)).append('\n');
        }
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(whole)) {
            gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = whole.toByteArray();
        Path cut = Files.write(dir.resolve("posts.jsonl.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CommandRun run = produce("relais-json", "cut", cut);

        assertEquals(ExitCodes.FAILED, run.code(), run.err());
        long published = recordsIn("cut");
        assertTrue(published > 0 && published < 2000, "the records before the break went out: " + published);
        assertTrue(run.err().startsWith("relais produce: cannot read " + cut + ": "), run.err());
        assertTrue(run.err().contains("(damaged or cut-short gzip data); the " + String.format(java.util.Locale.ROOT,
                "%,d", published) + " record(s) before that point were published"), run.err());
    }

    private CommandRun produce(String format, String topic, Path... files) {
        List<String> args = new ArrayList<>(List.of("--format", format, "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers(), "--set", "ingest.max-record-bytes=" + MAX_RECORD_BYTES,
                "--set", "kafka.topics=[" + topic + "]"));
        for (Path f : files) {
            args.add(f.toString());
        }
        return CommandRun.of(new ProduceCommand(), args.toArray(String[]::new));
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String post(int id) {
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id
                + "\",\"author_id\":\"u1\",\"created_at\":\"2026-10-30T10:00:00Z\"}";
    }

    private static long recordsIn(String topic) throws Exception {
        KafkaSettings settings = KafkaSettings.from(RelaisConfig.builder()
                .set("relais.kafka.bootstrap-servers", kafka.bootstrapServers()).build());
        try (Admin admin = Admin.create(settings.clientProperties())) {
            return new Topics(admin, settings).offsetRanges(List.of(topic)).values().stream()
                    .mapToLong(r -> r[1] - r[0]).sum();
        }
    }
}
