package org.relais.ingest.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.kafka.KafkaSettings;
import org.relais.ingest.kafka.Topics;
import org.relais.ingest.kafka.Topics.KafkaUnavailableException;
import org.relais.ingest.lake.DeletionRules;
import org.relais.ingest.lake.Lake;
import org.relais.ingest.lake.LakeState;
import org.relais.ingest.lake.Removal;
import org.relais.ingest.lake.SegmentMerge;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.lake.Tables.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest job: reads every Kafka record that arrived since the last committed batch, parses it
 * into the canonical tables (or quarantine), merges the rows into the lake without duplicates, and
 * commits the new segments together with the offsets read, in one atomic step.
 *
 * <p>The offsets to read up to are fixed before reading, so a batch is a fixed, repeatable range:
 * a run that dies anywhere before its commit leaves the lake as it was, and the next run reads the
 * same range again. A run after a successful commit starts where it ended.
 */
public final class IngestJob {

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    /** Partitions are not cut into slices smaller than this: each slice costs a task and a consumer. */
    private static final long MIN_SLICE_RECORDS = 20_000;
    /**
     * Up to this many rows in a batch, the tasks send the driver a hash of each row's key (8 bytes
     * a row, 64 MB at most), which spares the merge a search for repeated keys when there are none
     * ({@link KeyHashes}). Each slice sends at most its share.
     */
    private static final long MAX_KEY_HASHES = 8_000_000;

    private final SparkSession spark;
    private final Lake lake;
    private final KafkaSettings kafka;
    private final OffsetSource offsets;
    private final long maxRecordBytes;
    private final int maxPollRecords;
    private final List<String> blogPathPatterns;
    private final double maxBadFraction;
    private final long minBadRecords;
    private final java.time.Duration quarantineRetention;
    private final Clock clock;
    private FailureInjector failures = FailureInjector.NONE;

    /** Where the ingest job learns which offsets exist: Kafka's admin API ({@link Topics#offsets}). */
    @FunctionalInterface
    public interface OffsetSource {
        /** For each partition of the topics that exist, {@code [first, next)} offsets; each topic's id. */
        Topics.Offsets offsets(List<String> topics) throws KafkaUnavailableException;
    }

    public IngestJob(SparkSession spark, Lake lake, KafkaSettings kafka, OffsetSource offsets, Settings settings,
            Clock clock) {
        this.spark = spark;
        this.lake = lake;
        this.kafka = kafka;
        this.offsets = offsets;
        this.maxRecordBytes = settings.maxRecordBytes();
        this.maxPollRecords = settings.maxPollRecords();
        this.blogPathPatterns = settings.blogPathPatterns();
        this.maxBadFraction = settings.maxBadFraction();
        this.minBadRecords = settings.minBadRecords();
        this.quarantineRetention = settings.quarantineRetention();
        this.clock = clock;
    }

    /** For tests: makes the run fail at the points {@code failures} chooses. */
    public IngestJob withFailures(FailureInjector failures) {
        this.failures = failures;
        return this;
    }

