package org.relais.ingest.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
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
import org.relais.ingest.model.Account;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.Identity;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Post;

/**
 * The ingest job's parse step, run on the executors: each Kafka record (a row of Spark's Kafka
 * source) becomes one output row per canonical entity it holds, or one quarantine row, or one
 * "skipped" row when it holds nothing to store (a blog linking to itself). Exactly one output row
 * per record has {@code first = true}, so counting records needs no second read of Kafka.
 *
 * <p>No exception escapes: a parser that fails unexpectedly sends the record to quarantine with
 * reason {@code parser_error}, so one bad record never stops the night.
 */
public final class RecordParsing implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    public static final String KIND = "kind";
    public static final String FIRST = "first";
    public static final String FORMAT = "format";
    // Kafka coordinates of the record; "_" keeps them apart from the quarantine table's own columns.
    public static final String TOPIC = "_topic";
    public static final String PARTITION = "_partition";
    public static final String OFFSET = "_offset";
    /** Position of the entity inside its record: with topic/partition/offset, a total order. */
    public static final String INDEX = "_index";
    public static final String SKIPPED = "skipped";
    /** The stage name written to quarantine rows from here. */
    public static final String STAGE = "parse";
    public static final String PARSER_ERROR = "parser_error";

    /** The parse step's output: routing columns, then one struct column per table. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field(KIND, StringType, false),
        field(FIRST, BooleanType, false),
        field(FORMAT, StringType, true),
        field(TOPIC, StringType, false),
        field(PARTITION, IntegerType, false),
        field(OFFSET, LongType, false),
        field(INDEX, IntegerType, false),
        field(Tables.Posts.TABLE.name(), Tables.Posts.TABLE.schema(), true),
        field(Tables.Accounts.TABLE.name(), Tables.Accounts.TABLE.schema(), true),
        field(Tables.Follows.TABLE.name(), Tables.Follows.TABLE.schema(), true),
        field(Tables.BlogLinks.TABLE.name(), Tables.BlogLinks.TABLE.schema(), true),
        field(Tables.Identities.TABLE.name(), Tables.Identities.TABLE.schema(), true),
        field(Tables.Deletions.TABLE.name(), Tables.Deletions.TABLE.schema(), true),
        field(Tables.Quarantine.TABLE.name(), Tables.Quarantine.TABLE.schema(), true)});

    private static final int TABLE_COLUMNS_START = 7;
    private static final List<String> TABLE_ORDER = List.of(Tables.Posts.TABLE.name(), Tables.Accounts.TABLE.name(),
            Tables.Follows.TABLE.name(), Tables.BlogLinks.TABLE.name(), Tables.Identities.TABLE.name(),
            Tables.Deletions.TABLE.name(), Tables.Quarantine.TABLE.name());

    private final long batch;
    private final long nowMillis;
    private final long maxRecordBytes;
    private final List<String> blogPathPatterns;
    private final FailureInjector failures;

    /**
     * @param batch the lake version this batch will commit as; stored in every row
     * @param now the ingest time: posts dated more than a day later are quarantined
     * @param maxRecordBytes larger records are quarantined as oversized
     * @param blogPathPatterns the blog id path patterns ({@link BlogIds})
     * @param failures called once per record read; {@link FailureInjector#NONE} but in tests
     */
    public RecordParsing(long batch, Instant now, long maxRecordBytes, List<String> blogPathPatterns,
            FailureInjector failures) {
        this.batch = batch;
        this.nowMillis = now.toEpochMilli();
        this.maxRecordBytes = maxRecordBytes;
        this.blogPathPatterns = List.copyOf(blogPathPatterns);
        this.failures = failures;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> kafkaRows) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        Timestamp quarantinedAt = new Timestamp(nowMillis);
        BlogIds blogIds = BlogIds.withPathPatterns(blogPathPatterns);
        Map<String, RecordFormat> formats = new HashMap<>();
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                while (next >= pending.size() && kafkaRows.hasNext()) {
                    pending.clear();
                    next = 0;
                    Row record = kafkaRows.next();
                    failures.at(FailureInjector.Point.READ);
                    parseOne(record, now, quarantinedAt, blogIds, formats, pending);
                }
                return next < pending.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return pending.get(next++);
            }
        };
    }

    private void parseOne(Row kafka, Instant now, Timestamp quarantinedAt, BlogIds blogIds,
            Map<String, RecordFormat> formats, List<Row> out) {
        byte[] key = kafka.getAs("key");
        byte[] value = kafka.getAs("value");
        String topic = kafka.getAs("topic");
        int partition = kafka.<Integer>getAs("partition");
        long offset = kafka.<Long>getAs("offset");
        Timestamp kafkaTime = kafka.getAs("timestamp");
        String formatName = header(kafka, RecordHeaders.FORMAT);
        String source = header(kafka, RecordHeaders.SOURCE);
        Coordinates at = new Coordinates(topic, partition, offset, formatName);

        Row quarantine = null;
        ParsedRecord parsed = null;
        if (value == null) {
            quarantine = quarantine(at, kafkaTime, source, Reason.MISSING_FIELD.code(), "the record has no value",
                    key, null, quarantinedAt);
        } else if (value.length > maxRecordBytes) {
            quarantine = quarantine(at, kafkaTime, source, Reason.OVERSIZED.code(), "the record has " + value.length
                    + " bytes, more than relais.ingest.max-record-bytes (" + maxRecordBytes + ")", key, value,
                    quarantinedAt);
        } else {
            try {
                RecordFormat format = format(formatName, formats);
                Instant received = kafkaTime == null ? now : kafkaTime.toInstant();
                parsed = format.parse(value, ParseContext.at(now, received, blogIds));
            } catch (BadRecordException e) {
                quarantine = quarantine(at, kafkaTime, source, e.reason().code(), e.getMessage(), key, value,
                        quarantinedAt);
            } catch (RuntimeException | StackOverflowError e) {
                quarantine = quarantine(at, kafkaTime, source, PARSER_ERROR, e.getClass().getSimpleName() + ": "
                        + e.getMessage(), key, value, quarantinedAt);
            }
        }
        if (quarantine != null) {
            out.add(route(at, Tables.Quarantine.TABLE.name(), 0, quarantine));
            return;
        }
        int index = 0;
        for (Post p : parsed.posts()) {
            out.add(route(at, Tables.Posts.TABLE.name(), index++, Rows.post(p, batch)));
        }
        for (Account a : parsed.accounts()) {
            out.add(route(at, Tables.Accounts.TABLE.name(), index++, Rows.account(a, formatName, batch)));
        }
        for (Follow f : parsed.follows()) {
            out.add(route(at, Tables.Follows.TABLE.name(), index++, Rows.follow(f, batch)));
        }
        for (BlogLink l : parsed.blogLinks()) {
            out.add(route(at, Tables.BlogLinks.TABLE.name(), index++, Rows.blogLink(l, batch)));
        }
        for (Identity i : parsed.identities()) {
            out.add(route(at, Tables.Identities.TABLE.name(), index++, Rows.identity(i, formatName, batch)));
        }
        for (Deletion d : parsed.deletions()) {
            out.add(route(at, Tables.Deletions.TABLE.name(), index++, Rows.deletion(d, formatName, batch)));
        }
        if (index == 0) {
            out.add(route(at, SKIPPED, 0, null));
        }
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

    private record Coordinates(String topic, int partition, long offset, String format) {
    }

    private static Row route(Coordinates at, String kind, int index, Row payload) {
        Object[] values = new Object[SCHEMA.size()];
        values[0] = kind;
        values[1] = index == 0;
        values[2] = at.format();
        values[3] = at.topic();
        values[4] = at.partition();
        values[5] = at.offset();
        values[6] = index;
        int slot = TABLE_ORDER.indexOf(kind);
        if (slot >= 0) {
            values[TABLE_COLUMNS_START + slot] = payload;
        }
        return RowFactory.create(values);
    }

    private Row quarantine(Coordinates at, Timestamp kafkaTime, String source, String code, String reason,
            byte[] key, byte[] value, Timestamp quarantinedAt) {
        return RowFactory.create(at.topic(), at.partition(), at.offset(), kafkaTime, at.format(), source, STAGE,
                code, reason, key, value, quarantinedAt, batch);
    }

    private static String header(Row kafka, String name) {
        List<Row> headers = kafka.getList(kafka.fieldIndex("headers"));
        if (headers == null) {
            return null;
        }
        for (Row h : headers) {
            if (name.equals(h.getString(0)) && !h.isNullAt(1)) {
                return new String((byte[]) h.get(1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
