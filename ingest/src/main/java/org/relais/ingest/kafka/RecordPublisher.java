package org.relais.ingest.kafka;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.relais.ingest.format.BadInputException;
import org.relais.ingest.format.Reason;
import org.relais.ingest.format.RecordFormat;
import org.relais.ingest.format.SourceRecord;
import org.relais.ingest.util.Causes;

/**
 * Publishes input files to a Kafka topic, one Kafka record per record of the file's format, with
 * the format's name and the record's {@code file:line} in headers. Values are the file's bytes,
 * unparsed: parsing, and quarantining what does not parse, is the ingest job's work.
 *
 * <p>The producer is idempotent ({@code enable.idempotence}, {@code acks=all}), so a retried send
 * never duplicates a record, and records with the same key (one post) keep their order.
 */
public final class RecordPublisher {

    /** Rejected records kept for the summary; the counts cover all of them. */
    private static final int MAX_REJECTION_MESSAGES = 20;

    private final Producer<byte[], byte[]> producer;
    private final long maxRecordBytes;

    /**
     * A record that was not published.
     *
     * @param place the file as given and the line where the record starts, {@code file:line}
     * @param reason why, as the ingest job's quarantine names it
     * @param detail what was wrong with the record, for people
     */
    public record Rejection(String place, Reason reason, String detail) {

        /** {@code file:line: detail}, as {@code produce} lists it. */
        @Override
        public String toString() {
            return place + ": " + detail;
        }
    }

    /**
     * Outcome of publishing files.
     *
     * @param sent records acknowledged by the broker
     * @param rejectedByReason records not sent, counted by reason (only non-zero counts)
     * @param rejections the first rejected records, each with its file and line
     */
    public record Result(long sent, Map<Reason, Long> rejectedByReason, List<Rejection> rejections) {

        public Result {
            EnumMap<Reason, Long> counts = new EnumMap<>(Reason.class);
            counts.putAll(rejectedByReason);
            rejectedByReason = Collections.unmodifiableMap(counts);
            rejections = List.copyOf(rejections);
        }

        /** Records not sent, whatever the reason. */
        public long rejected() {
            return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        public Result plus(Result other) {
            EnumMap<Reason, Long> counts = new EnumMap<>(Reason.class);
            counts.putAll(rejectedByReason);
            other.rejectedByReason.forEach((reason, n) -> counts.merge(reason, n, Long::sum));
            List<Rejection> kept = new ArrayList<>(rejections);
            other.rejections.stream().limit(Math.max(0, MAX_REJECTION_MESSAGES - kept.size())).forEach(kept::add);
            return new Result(sent + other.sent, counts, kept);
        }

        public static Result empty() {
            return new Result(0, Map.of(), List.of());
        }
    }

    /** A send that failed (broker unreachable, authorisation, ...): the run stops. */
    public static final class PublishException extends Exception {

        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public RecordPublisher(Producer<byte[], byte[]> producer, long maxRecordBytes) {
        this.producer = producer;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** An idempotent, batching producer for {@code settings}. */
    public static Producer<byte[], byte[]> createProducer(KafkaSettings settings, long maxRecordBytes) {
        Properties p = settings.clientProperties();
        long timeoutMs = settings.requestTimeout().toMillis();
        p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight per broker: a batch the broker refuses for a moment (a partition of
        // a topic just created, whose leader is not ready yet) is retried before any later batch of
        // its partition is sent. With several in flight, a later batch could land first; the broker
        // then refuses the first one for good as out of sequence, and the publication stalls until
        // the delivery timeout.
        p.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(Math.max(maxRecordBytes + 64 * 1024, 1 << 20)));
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));
        // Kafka's own default (two minutes), or more when requests may take longer: a busy broker
        // slows a large publication down, it does not fail it.
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(120_000, timeoutMs + 20_000)));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes one file and waits until every record is acknowledged. Records larger than the
     * limit are not sent: the result counts them and names the first ones.
     *
     * @param progress told the number of the file's bytes read so far
     * @throws BadInputException when the file cannot be used at all in this format, or a file
     *     named {@code .gz} is not gzip
     * @throws IOException when the file cannot be read; the message names it
     * @throws PublishException when the broker does not take the records
     */
    public Result publish(String topic, RecordFormat format, Path file, LongConsumer progress)
            throws IOException, BadInputException, PublishException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        Map<Reason, Long> rejected = new EnumMap<>(Reason.class);
        List<Rejection> rejections = new ArrayList<>();
        byte[] formatHeader = format.name().getBytes(StandardCharsets.UTF_8);
        String fileName = file.getFileName().toString();
        boolean gzip = fileName.endsWith(".gz");