    /**
     * The ingest job's settings ({@code relais.ingest.*}).
     *
     * @param maxRecordBytes larger records go to quarantine as oversized
     * @param maxPollRecords records per Kafka poll of each ingest task's consumer
     * @param blogPathPatterns blog id path patterns, see {@link org.relais.ingest.format.BlogIds}
     * @param maxBadFraction the run fails, committing nothing, when more than this share of the
     *     batch's records is bad ...
     * @param minBadRecords ... and at least this many are, so that one bad record in a batch of
     *     three does not stop a night
     * @param quarantineRetention how long a quarantined record is kept (with its raw bytes) for
     *     someone to look at and publish again; each batch takes out those older than this
     */
    public record Settings(long maxRecordBytes, int maxPollRecords, List<String> blogPathPatterns,
            double maxBadFraction, long minBadRecords, java.time.Duration quarantineRetention) {

        /** The default of {@code relais.ingest.quarantine-retention}. */
        public static final java.time.Duration DEFAULT_QUARANTINE_RETENTION = java.time.Duration.ofDays(30);

        public Settings {
            List<String> problems = new java.util.ArrayList<>();
            if (maxRecordBytes < 1) {
                problems.add("relais.ingest.max-record-bytes was " + maxRecordBytes + ", but must be >= 1");
            }
            if (maxPollRecords < 1) {
                problems.add("relais.ingest.max-poll-records was " + maxPollRecords + ", but must be >= 1");
            }
            if (!(maxBadFraction >= 0 && maxBadFraction <= 1)) {
                problems.add("relais.ingest.max-bad-fraction was " + maxBadFraction + ", but must be in [0, 1]");
            }
            if (minBadRecords < 0) {
                problems.add("relais.ingest.min-bad-records was " + minBadRecords + ", but must be >= 0");
            }
            if (quarantineRetention.isNegative() || quarantineRetention.isZero()) {
                problems.add("relais.ingest.quarantine-retention was " + quarantineRetention.toMillis()
                        + " ms, but must be positive");
            }
            if (!problems.isEmpty()) {
                throw new org.relais.ingest.config.ConfigException(problems);
            }
            blogPathPatterns = List.copyOf(blogPathPatterns);
        }

        /** Settings for tests and tools: no threshold on bad records. */
        public Settings(long maxRecordBytes, int maxPollRecords, List<String> blogPathPatterns) {
            this(maxRecordBytes, maxPollRecords, blogPathPatterns, 1.0, 0);
        }

        /** Settings with the default quarantine retention. */
        public Settings(long maxRecordBytes, int maxPollRecords, List<String> blogPathPatterns,
                double maxBadFraction, long minBadRecords) {
            this(maxRecordBytes, maxPollRecords, blogPathPatterns, maxBadFraction, minBadRecords,
                    DEFAULT_QUARANTINE_RETENTION);
        }

        public static Settings from(org.relais.ingest.config.RelaisConfig config) {
            return new Settings(config.bytes("relais.ingest.max-record-bytes"),
                    config.integer("relais.ingest.max-poll-records"), config.strings("relais.ingest.blog-path-patterns"),
                    config.number("relais.ingest.max-bad-fraction"), config.integer("relais.ingest.min-bad-records"),
                    config.duration("relais.ingest.quarantine-retention"));
        }
    }

    /**
     * Too large a share of a batch was bad: nothing was committed, so the same records are read
     * again once the cause (often a wrong format name or a broken collector) is fixed.
     */
    public static final class TooManyBadRecordsException extends Exception {

        private static final long serialVersionUID = 1L;

        public TooManyBadRecordsException(String message) {
            super(message);
        }
    }

