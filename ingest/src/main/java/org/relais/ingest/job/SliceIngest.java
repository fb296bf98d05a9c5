package org.relais.ingest.job;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.relais.ingest.lake.ParquetRowWriter;
import org.relais.ingest.lake.Tables.Table;

/**
 * One task of the ingest job's parse step: reads one {@link KafkaSlice} with a plain
 * {@link KafkaConsumer}, parses each record ({@link RecordParsing}) and writes each table's rows
 * to its own Parquet file in the batch's staging directory, {@code <table>/slice-NNNNN.parquet},
 * in Kafka order. Returns what it counted.
 *
 * <p>Files are written under a hidden name and renamed when the slice is complete, so a task that
 * dies leaves no file that looks finished, and a retried or speculative attempt writes the same
 * file again rather than a second copy.
 */
final class SliceIngest implements Function<KafkaSlice, SliceIngest.Result> {

    private static final long serialVersionUID = 1L;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Properties consumerProperties;
    private final Duration timeout;
    private final String stagingPath;
    private final String codec;
    private final HadoopConf hadoopConf;
    private final RecordParsing parsing;
    private final FailureInjector failures;
    private final long maxKeyHashes;

    /**
     * What a slice's task returns.
     *
     * @param keyHashes the hash of each row's key, per table; null unless asked for
     */
    record Result(BatchCounts counts, KeyHashes keyHashes) implements Serializable {
    }

