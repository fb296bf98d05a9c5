package org.relais.ingest.job;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.relais.ingest.format.BadInputException;
import org.relais.ingest.format.BadRecordException;
import org.relais.ingest.format.BlogIds;
import org.relais.ingest.format.Formats;
import org.relais.ingest.format.ParseContext;
import org.relais.ingest.format.Reason;
import org.relais.ingest.format.RecordFormat;
import org.relais.ingest.kafka.RecordHeaders;
import org.relais.ingest.lake.Rows;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.lake.Tables.Table;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Identity;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

/**
 * The ingest job's parse step, run on the executors: each Kafka record becomes one row per
 * canonical entity it holds, in the order the record holds them, or one quarantine row, or
 * nothing when it holds nothing to store (a blog linking to itself: counted as skipped). Every
 * record is counted once in {@link BatchCounts}.
 *
 * <p>No record's content makes an exception escape: a parser that fails unexpectedly sends the
 * record to quarantine with reason {@code parser_error}, so one bad record never stops the night.
 * What escapes is the sink's own failure to write ({@link IOException}: a full disk), which fails
 * the task.
 */
public final class RecordParsing implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The stage name written to quarantine rows from here. */
    public static final String STAGE = "parse";
    public static final String PARSER_ERROR = "parser_error";

    private final long batch;
    private final long nowMillis;
    private final long maxRecordBytes;
    private final List<String> blogPathPatterns;
    private transient Parsers parsers;

    /** A Kafka record as the parse step reads it: coordinates, time, bytes and the Relais headers. */
    public record KafkaRecord(String topic, int partition, long offset, Timestamp timestamp, byte[] key, byte[] value,
            String format, String source) {

        /**
         * @param headers the header values decoded so far by the calling task: consecutive records
         *     nearly always carry the same format and source, decoded once
         */
        static KafkaRecord of(ConsumerRecord<byte[], byte[]> r, HeaderValues headers) {
            return new KafkaRecord(r.topic(), r.partition(), r.offset(),
                    r.timestamp() < 0 ? null : new Timestamp(r.timestamp()), r.key(), r.value(),
                    headers.value(r, RecordHeaders.FORMAT), headers.value(r, RecordHeaders.SOURCE));
        }
    }

    /** Header values as text, each decoded once while it repeats from record to record. */
    static final class HeaderValues {

        private final Map<String, byte[]> lastBytes = new HashMap<>();
        private final Map<String, String> lastText = new HashMap<>();

        /** The first value of header {@code name}, as UTF-8; null when there is none. */
        String value(ConsumerRecord<byte[], byte[]> r, String name) {
            for (Header h : r.headers()) {
                if (name.equals(h.key()) && h.value() != null) {
                    byte[] bytes = h.value();
                    if (!java.util.Arrays.equals(bytes, lastBytes.get(name))) {
                        lastBytes.put(name, bytes);
                        lastText.put(name, new String(bytes, StandardCharsets.UTF_8));
                    }
                    return lastText.get(name);
                }
            }
            return null;
        }
    }

    /** Where the rows go. */
    @FunctionalInterface
    public interface Sink {
        void add(Table table, Row row) throws IOException;
    }

    /**
     * @param batch the lake version this batch will commit as; stored in every row
     * @param now the ingest time: posts dated more than a day later are quarantined
     * @param maxRecordBytes larger records are quarantined as oversized
     * @param blogPathPatterns the blog id path patterns ({@link BlogIds})
     */
    public RecordParsing(long batch, Instant now, long maxRecordBytes, List<String> blogPathPatterns) {
        this.batch = batch;
        this.nowMillis = now.toEpochMilli();
        this.maxRecordBytes = maxRecordBytes;
        this.blogPathPatterns = List.copyOf(blogPathPatterns);
    }

    /** What parsing needs beyond the settings, built once per executor thread's copy. */
    private record Parsers(Instant now, Timestamp quarantinedAt, BlogIds blogIds, Map<String, RecordFormat> formats) {
    }

    private Parsers parsers() {
        if (parsers == null) {
            parsers = new Parsers(Instant.ofEpochMilli(nowMillis), new Timestamp(nowMillis),
                    BlogIds.withPathPatterns(blogPathPatterns), new HashMap<>());
        }
        return parsers;
    }

    /** Parses {@code kafka} into {@code sink}, counting it in {@code counts}. */
    void parse(KafkaRecord kafka, BatchCounts counts, Sink sink) throws IOException {
        Parsers p = parsers();
        byte[] value = kafka.value();
        String formatName = kafka.format();
        counts.record(formatName);

        String code = null;
        String reason = null;
        ParsedRecord parsed = null;
        List<TableRow> rows = null;
        if (value == null) {
            code = Reason.MISSING_FIELD.code();
            reason = "the record has no value";
        } else if (value.length > maxRecordBytes) {
            code = Reason.OVERSIZED.code();
            reason = "the record has " + value.length + " bytes, more than relais.ingest.max-record-bytes ("
                    + maxRecordBytes + ")";
        } else {
            try {
                RecordFormat format = format(formatName, p.formats());
                Instant received = kafka.timestamp() == null ? p.now() : kafka.timestamp().toInstant();
                parsed = format.parse(value, ParseContext.at(p.now(), received, p.blogIds()));
                // Made here, so that a value the lake cannot hold quarantines the record whole.
                rows = rows(parsed, formatName);
            } catch (BadRecordException e) {
                code = e.reason().code();
                reason = e.getMessage();
            } catch (RuntimeException | StackOverflowError e) {
                code = PARSER_ERROR;
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        if (code != null) {
            counts.quarantined(code, formatName);
            add(Tables.Quarantine.TABLE, RowFactory.create(kafka.topic(), kafka.partition(), kafka.offset(),
                    kafka.timestamp(), formatName, kafka.source(), STAGE, code, reason, kafka.key(), value,
                    p.quarantinedAt(), batch), counts, sink);
            return;
        }
        for (TableRow r : rows) {
            add(r.table(), r.row(), counts, sink);
        }
        if (parsed.isEmpty()) {
            counts.skipped(formatName);
        }
    }

    /** A row and the table it goes to. */
    private record TableRow(Table table, Row row) {
    }

    /** The lake rows of a parsed record, table by table. */
    private List<TableRow> rows(ParsedRecord parsed, String formatName) {
        List<TableRow> rows = new ArrayList<>();
        for (Post post : parsed.posts()) {
            rows.add(new TableRow(Tables.Posts.TABLE, Rows.post(post, batch)));
        }
        for (Account a : parsed.accounts()) {
            rows.add(new TableRow(Tables.Accounts.TABLE, Rows.account(a, formatName, batch)));
        }
        for (Follow f : parsed.follows()) {
            rows.add(new TableRow(Tables.Follows.TABLE, Rows.follow(f, batch)));
        }
        for (BlogLink l : parsed.blogLinks()) {
            rows.add(new TableRow(Tables.BlogLinks.TABLE, Rows.blogLink(l, batch)));
        }
        for (Identity i : parsed.identities()) {
            rows.add(new TableRow(Tables.Identities.TABLE, Rows.identity(i, formatName, batch)));
        }
        for (Deletion d : parsed.deletions()) {
            rows.add(new TableRow(Tables.Deletions.TABLE, Rows.deletion(d, formatName, batch)));
        }
        return rows;
    }

    private static void add(Table table, Row row, BatchCounts counts, Sink sink) throws IOException {
        counts.row(table);
        sink.add(table, row);
    }

    private static RecordFormat format(String name, Map<String, RecordFormat> cache) throws BadRecordException {
        if (name == null) {
            throw new BadRecordException(Reason.UNKNOWN_FORMAT,
                    "the record has no " + RecordHeaders.FORMAT + " header; publish with bin/relais produce");
        }
        RecordFormat format = cache.get(name);
        if (format == null) {
            try {
                format = Formats.byName(name);
            } catch (BadInputException e) {
                throw new BadRecordException(Reason.UNKNOWN_FORMAT, e.getMessage());
            }
            cache.put(name, format);
        }
        return format;
    }
}