    /**
     * What one ingest run did.
     *
     * @param version the lake version after the run (unchanged when nothing new arrived, unless
     *     quarantined records expired)
     * @param batch what was read and written; its ranges are empty when nothing new arrived
     * @param lost records Kafka deleted (retention) before they could be read, by partition
     * @param committedEarlier true when nothing new arrived and {@code batch} is the one an earlier
     *     attempt of the same run date committed (a re-run reports it rather than nothing)
     * @param quarantineExpired quarantined records taken out because they were older than
     *     {@code relais.ingest.quarantine-retention}
     */
    public record Result(long version, LakeState.Batch batch, Map<String, Long> lost, boolean committedEarlier,
            long quarantineExpired) {

        /** A run that let no quarantined record expire. */
        public Result(long version, LakeState.Batch batch, Map<String, Long> lost, boolean committedEarlier) {
            this(version, batch, lost, committedEarlier, 0);
        }

        /** Whether this run read records from Kafka (not whether the date's batch holds some). */
        public boolean consumedAnything() {
            return !committedEarlier && batch.records() > 0;
        }

        public long quarantinedTotal() {
            return batch.quarantined().values().stream().mapToLong(Long::longValue).sum();
        }

        public ObjectNode toJson() {
            ObjectNode n = Lake.json().createObjectNode();
            n.put("lake_version", version);
            n.put("batch_committed_by_an_earlier_attempt", committedEarlier);
            ObjectNode consumed = n.putObject("consumed");
            batch.ranges().forEach((tp, r) -> consumed.putObject(tp).put("from", r[0]).put("to", r[1]));
            n.put("records", batch.records());
            batch.byFormat().forEach(n.putObject("by_format")::put);
            batch.rows().forEach(n.putObject("rows")::put);
            batch.duplicates().forEach(n.putObject("duplicates")::put);
            batch.quarantined().forEach(n.putObject("quarantined")::put);
            n.put("quarantined_total", quarantinedTotal());
            batch.deleted().forEach(n.putObject("deleted")::put);
            n.put("quarantine_expired", quarantineExpired);
            batch.skipped().forEach(n.putObject("skipped")::put);
            lost.forEach(n.putObject("lost_to_retention")::put);
            return n;
        }
    }

