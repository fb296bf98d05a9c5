package org.relais.ingest.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.relais.ingest.lake.Tables.Table;
import org.relais.ingest.util.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parquet lake: a directory (on any Hadoop file system) holding one sub-directory per table.
 *
 * <p>An ingested table is a list of <em>segments</em>, directories of plain Parquet files named
 * {@code seg-NNNNNN}. Which segments make up each table, and up to which Kafka offsets they hold
 * records, is the lake's state, committed atomically as a new file {@code _commits/NNN.json}. A
 * segment that no commit lists (left by a run that died) is never read, and is deleted by
 * {@link #removeOrphans()} at the start of the next run. Once a run's commit is in, only current
 * segments remain on disk, so {@code pandas.read_parquet("<lake>/posts")} sees the table as is.
 *
 * <p>Per-run output tables (scores, rankings) are partitioned by run date instead, and replaced
 * whole with {@link #replacePartition}.
 */
public final class Lake {

    static final String COMMITS = "_commits";
    static final String RUNS = "_runs";
    static final String STAGING = "_staging";
    static final String SEGMENT_PREFIX = "seg-";
    /**
     * In {@code _commits/}: the latest version committed, written after each commit, so that a
     * missing latest commit file is seen instead of the lake silently going back a version.
     */
    static final String LATEST = "latest.json";
    /** In each segment: the names and sizes of its files when it was committed. */
    static final String SEGMENT_FILES = "_files.json";
    /** Inside an output table: the new partition being written by {@link #replacePartition}. */
    static final String STAGING_PREFIX = "_staging-";
    /** Inside an output table: the previous partition, moved aside by {@link #replacePartition}. */
    static final String REPLACED_PREFIX = "_replaced-";
    /** Where {@link #removePartition} moves a partition before deleting it; never moved back. */
    static final String REMOVED_PREFIX = "_removed-";
    private static final String RUN_DATE_PREFIX = "run_date=";
    private static final Logger LOG = LoggerFactory.getLogger(Lake.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A commit file: the version in digits ({@code %020d} when this class writes it), then {@code .json}. */
    private static final Pattern COMMIT_FILE = Pattern.compile("[0-9]+\\.json");

    private final FileSystem fs;
    private final Path root;
    /**
     * Segments {@link #verifySegments} found whole: a committed segment never changes, so each is
     * checked once per process rather than on every read of its table.
     */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    /** Stray files under {@code _commits/} already warned about, so each is reported once. */
    private final Set<String> strays = ConcurrentHashMap.newKeySet();

    private Lake(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Opens (and creates when missing) the lake at {@code location}, a path or a Hadoop URI. */
    public static Lake open(String location, Configuration hadoopConf) {
        Lake lake = at(location, hadoopConf);
        try {
            lake.refuseFile();
            lake.fs.mkdirs(new Path(lake.root, COMMITS));
        } catch (IOException e) {
            throw new LakeException("cannot open the lake at " + location + ": " + Causes.message(e), e);
        }
        return lake;
    }

    /**
     * Opens the lake at {@code location} for reading what earlier runs committed, creating
     * nothing: a lake that does not exist, or where no batch was ever committed, is an error, so
     * that a mistyped path is not taken for an empty lake.
     *
     * @throws LakeException naming the location when it holds no committed lake
     */
    public static Lake openCommitted(String location, Configuration hadoopConf) {
        Lake lake = at(location, hadoopConf);
        boolean exists;
        try {
            lake.refuseFile();
            exists = lake.fs.isDirectory(new Path(lake.root, COMMITS));
        } catch (IOException e) {
            throw new LakeException("cannot open the lake at " + location + ": " + Causes.message(e), e);
        }
        if (!exists) {
            throw new NoLakeException("no lake at " + lake.root + " (check --lake or relais.lake; a new lake is"
                    + " created by relais ingest or relais nightly)");
        }
        if (lake.state().version() == 0) {
            throw new LakeException("the lake at " + lake.root + " holds no batch yet: nothing has been ingested into"
                    + " it (run relais ingest once records have arrived in Kafka)");
        }
        return lake;
    }

    /** A file where the lake should be (a mistyped path, most often) is named as such. */
    private void refuseFile() throws IOException {
        if (fs.isFile(root)) {
            throw new NoLakeException("no lake at " + root + ": it is a file, and a lake is a directory (check --lake"
                    + " or relais.lake)");
        }
    }

    private static Lake at(String location, Configuration hadoopConf) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(hadoopConf);
            return new Lake(fs, fs.makeQualified(path));
        } catch (IOException e) {
            throw new LakeException("cannot open the lake at " + location + ": " + Causes.message(e), e);
        } catch (IllegalArgumentException e) {
            // Hadoop wraps a host name that does not resolve, and gives its bare message.
            Throwable cause = e.getCause() instanceof java.net.UnknownHostException u ? u : e;
            throw new LakeException("cannot open the lake at " + location + ": " + Causes.message(cause), e);
        }
    }

    public static Lake open(String location, SparkSession spark) {
        return open(location, spark.sparkContext().hadoopConfiguration());
    }

    /** The lake's root, fully qualified ({@code file:/...}). */
    public String location() {
        return root.toString();
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /**
     * The latest committed state, or {@link LakeState#empty()} for a new lake.
     *
     * <p>Only files named {@code <version>.json} (digits only) are commits. Anything else under
     * {@code _commits/} (a note someone left, an editor's backup) is ignored, with a warning the
     * first time it is seen, so a stray file never stops a run; hidden files (a commit's temporary
     * file, checksums) are ignored silently.
     *
     * @throws LakeException when {@code _commits/latest.json} names a later version than the last
     *     commit file found: that commit's file is gone, and its state cannot be read
     */
    public LakeState state() {
        Path commits = new Path(root, COMMITS);
        long latest = -1;
        try {
            for (FileStatus s : fs.listStatus(commits)) {
                String name = s.getPath().getName();
                if (s.isFile() && COMMIT_FILE.matcher(name).matches()) {
                    latest = Math.max(latest, Long.parseLong(name.substring(0, name.length() - ".json".length())));
                } else if (!name.startsWith(".") && !name.equals(LATEST) && strays.add(name)) {
                    LOG.warn("ignoring {} in {}: not a commit (commit files are named <version>.json)", name, commits);
                }
            }
        } catch (IOException e) {
            throw new LakeException("cannot read the lake's state under " + commits + ": " + Causes.message(e), e);
        }
        refuseMissingLatestCommit(Math.max(latest, 0));
        if (latest < 0) {
            return LakeState.empty();
        }
        Path file = commitFile(latest);
        try {
            return readState(file);
        } catch (IOException | RuntimeException e) {
            throw new LakeException("cannot read the lake's state from " + file + ": " + Causes.message(e), e);
        }
    }

    /**
     * Refuses a lake whose {@code _commits/latest.json} records a later version than {@code found},
     * the last commit file there: reading the earlier state would roll the lake back without a word,
     * and the next run would then delete the segments the missing commit listed. A recorded version
     * below the last commit file is normal (a run stopped between its commit and this record).
     */
    private void refuseMissingLatestCommit(long found) {
        Path file = new Path(new Path(root, COMMITS), LATEST);
        JsonNode latest;
        try {
            latest = readJson(file);
        } catch (LakeException e) {
            throw new LakeException(e.getMessage() + " (that file only records the latest version committed: once"
                    + " the commit files are known to be whole, delete it, and the next commit writes it again)",
                    e.getCause());
        }
        long recorded = latest == null ? -1 : latest.path("version").asLong(-1);
        if (recorded > found) {
            String last = found > 0 ? "; the last commit file is version " + found : "";
            throw new LakeException("the lake at " + root + " is damaged: its latest commit, version " + recorded
                    + ", is gone (" + commitFile(recorded) + " is missing" + last + "). Restore that file from a"
                    + " backup; reading the lake without it would take it back to an earlier version, and the next"
                    + " run would delete the data that commit added", null);
        }
    }

    /**
     * How many deletions the batches committed after {@code version} added to the lake (the
     * {@code deletions} rows of their commit files): a table computed from {@code version} may
     * still name what they deleted when this is not zero.
     */
    public long deletionsCommittedAfter(long version) {
        long latest = state().version();
        long added = 0;
        for (long v = version + 1; v <= latest; v++) {
            LakeState.Batch batch = batchOf(v);
            added += batch == null ? 0 : batch.rows().getOrDefault(Tables.Deletions.TABLE.name(), 0L);
        }
        return added;
    }

    /**
     * The batch the latest commit of {@code runDate} holds, searching back from the latest commit;
     * null when no commit was made for that date.
     */
    public LakeState.Batch latestBatchOf(String runDate) {
        for (long v = state().version(); v >= 1; v--) {
            LakeState.Batch batch = batchOf(v);
            if (batch != null && runDate.equals(batch.runDate())) {
                return batch;
            }
        }
        return null;
    }

    /** The batch committed as {@code version}; null when its commit file holds none or is gone. */
    private LakeState.Batch batchOf(long version) {
        Path file = commitFile(version);
        try {
            return fs.exists(file) ? readState(file).batch() : null;
        } catch (IOException | RuntimeException e) {
            throw new LakeException("cannot read the lake's commit " + file + ": " + Causes.message(e), e);
        }
    }

    /** The full paths of a table's current segments. */
    public List<String> segmentPaths(LakeState state, String table) {
        List<String> paths = new ArrayList<>();
        for (String segment : state.segments(table)) {
            paths.add(new Path(new Path(root, table), segment).toString());
        }
        return paths;
    }

    /** A table as of the latest commit, with its declared schema (empty when it has no segment). */
    public Dataset<Row> read(SparkSession spark, Table table) {
        return read(spark, table, state());
    }

    /**
     * A table as of {@code state}.
     *
     * @throws LakeException when a segment's files are not those it was committed with
     *     ({@link #verifySegments})
     */
    public Dataset<Row> read(SparkSession spark, Table table, LakeState state) {
        List<String> paths = segmentPaths(state, table.name());
        if (paths.isEmpty()) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        verifySegments(state, table.name());
        return spark.read().schema(table.schema()).parquet(paths.toArray(String[]::new));
    }

    /**
     * Checks that each segment of {@code table} holds the Parquet files it was committed with, each
     * of the size it had ({@value #SEGMENT_FILES}, written by {@link #commit}): a file deleted,
     * cut short or added by hand would otherwise change every later score without a word. Segments
     * committed before the lists were kept are not checked.
     *
     * @throws LakeException naming the first file that differs
     */
    public void verifySegments(LakeState state, String table) {
        for (String segment : state.segments(table)) {
            Path dir = new Path(segmentPath(table, segment));
            if (verified.contains(dir.toString())) {
                continue;
            }
            Path list = new Path(dir, SEGMENT_FILES);
            try {
                if (!fs.exists(dir)) {
                    throw damaged(table, segment, "the segment's directory is missing");
                }
                if (!fs.exists(list)) {
                    continue;
                }
                Map<String, Long> committed = new TreeMap<>();
                try (InputStream in = fs.open(list)) {
                    JSON.readTree(in).path("files").fields()
                            .forEachRemaining(f -> committed.put(f.getKey(), f.getValue().asLong()));
                }
                Map<String, Long> present = parquetFiles(dir);
                for (Map.Entry<String, Long> f : committed.entrySet()) {
                    Long size = present.get(f.getKey());
                    if (size == null || size.longValue() != f.getValue()) {
                        throw damaged(table, segment, f.getKey() + (size == null ? " is missing"
                                : " has " + size + " bytes, but was committed with " + f.getValue()));
                    }
                }
                for (String name : present.keySet()) {
                    if (!committed.containsKey(name)) {
                        throw damaged(table, segment, name + " was not part of it when it was committed");
                    }
                }
                verified.add(dir.toString());
            } catch (IOException e) {
                throw new LakeException("cannot check the files of " + dir + ": " + Causes.message(e), e);
            }
        }
    }

    private LakeException damaged(String table, String segment, String what) {
        return new LakeException("the lake at " + root + " is damaged: in segment " + segment + " of table " + table
                + ", " + what + ". Its rows would be read wrong, so nothing was computed: restore the lake (or that"
                + " segment) from a backup", null);
    }

    /** The Parquet files of an existing segment directory, by name, with their sizes (hidden files aside). */
    private Map<String, Long> parquetFiles(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                files.put(name, f.getLen());
            }
        }
        return files;
    }

    /**
     * Writes {@value #SEGMENT_FILES} into each segment of {@code next} that the current state does
     * not have: the names and sizes of its files, which {@link #verifySegments} checks on every
     * read. A segment never changes once committed.
     */
    private void listSegmentFiles(LakeState current, LakeState next) throws IOException {
        for (Map.Entry<String, List<String>> table : next.tables().entrySet()) {
            Set<String> old = new HashSet<>(current.segments(table.getKey()));
            for (String segment : table.getValue()) {
                Path dir = new Path(segmentPath(table.getKey(), segment));
                if (old.contains(segment) || !fs.exists(dir)) {
                    continue;
                }
                ObjectNode doc = JSON.createObjectNode();
                ObjectNode files = doc.putObject("files");
                parquetFiles(dir).forEach(files::put);
                try (OutputStream out = fs.create(new Path(dir, SEGMENT_FILES), true)) {
                    JSON.writeValue(out, doc);
                }
            }
        }
    }

    /** Where a new segment of {@code table} written by version {@code version} goes. */
    public String segmentName(long version) {
        return String.format(Locale.ROOT, "%s%06d", SEGMENT_PREFIX, version);
    }

    public String segmentPath(String table, String segment) {
        return new Path(new Path(root, table), segment).toString();
    }

    /**
     * Moves {@code directory}, Parquet files of {@code table}'s rows written elsewhere in the lake
     * (an ingest batch's staging area), into place as the table's segment {@code segment}. Like a
     * segment written in place, it is not part of the lake until a commit lists it.
     */
    public void moveInAsSegment(String directory, String table, String segment) {
        Path source = new Path(directory);
        Path target = new Path(segmentPath(table, segment));
        try {
            if (fs.exists(target)) {
                throw new IOException(target + " exists already");
            }
            fs.mkdirs(target.getParent());
            if (!fs.rename(source, target)) {
                throw new IOException("the file system refused the rename");
            }
        } catch (IOException e) {
            throw new LakeException("cannot move " + source + " to " + target + ": " + Causes.message(e), e);
        }
    }

    /**
     * Commits {@code next}, which must be exactly one version after the current state.
     *
     * @throws LakeException when another commit took that version first
     */
    public void commit(LakeState next) {
        Path target = commitFile(next.version());
        Path tmp = new Path(new Path(root, COMMITS), "." + next.version() + "-" + UUID.randomUUID() + ".tmp");
        try {
            LakeState current = state();
            if (current.version() != next.version() - 1) {
                throw new LakeException("cannot commit lake version " + next.version() + ": the lake is at version "
                        + current.version() + " (another run committed meanwhile?)", null);
            }
            listSegmentFiles(current, next);
            try (OutputStream out = fs.create(tmp, false)) {
                JSON.writeValue(out, next.toJson(JSON));
            }
            if (fs.exists(target) || !fs.rename(tmp, target)) {
                fs.delete(tmp, false);
                throw new LakeException("cannot commit lake version " + next.version() + ": " + target
                        + " already exists", null);
            }
        } catch (IOException e) {
            throw new LakeException("cannot commit lake version " + next.version() + ": " + Causes.message(e), e);
        }
        recordLatest(next.version());
    }

    /**
     * Writes {@code _commits/latest.json} after a commit. The commit is in already: a failure here
     * only leaves the record at an earlier version, which {@link #state()} accepts, so it is
     * logged, not thrown.
     */
    private void recordLatest(long version) {
        try {
            writeJson(new Path(new Path(root, COMMITS), LATEST), JSON.createObjectNode().put("version", version));
        } catch (LakeException e) {
            LOG.warn("lake version {} is committed, but {} could not be updated: {}", version, LATEST, e.getMessage());
        }
    }

    /**
     * Deletes segment directories that the latest commit does not list: those of runs that died
     * before committing, and those a commit replaced. Returns how many were deleted. Also deletes
     * the staging directory of ingest batches, and cleans up after partition replacements that did
     * not finish (see {@link #removePartitionLeftovers()}).
     */
    public int removeOrphans() {
        LakeState state = state();
        int removed = 0;
        try {
            for (Table table : Tables.ingested()) {
                Path dir = new Path(root, table.name());
                if (!fs.exists(dir)) {
                    continue;
                }
                Set<String> live = new HashSet<>(state.segments(table.name()));
                for (FileStatus s : fs.listStatus(dir)) {
                    String name = s.getPath().getName();
                    if (name.startsWith(SEGMENT_PREFIX) && !live.contains(name)) {
                        fs.delete(s.getPath(), true);
                        removed++;
                    }
                }
            }
            for (FileStatus s : fs.listStatus(new Path(root, COMMITS))) {
                if (isCommitTemp(s.getPath().getName())) {
                    fs.delete(s.getPath(), false);
                }
            }
            Path staging = new Path(root, STAGING);
            if (fs.exists(staging)) {
                fs.delete(staging, true);
            }
            removePartitionLeftovers();
        } catch (IOException e) {
            throw new LakeException("cannot clean up the lake at " + root + ": " + Causes.message(e), e);
        }
        return removed;
    }

    /**
     * Cleans up what {@link #replacePartition} calls that did not finish (a killed process) left in
     * the output tables, every directory of the lake but the ingested tables and {@code _*}:
     * <ul>
     *   <li>{@code _staging-<id>}, a new partition never moved into place: deleted;
     *   <li>{@code _replaced-<id>/run_date=<d>}, a previous partition moved aside: deleted when
     *       {@code run_date=<d>} is in place, moved back when it is not (the run stopped between
     *       the two moves).
     * </ul>
     * Each step is logged. A {@code _replaced-} directory holding anything else (the previous
     * layout, which did not record the run date) is left alone with a warning: it may be the only
     * copy of a partition, and which one cannot be told.
     */
    private void removePartitionLeftovers() throws IOException {
        Set<String> ingested = new HashSet<>();
        Tables.ingested().forEach(t -> ingested.add(t.name()));
        for (FileStatus t : fs.listStatus(root)) {
            String table = t.getPath().getName();
            if (!t.isDirectory() || table.startsWith("_") || table.startsWith(".") || ingested.contains(table)) {
                continue;
            }
            for (FileStatus s : fs.listStatus(t.getPath())) {
                String name = s.getPath().getName();
                if (name.startsWith(STAGING_PREFIX)) {
                    fs.delete(s.getPath(), true);
                    LOG.info("removed {}: a partition of {} that a stopped run was writing", s.getPath(), table);
                } else if (name.startsWith(REMOVED_PREFIX)) {
                    fs.delete(s.getPath(), true);
                    LOG.info("removed {}: a partition of {} that a stopped run was removing", s.getPath(), table);
                } else if (name.startsWith(REPLACED_PREFIX) && s.isDirectory()) {
                    removeReplaced(t.getPath(), s.getPath());
                }
            }
        }
    }

    /** One {@code _replaced-<id>} directory of {@link #removePartitionLeftovers()}. */
    private void removeReplaced(Path tableDir, Path aside) throws IOException {
        boolean unknown = false;
        boolean keep = false;
        for (FileStatus p : fs.listStatus(aside)) {
            String name = p.getPath().getName();
            Path target = new Path(tableDir, name);
            if (!p.isDirectory() || !name.startsWith(RUN_DATE_PREFIX)) {
                unknown = true;
                keep = true;
            } else if (fs.exists(target)) {
                fs.delete(p.getPath(), true);
                LOG.info("removed {}: the previous {}, replaced by a run that stopped before deleting it", p.getPath(),
                        target);
            } else if (fs.rename(p.getPath(), target)) {
                LOG.warn("moved {} back to {}: a run stopped while replacing that partition", p.getPath(), target);
            } else {
                keep = true;
                LOG.warn("cannot move {} back to {}, where it belongs (a run stopped while replacing it); move it"
                        + " by hand", p.getPath(), target);
            }
        }
        if (!keep) {
            fs.delete(aside, true);
        } else if (unknown) {
            LOG.warn("left {} alone: it holds files the lake cannot place (a partition moved aside by an older"
                    + " version, which did not record its run date?); delete it once its data is known to be unneeded",
                    aside);
        }
    }

    /** Where an ingest batch stages its parsed records until it commits: {@code <lake>/_staging/batch-N}. */
    public String stagingPath(long version) {
        return new Path(new Path(root, STAGING), String.format(Locale.ROOT, "batch-%06d", version)).toString();
    }

    /** Where a run's per-stage records go: {@code <lake>/_runs/<run-date>/}. */
    public Path runDir(String runDate) {
        return new Path(new Path(root, RUNS), runDate);
    }

    /** The path of a run-date partition of an output table: {@code <lake>/<table>/run_date=<d>}. */
    public String partitionPath(String table, String runDate) {
        return new Path(new Path(root, table), RUN_DATE_PREFIX + runDate).toString();
    }

    /**
     * Writes {@code rows} as the {@code run_date=<runDate>} partition of {@code table}, replacing a
     * previous one. Whatever fails, the partition is afterwards either the old one, whole, or the
     * new one, whole:
     * <ol>
     *   <li>the rows are written to {@code <table>/_staging-<id>/}. If that fails (a task error, a
     *       full disk), nothing else was touched: the old partition stays, the staging directory is
     *       deleted, and the write's own exception is thrown unchanged;
     *   <li>the old partition is moved aside, to {@code <table>/_replaced-<id>/run_date=<runDate>};
     *   <li>the new one is moved into place. If that fails, what arrived of it is deleted and the
     *       old partition is moved back, and a {@link LakeException} says so;
     *   <li>the old one is deleted.
     * </ol>
     * Each move is one rename (atomic on HDFS and local disks; a copy on object stores), so a
     * reader never sees a half-written partition, though between steps 2 and 3 it briefly sees
     * none. A process killed there leaves the old partition in {@code _replaced-<id>}:
     * {@link #removeOrphans()} moves it back, and deletes any other {@code _staging-} or
     * {@code _replaced-} leftovers. Readers ignore them meanwhile: Spark and pyarrow skip
     * directories whose name starts with {@code _}.
     *
     * @throws LakeException when the new partition could not be moved into place (the old one is
     *     back), or when even the old one could not be moved back (the message says where it is)
     */
    public void replacePartition(Dataset<Row> rows, String table, String runDate) {
        Path tableDir = new Path(root, table);
        String id = UUID.randomUUID().toString();
        Path staging = new Path(tableDir, STAGING_PREFIX + id);
        Path target = new Path(partitionPath(table, runDate));
        Path aside = new Path(tableDir, REPLACED_PREFIX + id);
        Path old = new Path(aside, target.getName());
        try {
            rows.write().mode(SaveMode.ErrorIfExists).parquet(staging.toString());
            fs.mkdirs(tableDir);
            boolean hadOld = fs.exists(target);
            if (hadOld && !(fs.mkdirs(aside) && fs.rename(target, old))) {
                throw new LakeException("cannot write " + table + " for " + runDate + ": cannot move the previous "
                        + target + " aside to " + old + "; it is unchanged", null);
            }
            try {
                if (!fs.rename(staging, target)) {
                    throw new IOException("cannot move " + staging + " to " + target);
                }
            } catch (IOException | RuntimeException e) {
                throw new LakeException("cannot write " + table + " for " + runDate + ": " + Causes.message(e) + "; "
                        + (hadOld ? putBack(old, target) : "there was no previous partition"), e);
            }
            if (hadOld && !deleteOrWarn(aside)) {
                LOG.warn("{} for {}: the previous partition, replaced, is left in {}; the next ingest run deletes it",
                        table, runDate, aside);
            }
        } catch (IOException e) {
            throw new LakeException("cannot write " + table + " for " + runDate + ": " + Causes.message(e), e);
        } finally {
            deleteQuietly(staging);
            deleteEmpty(aside);
        }
    }

    /**
     * Removes the {@code run_date=<runDate>} partition of {@code table}, if there is one: a run of
     * the date that computes no such table must not leave an earlier run's in place. The partition
     * is moved aside in one rename, then deleted, so a reader sees it whole or not at all.
     */
    public void removePartition(String table, String runDate) {
        Path tableDir = new Path(root, table);
        Path target = new Path(partitionPath(table, runDate));
        Path aside = new Path(tableDir, REMOVED_PREFIX + UUID.randomUUID());
        try {
            if (!fs.exists(target)) {
                return;
            }
            if (!(fs.mkdirs(aside) && fs.rename(target, new Path(aside, target.getName())))) {
                throw new LakeException("cannot remove " + table + " for " + runDate + ": cannot move " + target
                        + " aside", null);
            }
            if (!deleteOrWarn(aside)) {
                LOG.warn("{} for {}: the removed partition is left in {}; the next ingest run deletes it", table,
                        runDate, aside);
            }
        } catch (IOException e) {
            throw new LakeException("cannot remove " + table + " for " + runDate + ": " + Causes.message(e), e);
        }
    }

    /** Moves the previous partition back after a failed replacement; says how it went, for the message. */
    private String putBack(Path old, Path target) {
        try {
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (fs.rename(old, target)) {
                return "the previous partition was put back";
            }
        } catch (IOException e) {
            LOG.warn("cannot put {} back to {}: {}", old, target, Causes.message(e));
        }
        return "the previous partition could not be put back: it is in " + old + " (the next ingest run moves it"
                + " back, or move it to " + target + " by hand)";
    }

    /** Reads a run-date partition of an output table written by {@link #replacePartition}. */
    public Dataset<Row> readPartition(SparkSession spark, String table, String runDate,
            org.apache.spark.sql.types.StructType schema) {
        String path = partitionPath(table, runDate);
        try {
            if (!fs.exists(new Path(path))) {
                throw new LakeException("the lake has no " + table + " for " + runDate + " (" + path
                        + "); run the stage that writes it first", null);
            }
        } catch (IOException e) {
            throw new LakeException("cannot read " + path + ": " + Causes.message(e), e);
        }
        return spark.read().schema(schema).parquet(path);
    }

    /** The run-date partitions of an output table, oldest first. */
    public List<String> runDates(String table) {
        List<String> dates = new ArrayList<>();
        try {
            Path dir = new Path(root, table);
            if (fs.exists(dir)) {
                for (FileStatus s : fs.listStatus(dir)) {
                    String name = s.getPath().getName();
                    if (s.isDirectory() && name.startsWith(RUN_DATE_PREFIX)) {
                        dates.add(name.substring(RUN_DATE_PREFIX.length()));
                    }
                }
            }
        } catch (IOException e) {
            throw new LakeException("cannot list " + table + ": " + Causes.message(e), e);
        }
        dates.sort(null);
        return dates;
    }

    /**
     * Writes a small JSON document (a stage's record of a run, a manifest), replacing the file if
     * it exists. The document is written whole to a hidden temporary file next to it,
     * {@code .<name>-<id>.tmp}, which is then renamed over {@code file}; a reader finds the old
     * document or the new one, never part of one. The replacing rename is atomic on local disks
     * (POSIX {@code rename}) and on HDFS (its rename with overwrite). On file systems with neither
     * (object stores), the old file is deleted first, so a reader may briefly find no file, and a
     * crash right then leaves only the temporary file. If the write fails, the temporary file is
     * deleted and {@code file} is unchanged.
     */
    public void writeJson(Path file, JsonNode doc) {
        Path tmp = new Path(file.getParent(), "." + file.getName() + "-" + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(file.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                JSON.writeValue(out, doc);
            }
            replaceFile(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new LakeException("cannot write " + file + ": " + Causes.message(e), e);
        }
    }

    /** Renames {@code tmp} over {@code file}, atomically where the file system can; see {@link #writeJson}. */
    private void replaceFile(Path tmp, Path file) throws IOException {
        if (fs.rename(tmp, file)) {
            return; // the local file system replaces an existing file here, atomically
        }
        if (!fs.exists(file)) {
            throw new IOException("cannot move " + tmp + " to " + file);
        }
        FileContext context;
        try {
            context = FileContext.getFileContext(fs.getUri(), fs.getConf());
        } catch (UnsupportedFileSystemException e) {
            context = null;
        }
        if (context != null) {
            // HDFS refuses a plain rename over an existing file, but replaces it atomically this way.
            context.rename(tmp, file, Options.Rename.OVERWRITE);
            return;
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("cannot move " + tmp + " to " + file);
        }
    }

    /** Reads a JSON document written by {@link #writeJson}, or null when it does not exist. */
    public JsonNode readJson(Path file) {
        try {
            if (!fs.exists(file)) {
                return null;
            }
            try (InputStream in = fs.open(file)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new LakeException("cannot read " + file + ": " + Causes.message(e), e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Deletes {@code p}; false (and a warning) when it could not. */
    private boolean deleteOrWarn(Path p) {
        try {
            return fs.delete(p, true) || !fs.exists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, Causes.message(e));
            return false;
        }
    }

    /** Deletes {@code dir} if it exists and is empty; quietly, as it is only a leftover then. */
    private void deleteEmpty(Path dir) {
        try {
            if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
                fs.delete(dir, false);
            }
        } catch (IOException ignored) {
            // An empty _replaced- directory is removed by removeOrphans().
        }
    }

    void deleteQuietly(Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException ignored) {
            // Left-over staging directories start with "_" and are never read.
        }
    }

    /** The temporary file {@link #commit} writes before renaming it: {@code .<version>-<uuid>.tmp}. */
    private static boolean isCommitTemp(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private Path commitFile(long version) {
        return new Path(new Path(root, COMMITS), String.format(Locale.ROOT, "%020d.json", version));
    }

    private LakeState readState(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return LakeState.fromJson(JSON.readTree(in));
        }
    }

    /** There is no lake where one was to be read (a mistyped path, most often). */
    public static final class NoLakeException extends LakeException {

        private static final long serialVersionUID = 1L;

        public NoLakeException(String message) {
            super(message);
        }
    }

    /** A lake that cannot be read or written; the message names the path and the problem. */
    public static class LakeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public LakeException(String message) {
            super(message);
        }

        public LakeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
