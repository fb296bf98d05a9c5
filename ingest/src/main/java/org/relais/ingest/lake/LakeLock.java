package org.relais.ingest.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.relais.ingest.util.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake's lock: one run at a time writes a lake. The lock is a file, {@code <lake>/_lock},
 * created exclusively and holding who took it (host, process, command, run date, time).
 *
 * <p>A second run finds the file and refuses, naming the holder. A lock left by a run that was
 * killed is stale: when the holder ran on this host and its process is gone, it is removed (and
 * the log says so); when it ran on another host, this one cannot tell, so it refuses and says how
 * to remove the lock by hand once that run is known to be dead.
 *
 * <p>A run stopped by a signal (Ctrl-C, a scheduler's SIGTERM) releases its lock on the way out,
 * after Spark's own shutdown has stopped its jobs: the next run, wherever it runs, finds the lake
 * free. (The stopped run's main thread may still be recording its failure in the run log of its
 * date meanwhile; what it committed is never touched again.) Only a run that is killed outright
 * ({@code kill -9}, a lost machine) leaves its lock.
 */
public final class LakeLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LakeLock.class);
    static final String FILE = "_lock";

    /**
     * When the lock is released at a signal: after Spark's shutdown, which Hadoop's hook manager
     * runs at {@code FileSystem.SHUTDOWN_HOOK_PRIORITY + 30}, and before Hadoop closes its file
     * systems, at {@code FileSystem.SHUTDOWN_HOOK_PRIORITY}.
     */
    static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;

    private final FileSystem fs;
    private final Path file;
    private final Runnable releaseAtShutdown = this::close;
    /** Whether the lock file is this lock's: set as soon as it is created. */
    private boolean held;
    private boolean released;

    /**
     * A lock not taken yet, whose release at shutdown is registered before its file is created:
     * a signal that comes while the file is being created still finds the hook.
     *
     * @throws IllegalStateException when the JVM is already shutting down (nothing was created)
     */
    private LakeLock(FileSystem fs, Path file) {
        this.fs = fs;
        this.file = file;
        ShutdownHookManager.get().addShutdownHook(releaseAtShutdown, SHUTDOWN_PRIORITY);
    }

    /** Who holds a lock. */
    public record Holder(String host, long pid, String command, String runDate, Instant since) {

        String describe() {
            Duration age = Duration.between(since, Instant.now());
            return "relais " + command + " for " + runDate + " on " + host + " (pid " + pid + "), since " + since
                    + " (" + (age.toMinutes() >= 120 ? age.toHours() + " h" : age.toMinutes() + " min") + " ago)";
        }
    }

    /** The lake is held by another run. */
    public static final class LakeLockedException extends Exception {

        private static final long serialVersionUID = 1L;

        public LakeLockedException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock of {@code lake} for {@code command} on {@code runDate}.
     *
     * <p>A stale lock (see the class comment) is removed only if the lock file still holds, byte for
     * byte, what was read when it was judged stale: between that read and the removal, another run
     * may have removed the same stale lock and taken the lake, and its fresh lock must stay. The
     * file is read again just before it is deleted; the window that remains is the time between
     * those two calls, where the file system offers no compare-and-delete.
     *
     * @throws LakeLockedException when another run holds it
     */
    public static LakeLock acquire(Lake lake, String command, String runDate) throws LakeLockedException {
        FileSystem fs = lake.fileSystem();
        Path file = new Path(lake.location(), FILE);
        Holder me = new Holder(hostName(), ProcessHandle.current().pid(), command, runDate, Instant.now());
        LakeLock lock = new LakeLock(fs, file);
        boolean taken = false;
        try {
            lock.take(lake, me);
            taken = true;
            return lock;
        } finally {
            if (!taken) {
                // Refused, or failed while writing the file: the hook goes, and a file created goes too.
                lock.close();
            }
        }
    }

    private synchronized void created() {
        held = true;
    }

    private void take(Lake lake, Holder me) throws LakeLockedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (OutputStream out = createExclusive(fs, file)) {
                created();
                Lake.json().writeValue(out, toJson(me));
                return;
            } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
                byte[] content = readBytes(fs, file);
                if (content == null) {
                    continue; // released between our attempt and the read: try again
                }
                Holder holder = parse(content);
                if (holder != null && isStaleHere(holder)) {
                    if (removeIfUnchanged(fs, file, content)) {
                        LOG.warn("removed a stale lock on {}: {} is no longer running", lake.location(),
                                holder.describe());
                    } else {
                        LOG.info("the stale lock on {} changed before it could be removed (another run took the"
                                + " lake?); looking again", lake.location());
                    }
                    continue;
                }
                throw new LakeLockedException("the lake " + lake.location() + " is locked by "
                        + (holder == null ? "an unreadable lock file" : holder.describe())
                        + "; wait for that run to finish, or, if it is dead, delete " + file);
            } catch (IOException e) {
                throw new Lake.LakeException("cannot lock the lake at " + lake.location() + ": " + Causes.message(e), e);
            }
        }
        throw new LakeLockedException("the lake " + lake.location() + " is locked: " + file
                + " reappeared or could not be removed at each of 3 attempts (see the log); if no run is using the"
                + " lake, delete it");
    }

    /**
     * Deletes the lock file if it still holds exactly {@code stale}; returns whether it did. Returns
     * false when the file is gone or holds anything else (a lock another run has just taken).
     */
    static boolean removeIfUnchanged(FileSystem fs, Path file, byte[] stale) {
        byte[] now = readBytes(fs, file);
        if (now == null || !Arrays.equals(now, stale)) {
            return false;
        }
        return delete(fs, file);
    }

    /** Who holds the lock of {@code lake}, or null when nobody does. */
    public static Holder holder(Lake lake) {
        return read(lake.fileSystem(), new Path(lake.location(), FILE));
    }

    /** Deletes the lock file, if this lock created it; called again, or by the shutdown hook after, does nothing. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (held) {
                delete(fs, file);
            }
        } finally {
            try {
                ShutdownHookManager.get().removeShutdownHook(releaseAtShutdown);
            } catch (IllegalStateException shuttingDown) {
                // The hooks are running: this one has run or will find the lock released.
            }
        }
    }

    /** What runs at a signal; for tests. */
    Runnable shutdownHook() {
        return releaseAtShutdown;
    }

    /**
     * Whether the holder ran on this host and is gone: no process has its pid, or the one that has
     * it started after the lock was taken, so it is another process that was given the same pid
     * (after a reboot, or a container's restart, where this very process may have it).
     */
    private static boolean isStaleHere(Holder holder) {
        if (!holder.host().equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        // A second's margin for the precision of the start time the system gives.
        return process.get().info().startInstant().map(start -> start.isAfter(holder.since().plusSeconds(1)))
                .orElse(false);
    }

    /**
     * Creates the lock file, failing if it exists, atomically: on the local file system through
     * {@code O_EXCL} (Hadoop's local {@code create} checks, then creates), elsewhere through the
     * file system's own exclusive create.
     */
    private static OutputStream createExclusive(FileSystem fs, Path file) throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            return java.nio.file.Files.newOutputStream(java.nio.file.Paths.get(file.toUri()),
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        }
        return fs.create(file, false);
    }

    private static Holder read(FileSystem fs, Path file) {
        byte[] content = readBytes(fs, file);
        return content == null ? null : parse(content);
    }

    /** The lock file's bytes, or null when it does not exist (or cannot be read). */
    private static byte[] readBytes(FileSystem fs, Path file) {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The holder a lock file names, or null when it is not a lock file this class wrote. */
    private static Holder parse(byte[] content) {
        try {
            JsonNode n = Lake.json().readTree(content);
            return new Holder(n.path("host").asText(), n.path("pid").asLong(), n.path("command").asText(),
                    n.path("run_date").asText(), Instant.parse(n.path("since").asText()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ObjectNode toJson(Holder h) {
        ObjectNode n = Lake.json().createObjectNode();
        n.put("host", h.host());
        n.put("pid", h.pid());
        n.put("command", h.command());
        n.put("run_date", h.runDate());
        n.put("since", h.since().toString());
        return n;
    }

    private static boolean delete(FileSystem fs, Path file) {
        try {
            return fs.delete(file, false);
        } catch (IOException e) {
            LOG.warn("could not remove the lake lock {}: {}", file, Causes.message(e));
            return false;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