    public Result run(String runDate) throws KafkaUnavailableException, TooManyBadRecordsException {
        int orphans = lake.removeOrphans();
        if (orphans > 0) {
            LOG.info("removed {} segment(s) left by a run that did not commit", orphans);
        }
        LakeState current = lake.state();
        Plan plan = plan(current);
        if (plan.records == 0) {
            LOG.info("ingest: nothing new in {} since lake version {}", kafka.topics(), current.version());
            // A re-run of a date, just after or after later dates: its manifest reports the batch
            // this date committed.
            LakeState.Batch earlier = current.batch() != null && runDate.equals(current.batch().runDate())
                    ? current.batch() : lake.latestBatchOf(runDate);
            long expired = expireQuarantine(current);
            long version = expired > 0 ? current.version() + 1 : current.version();
            if (earlier != null) {
                LOG.info("ingest: the lake holds a batch of this run date already; the manifest reports it");
                return new Result(version, earlier, plan.lost, true, expired);
            }
            LakeState.Batch none = new LakeState.Batch(runDate, Map.of(), 0, Map.of(), Map.of(), Map.of());
            return new Result(version, none, plan.lost, false, expired);
        }
        long version = current.version() + 1;
        Instant now = clock.instant();
        LOG.info("ingest: reading {} record(s) from {} partition(s) into lake version {}", plan.records,
                plan.ranges.size(), version);

        long started = System.nanoTime();
        // A few slices per core, of about equal size: cores that finish early take the remaining
        // ones, and all finish together.
        List<KafkaSlice> slices = KafkaSlice.cut(plan.ranges, 4 * spark.sparkContext().defaultParallelism(),
                MIN_SLICE_RECORDS);
        SliceIngest task = new SliceIngest(kafka.clientProperties(), maxPollRecords, kafka.requestTimeout(),
                lake.stagingPath(version), spark.conf().get("spark.sql.parquet.compression.codec", "snappy"),
                spark.sparkContext().hadoopConfiguration(),
                new RecordParsing(version, now, maxRecordBytes, blogPathPatterns), failures,
                MAX_KEY_HASHES / slices.size());
        StagedBatch parsed;
        try {
            parsed = StagedBatch.write(spark, slices, task, lake.stagingPath(version));
        } catch (SliceIngest.KafkaReadException e) {
            throw new KafkaUnavailableException(e.getMessage() + "; nothing was committed (lake stays at version "
                    + current.version() + ")", e);
        }
        try {
            BatchCounts counts = parsed.counts();
            LOG.info("ingest: {} record(s) read and parsed in {} s ({} slice(s))", counts.records(), seconds(started),
                    slices.size());
            failures.at(FailureInjector.Point.PARSED);
            checkBadFraction(counts, version);
            Map<String, List<String>> tables = new TreeMap<>(current.tables());
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, Long> duplicates = new LinkedHashMap<>();
            Map<String, Long> deleted = new LinkedHashMap<>();
            DeletionRules deletions = deletionRules(parsed, current, counts);
            for (Table table : List.of(Tables.Deletions.TABLE, Tables.Posts.TABLE, Tables.Accounts.TABLE,
                    Tables.Follows.TABLE, Tables.BlogLinks.TABLE, Tables.Identities.TABLE)) {
                long mergeStarted = System.nanoTime();
                // The batch's deletions are read again by the merges of the other tables: their
                // staged files stay where they are and the segment is a copy.
                String files = table == Tables.Deletions.TABLE ? null : parsed.directory(table);
                SegmentMerge.Outcome o = SegmentMerge.merge(spark, lake, current, table,
                        new SegmentMerge.Incoming(parsed.rowsOf(table), counts.rows(table), files,
                                parsed.keysDistinct(table)),
                        StagedBatch.ORDER, version, deletions.forTable(table));
                tables.put(table.name(), o.segments());
                rows.put(table.name(), o.inserted());
                duplicates.put(table.name(), o.duplicates());
                if (o.deleted() > 0) {
                    deleted.put(table.name(), o.deleted());
                }
                if (counts.rows(table) > 0 || o.deleted() > 0) {
                    LOG.info("ingest: {}: {} new row(s), {} duplicate(s), {} replaced, {} deleted ({} s)", table.name(),
                            o.inserted(), o.duplicates(), o.replaced(), o.deleted(), seconds(mergeStarted));
                }
                failures.at(FailureInjector.Point.MID_WRITE);
            }
            Table quarantine = Tables.Quarantine.TABLE;
            Expiry expiry = expiry(current, now);
            long expired = expiry.count();
            SegmentMerge.Outcome q = SegmentMerge.append(spark, lake, current, quarantine,
                    new SegmentMerge.Incoming(parsed.rowsOf(quarantine), counts.rows(quarantine),
                            parsed.directory(quarantine), false), version,
                    Removal.both(deletions.forTable(quarantine), expiry.removal()));
            tables.put(quarantine.name(), q.segments());
            rows.put(quarantine.name(), q.inserted());
            // Every expired record went; the others that went were deleted posts' and accounts'.
            long deletedQuarantined = q.deleted() - expired;
            if (deletedQuarantined > 0) {
                deleted.put(quarantine.name(), deletedQuarantined);
            }
            if (q.deleted() > 0) {
                LOG.info("ingest: quarantine: {} record(s) of deleted posts or accounts and {} quarantined before {}"
                        + " (relais.ingest.quarantine-retention) taken out", deletedQuarantined, expired,
                        expiry.cutoff());
            }

            Map<String, Map<Integer, Long>> nextOffsets = new TreeMap<>();
            current.offsets().forEach((t, p) -> nextOffsets.put(t, new TreeMap<>(p)));
            // A re-created topic's old offsets mean nothing for the new one; a partition read again
            // from its start keeps that start even when it holds nothing yet.
            plan.recreated.forEach(nextOffsets::remove);
            plan.restarted.forEach((tp, from) -> nextOffsets.computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                    .put(tp.partition(), from));
            plan.ranges.forEach((tp, r) -> nextOffsets.computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                    .put(tp.partition(), r[1]));
            Map<String, long[]> ranges = new TreeMap<>();
            plan.ranges.forEach((tp, r) -> ranges.put(tp.topic() + "/" + tp.partition(), r));
            LakeState.Batch batch = new LakeState.Batch(runDate, ranges, counts.records(), rows, duplicates,
                    counts.quarantined(), deleted, counts.byFormat(), counts.skipped());
            failures.at(FailureInjector.Point.BEFORE_COMMIT);
            Map<String, String> topicIds = new TreeMap<>(current.topicIds());
            topicIds.putAll(plan.topicIds);
            lake.commit(new LakeState(version, clock.instant(), tables, nextOffsets, topicIds, batch));
            failures.at(FailureInjector.Point.AFTER_COMMIT);
            cleanUpAfterCommit();
            LOG.info("ingest: committed lake version {}: {} record(s), {} quarantined", version, counts.records(),
                    counts.bad());
            return new Result(version, batch, plan.lost, false, expired);
        } finally {
            parsed.delete();
        }
    }