        try (BoundedInputStream counted = BoundedInputStream.builder()
                        .setInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)).get();
                InputStream in = gzip ? gunzip(counted, file) : counted) {
            Iterator<SourceRecord> records = format.split(in, fileName,
                    (int) Math.min(maxRecordBytes, SourceRecord.NO_LIMIT));
            while (records.hasNext() && failure.get() == null) {
                SourceRecord r = records.next();
                if (r.size() > maxRecordBytes || r.openQuote()) {
                    Rejection rejection = r.openQuote() ? openQuote(file, r) : tooLarge(file, format, r);
                    rejected.merge(rejection.reason(), 1L, Long::sum);
                    if (rejections.size() < MAX_REJECTION_MESSAGES) {
                        rejections.add(rejection);
                    }
                    continue;
                }
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, r.key(), r.value());
                record.headers().add(RecordHeaders.FORMAT, formatHeader);
                record.headers().add(RecordHeaders.SOURCE,
                        (fileName + ":" + r.line()).getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                sent++;
                if ((sent & 1023) == 0) {
                    progress.accept(counted.getCount());
                }
            }
            producer.flush();
            progress.accept(counted.getCount());
        } catch (TimeoutException e) {
            throw new PublishException(unreachable(e), e);
        } catch (UncheckedIOException e) {
            throw unreadable(file, gzip, e.getCause(), published(sent, failure));
        } catch (IOException e) {
            throw unreadable(file, gzip, e, published(sent, failure));
        }
        Exception error = failure.get();
        if (error != null) {
            throw new PublishException(error instanceof TimeoutException
                    ? unreachable(error)
                    : "publishing " + fileName + " to " + topic + " failed: " + error.getMessage(), error);
        }
        return new Result(sent, rejected, rejections);
    }

    /**
     * An oversized record. In a CSV file, a quote left open runs a record over the lines after it
     * until the size limit, which the message suggests; a JSON line is just that long.
     */
    private Rejection tooLarge(Path file, RecordFormat format, SourceRecord r) {
        return new Rejection(file + ":" + r.line(), Reason.OVERSIZED, "record of " + r.size()
                + " bytes is larger than relais.ingest.max-record-bytes (" + maxRecordBytes + ")"
                + (r.oversized() && format.name().endsWith("-csv") ? " (a quote left open?)" : ""));
    }

    /** A CSV row whose quote is never closed: published, it would be one row holding the rest of the file. */
    private static Rejection openQuote(Path file, SourceRecord r) {
        return new Rejection(file + ":" + r.line(), Reason.MALFORMED_CSV, "a quoted field opened on this line is never"
                + " closed: the rest of the file (" + r.size() + " bytes) would be one row; close the quote and"
                + " publish the file again");
    }

    /** The decompressed stream of a {@code .gz} file; a file that is not gzip is bad input. */
    private static InputStream gunzip(InputStream in, Path file) throws IOException, BadInputException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw new BadInputException(file + " is not a gzip file, though its name ends in .gz"
                    + " (if it is not compressed, rename it without .gz)");
        }
    }

    /**
     * A read error that names the file, since the reader's own message does not, and says what
     * of it was published: the records read before the error are sent all the same.
     */
    private static IOException unreadable(Path file, boolean gzip, IOException e, long published) {
        String hint = gzip && (e instanceof ZipException || e instanceof EOFException)
                ? " (damaged or cut-short gzip data)" : "";
        String sent = published < 0 ? "; the broker did not take all of the records read before that point"
                : published == 0 ? "; nothing of it was published"
                : String.format(Locale.ROOT, "; the %,d record(s) before that point were published (publishing the"
                        + " repaired file again is safe: the ingest job stores each record once)", published);
        return new IOException("cannot read " + file + ": " + Causes.message(e) + hint + sent, e);
    }

    /**
     * How many of the {@code sent} records the broker took, once those in flight are flushed;
     * -1 when the broker refused some or the flush failed.
     */
    private long published(long sent, AtomicReference<Exception> failure) {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            return -1;
        }
        return failure.get() == null ? sent : -1;
    }

    private static String unreachable(Exception e) {
        return "the Kafka broker did not answer in time (" + e.getMessage()
                + "); is it running? check --bootstrap-servers";
    }
}