    /**
     * @param consumerProperties the Kafka client's properties (servers, security); the consumer's
     *     own settings are added here
     * @param timeout how long a poll may bring nothing before the broker counts as unreachable
     * @param codec the Parquet codec of the lake's files
     * @param maxKeyHashes the most rows whose {@link KeyHashes} a slice returns; past it, it
     *     returns none (the driver then cannot tell that the keys are distinct)
     */
    SliceIngest(Properties consumerProperties, int maxPollRecords, Duration timeout, String stagingPath, String codec,
            Configuration hadoopConf, RecordParsing parsing, FailureInjector failures, long maxKeyHashes) {
        this.consumerProperties = new Properties();
        this.consumerProperties.putAll(consumerProperties);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // An offset Kafka no longer has is an error (records lost to retention), not a reason to skip.
        this.consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        this.consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20));
        this.consumerProperties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 << 20));
        this.timeout = timeout;
        this.stagingPath = stagingPath;
        this.codec = codec;
        this.hadoopConf = new HadoopConf(hadoopConf);
        this.parsing = parsing;
        this.failures = failures;
        this.maxKeyHashes = maxKeyHashes;
    }

    /** The staged file of {@code table}'s rows from slice {@code index}. */
    static String fileName(int index) {
        return String.format(Locale.ROOT, "slice-%05d.parquet", index);
    }

    @Override
    public Result call(KafkaSlice slice) throws IOException, KafkaReadException {
        BatchCounts counts = new BatchCounts();
        KeyHashes keys = maxKeyHashes > 0 ? new KeyHashes() : null;
        TopicPartition tp = slice.topicPartition();
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "relais-ingest-" + tp + "-" + slice.from());
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try (SliceFiles files = new SliceFiles(slice.index(), keys)) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, slice.from());
            long position = slice.from();
            long lastProgress = System.nanoTime();
            RecordParsing.HeaderValues headers = new RecordParsing.HeaderValues();
            while (position < slice.to()) {
                ConsumerRecords<byte[], byte[]> polled = poll(consumer, slice, position);
                for (ConsumerRecord<byte[], byte[]> r : polled.records(tp)) {
                    if (r.offset() >= slice.to()) {
                        break;
                    }
                    failures.at(FailureInjector.Point.READ);
                    parsing.parse(RecordParsing.KafkaRecord.of(r, headers), counts, files);
                }
                long now = System.nanoTime();
                long next = position(consumer, tp);
                if (next > position) {
                    position = next;
                    lastProgress = now;
                } else if (now - lastProgress > timeout.toNanos()) {
                    throw new KafkaReadException("no record of " + tp + " could be read at offset " + position
                            + " for " + timeout.toSeconds() + " s (relais.kafka.request-timeout): is the broker"
                            + " reachable?");
                }
            }
            files.complete();
        } finally {
            // Closed without waiting: the consumer has no group and nothing to commit, and close()
            // would wait for the fetch it sent ahead, which at the end of a partition the broker
            // holds for up to fetch.max.wait.ms (500 ms by default) since no new record comes.
            consumer.close(Duration.ZERO);
        }
        return new Result(counts, keys == null || keys.size() > maxKeyHashes ? null : keys);
    }

    private long position(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp) throws KafkaReadException {
        try {
            return consumer.position(tp, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new KafkaReadException("the position in " + tp + " could not be read from Kafka within "
                    + timeout.toSeconds() + " s (relais.kafka.request-timeout): is the broker reachable?", e);
        }
    }

    private ConsumerRecords<byte[], byte[]> poll(KafkaConsumer<byte[], byte[]> consumer, KafkaSlice slice,
            long position) throws KafkaReadException {
        try {
            return consumer.poll(POLL);
        } catch (OffsetOutOfRangeException e) {
            throw new KafkaReadException("offset " + position + " of " + slice.topicPartition() + " is no longer in"
                    + " Kafka: its records were deleted (retention) while the batch was being read. Run again: the"
                    + " next run starts from what Kafka still holds and reports what was lost", e);
        } catch (RetriableException e) {
            return ConsumerRecords.empty();
        }
    }

    /** A slice could not be read from Kafka; the run fails and commits nothing. */
    static final class KafkaReadException extends Exception {

        private static final long serialVersionUID = 1L;

        KafkaReadException(String message) {
            super(message);
        }

        KafkaReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One Parquet file per table, opened at the table's first row. */
    private final class SliceFiles implements RecordParsing.Sink, AutoCloseable {

        private final int index;
        private final KeyHashes keys;
        private final String attempt;
        private final Configuration conf = hadoopConf.get();
        private final Map<Table, ParquetRowWriter> writers = new LinkedHashMap<>();
        private final Map<Table, Path> written = new LinkedHashMap<>();
        private boolean complete;

        SliceFiles(int index, KeyHashes keys) {
            this.index = index;
            this.keys = keys;
            TaskContext task = TaskContext.get();
            this.attempt = task == null ? "0" : Long.toString(task.taskAttemptId());
        }

        @Override
        public void add(Table table, Row row) throws IOException {
            ParquetRowWriter writer = writers.get(table);
            if (writer == null) {
                Path hidden = new Path(new Path(stagingPath, table.name()), "." + fileName(index) + "." + attempt);
                writer = ParquetRowWriter.create(hidden, table.schema(), codec, conf);
                writers.put(table, writer);
                written.put(table, hidden);
            }
            writer.write(row);
            if (keys != null && table != org.relais.ingest.lake.Tables.Quarantine.TABLE && keys.size() <= maxKeyHashes) {
                keys.add(table, row);
            }
        }

        /** Closes the files and gives them their final names. */
        void complete() throws IOException {
            for (ParquetRowWriter w : writers.values()) {
                w.close();
            }
            for (Map.Entry<Table, Path> e : written.entrySet()) {
                Path hidden = e.getValue();
                Path target = new Path(hidden.getParent(), fileName(index));
                FileSystem fs = hidden.getFileSystem(conf);
                // Another attempt of this slice (a retry, a speculative copy) may have finished
                // first: its file holds the same rows, and is never replaced, since a reader may
                // already count on it.
                if (!fs.exists(target) && !fs.rename(hidden, target) && !fs.exists(target)) {
                    throw new IOException("cannot rename " + hidden + " to " + target);
                }
                fs.delete(hidden, false);
            }
            complete = true;
        }

        @Override
        public void close() throws IOException {
            if (complete) {
                return;
            }
            for (ParquetRowWriter w : writers.values()) {
                try {
                    w.close();
                } catch (IOException | RuntimeException e) {
                    // Already failing: the hidden file is deleted below or by the next run's clean-up.
                }
            }
            for (Path hidden : written.values()) {
                hidden.getFileSystem(conf).delete(hidden, false);
            }
        }
    }

    /** A Hadoop configuration that travels to the executors (Hadoop's own is not serializable). */
    static final class HadoopConf implements Serializable {

        private static final long serialVersionUID = 1L;
        private transient Configuration conf;

        HadoopConf(Configuration conf) {
            this.conf = conf;
        }

        Configuration get() {
            return conf;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            conf.write(out);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            conf = new Configuration(false);
            conf.readFields(in);
        }
    }
}