    /** The batch is committed: a failure to clean up now is a warning, the next run cleans up. */
    private void cleanUpAfterCommit() {
        try {
            lake.removeOrphans();
        } catch (RuntimeException e) {
            LOG.warn("ingest: committed, but could not clean up after the commit ({}); the next run will", e.getMessage());
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    /**
     * On a night without new records, takes out the quarantined records older than
     * {@code relais.ingest.quarantine-retention}, as a batch would: a version of its own, which
     * changes only the quarantine and holds no batch. Returns how many went (0: nothing committed).
     */
    private long expireQuarantine(LakeState current) {
        Expiry expiry = expiry(current, clock.instant());
        if (expiry.count() == 0) {
            return 0;
        }
        long version = current.version() + 1;
        Table quarantine = Tables.Quarantine.TABLE;
        SegmentMerge.Outcome q = SegmentMerge.append(spark, lake, current, quarantine,
                new SegmentMerge.Incoming(spark.createDataFrame(List.of(), quarantine.schema()), 0, null, false),
                version, expiry.removal());
        lake.commit(new LakeState(version, clock.instant(), current.withTable(quarantine.name(), q.segments())
                .tables(), current.offsets(), current.topicIds(), null));
        cleanUpAfterCommit();
        LOG.info("ingest: quarantine: {} record(s) quarantined before {} (relais.ingest.quarantine-retention) taken"
                + " out; committed lake version {}", expiry.count(), expiry.cutoff(), version);
        return expiry.count();
    }

    /**
     * The quarantined records past {@code relais.ingest.quarantine-retention} at {@code now}.
     *
     * @param cutoff records quarantined before it have expired
     * @param count how many of the stored ones have
     * @param removal what takes them out of the quarantine ({@link Removal#NONE} when none has)
     */
    private record Expiry(Instant cutoff, long count, Removal removal) {
    }

    private Expiry expiry(LakeState current, Instant now) {
        Instant cutoff = now.minus(quarantineRetention);
        long count = current.segments(Tables.Quarantine.TABLE.name()).isEmpty() ? 0
                : lake.read(spark, Tables.Quarantine.TABLE, current)
                        .filter(col(Tables.Quarantine.QUARANTINED_AT).lt(lit(java.sql.Timestamp.from(cutoff))))
                        .count();
        return new Expiry(cutoff, count,
                count == 0 ? Removal.NONE : Removal.storedBefore(Tables.Quarantine.QUARANTINED_AT, cutoff));
    }

    /** Every deletion (stored and new) and those of this batch, as the merges apply them. */
    private DeletionRules deletionRules(StagedBatch parsed, LakeState current, BatchCounts counts) {
        Table table = Tables.Deletions.TABLE;
        if (current.segments(table.name()).isEmpty() && counts.rows(table) == 0) {
            // Spares each merge its joins with an empty table (a Spark job a table).
            return DeletionRules.NONE;
        }
        Dataset<Row> fresh = parsed.rowsOf(table)
                .select(java.util.Arrays.stream(table.schema().fieldNames()).map(org.apache.spark.sql.functions::col)
                        .toArray(Column[]::new));
        Dataset<Row> all = lake.read(spark, table, current).unionByName(fresh);
        return new DeletionRules(all, fresh, counts.rows(table) > 0);
    }

    /**
     * The ranges to read: from each partition's committed offset (or its start) to its end now. A
     * topic whose id is not the one the lake recorded was deleted and created again since: it is
     * read from its start, whatever offsets the old one had reached.
     */
    private Plan plan(LakeState current) throws KafkaUnavailableException {
        Topics.Offsets kafkaNow = offsets.offsets(kafka.topics());
        Map<TopicPartition, long[]> available = kafkaNow.ranges();
        for (String topic : kafka.topics()) {
            if (available.keySet().stream().noneMatch(tp -> tp.topic().equals(topic))) {
                LOG.warn("ingest: topic {} does not exist (yet); nothing is read from it. Check relais.kafka.topics",
                        topic);
            }
        }
        Set<String> recreated = new TreeSet<>();
        kafkaNow.topicIds().forEach((topic, id) -> {
            String known = current.topicIds().get(topic);
            if (known != null && !known.equals(id)) {
                recreated.add(topic);
                LOG.warn("ingest: topic {} was deleted and created again since the last batch (its id was {}, it is"
                        + " now {}); reading it from its start: records it repeats are dropped as duplicates", topic,
                        known, id);
            }
        });
        Map<TopicPartition, long[]> ranges = new LinkedHashMap<>();
        Map<TopicPartition, Long> restarted = new LinkedHashMap<>();
        Map<String, Long> lost = new TreeMap<>();
        long records = 0;
        for (Map.Entry<TopicPartition, long[]> e : available.entrySet()) {
            TopicPartition tp = e.getKey();
            long first = e.getValue()[0];
            long end = e.getValue()[1];
            long from = recreated.contains(tp.topic()) ? -1 : current.nextOffset(tp.topic(), tp.partition());
            if (from < 0) {
                from = first;
            } else if (from < first) {
                lost.put(tp.topic() + "/" + tp.partition(), first - from);
                LOG.warn("ingest: {} records of {} were deleted by Kafka's retention before they were read",
                        first - from, tp);
                from = first;
            } else if (from > end) {
                // The partition ends before where the lake stopped reading it: its log was truncated,
                // or the topic re-created in a lake that did not keep topic ids yet. Its records
                // are all new to the lake; whatever they repeat is dropped as duplicates.
                LOG.warn("ingest: {} ends at offset {}, before offset {} where the lake stopped reading it (topic"
                        + " re-created or truncated?); reading it again from offset {}", tp, end, from, first);
                from = first;
                restarted.put(tp, first);
            }
            if (end > from) {
                ranges.put(tp, new long[] {from, end});
                records += end - from;
            }
        }
        Map<String, String> topicIds = new TreeMap<>(kafkaNow.topicIds());
        return new Plan(ranges, records, lost, recreated, restarted, topicIds);
    }

    /**
     * @param recreated topics deleted and created again since the last batch
     * @param restarted partitions that end before where the lake stopped reading them, read again
     *     from this offset (their start)
     * @param topicIds the id of each topic that exists now
     */
    private record Plan(Map<TopicPartition, long[]> ranges, long records, Map<String, Long> lost,
            Set<String> recreated, Map<TopicPartition, Long> restarted, Map<String, String> topicIds) {
    }

    private void checkBadFraction(BatchCounts counts, long version) throws TooManyBadRecordsException {
        long bad = counts.bad();
        double fraction = counts.records() == 0 ? 0 : (double) bad / counts.records();
        if (fraction > maxBadFraction && bad >= minBadRecords) {
            throw new TooManyBadRecordsException(String.format(java.util.Locale.ROOT,
                    "%d of %d records (%.1f%%) are bad, more than relais.ingest.max-bad-fraction (%.1f%%); nothing was"
                            + " committed (lake stays at version %d). By reason: %s. Bad records by format: %s",
                    bad, counts.records(), 100 * fraction, 100 * maxBadFraction, version - 1, counts.quarantined(),
                    counts.badOfReadByFormat()));
        }
    }
}
