package org.relais.ingest.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ShutdownHookManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeLockTest {

    @TempDir
    Path dir;

    private Lake lake;

    @BeforeEach
    void open() {
        lake = Lake.open(dir.toString(), new Configuration());
    }

    @Test
    void aSecondRunIsRefusedWithTheHolderNamedAndMayRunOnceTheFirstIsDone() throws Exception {
        try (LakeLock first = LakeLock.acquire(lake, "nightly", "2026-11-20")) {
            LakeLock.LakeLockedException e = assertThrows(LakeLock.LakeLockedException.class,
                    () -> LakeLock.acquire(lake, "ingest", "2026-11-21"));
            String pid = Long.toString(ProcessHandle.current().pid());
            assertTrue(e.getMessage().startsWith("the lake " + lake.location() + " is locked by relais nightly for"
                    + " 2026-11-20 on " + InetAddress.getLocalHost().getHostName() + " (pid " + pid + "), since "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; wait for that run to finish, or, if it is dead, delete "
                    + lake.location() + "/_lock"), e.getMessage());
        }
        assertEquals(null, LakeLock.holder(lake), "released");
        try (LakeLock again = LakeLock.acquire(lake, "ingest", "2026-11-21")) {
            assertEquals("ingest", LakeLock.holder(lake).command());
        }
    }

    @Test
    void theShutdownHookReleasesTheLockAndOnlyALockThisRunTook() throws Exception {
        LakeLock lock = LakeLock.acquire(lake, "nightly", "2026-11-21");
        assertTrue(ShutdownHookManager.get().hasShutdownHook(lock.shutdownHook()), "registered while held");
        lock.shutdownHook().run(); // what a SIGTERM runs, after Spark's own shutdown
        assertEquals(null, LakeLock.holder(lake), "released by the hook");
        lock.close(); // the main thread's close after the hook: nothing more to do
        assertFalse(ShutdownHookManager.get().hasShutdownHook(lock.shutdownHook()), "gone once released");

        try (LakeLock held = LakeLock.acquire(lake, "nightly", "2026-11-22")) {
            assertThrows(LakeLock.LakeLockedException.class, () -> LakeLock.acquire(lake, "ingest", "2026-11-22"));
            assertEquals("nightly", LakeLock.holder(lake).command(), "a refused run's hook leaves the holder's lock");
            assertTrue(ShutdownHookManager.get().hasShutdownHook(held.shutdownHook()), "the holder's hook stays");
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsRemoved() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        writeLock(InetAddress.getLocalHost().getHostName(), p.pid());
        try (LakeLock lock = LakeLock.acquire(lake, "nightly", "2026-11-21")) {
            assertEquals(ProcessHandle.current().pid(), LakeLock.holder(lake).pid());
        }
    }

    @Test
    void aLockWhosePidWasGivenToAProcessStartedSinceIsRemoved() throws Exception {
        // This process started after the lock was taken: a restarted container given the same pid.
        Files.writeString(dir.resolve("_lock"), "{\"host\":\"" + InetAddress.getLocalHost().getHostName()
                + "\",\"pid\":" + ProcessHandle.current().pid() + ",\"command\":\"nightly\",\"run_date\":"
                + "\"2026-11-19\",\"since\":\"2000-01-01T00:00:00Z\"}");
        try (LakeLock lock = LakeLock.acquire(lake, "nightly", "2026-11-21")) {
            assertEquals("2026-11-21", LakeLock.holder(lake).runDate());
        }
        // A lock this process took itself, since it started, is held.
        try (LakeLock held = LakeLock.acquire(lake, "nightly", "2026-11-21")) {
            assertThrows(LakeLock.LakeLockedException.class, () -> LakeLock.acquire(lake, "report", "2026-11-21"));
        }
    }

    @Test
    void aLockHeldFromAnotherHostIsNotGuessedAbout() throws Exception {
        writeLock("other-host", 12345);
        LakeLock.LakeLockedException e = assertThrows(LakeLock.LakeLockedException.class,
                () -> LakeLock.acquire(lake, "nightly", "2026-11-21"));
        assertTrue(e.getMessage().contains("locked by relais nightly for 2026-11-19 on other-host (pid 12345)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("h ago)"), "the lock's age is shown: " + e.getMessage());
        assertTrue(Files.exists(dir.resolve("_lock")), "left alone");
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void aStaleLockIsDeletedOnlyWhileItStillHoldsWhatWasRead() throws Exception {
        writeLock("this-host", 1);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(lake.location(), LakeLock.FILE);
        byte[] read = Files.readAllBytes(dir.resolve("_lock"));

        byte[] other = "{\"host\":\"this-host\",\"pid\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(LakeLock.removeIfUnchanged(lake.fileSystem(), file, other), "the file holds another lock");
        assertTrue(Files.exists(dir.resolve("_lock")));

        assertTrue(LakeLock.removeIfUnchanged(lake.fileSystem(), file, read));
        assertFalse(Files.exists(dir.resolve("_lock")));
        assertFalse(LakeLock.removeIfUnchanged(lake.fileSystem(), file, read), "nothing left to delete");
    }

    @Test
    void aLockTakenWhileTheStaleOneWasBeingRemovedIsLeftToItsHolder() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        writeLock(InetAddress.getLocalHost().getHostName(), p.pid());
        Lake hooked = Lake.open(dir.toString(), HookedFileSystem.conf());
        // Another run removes the same stale lock and takes the lake between our two reads of _lock.
        int[] opens = {0};
        String fresh = "{\"host\":\"" + InetAddress.getLocalHost().getHostName() + "\",\"pid\":"
                + ProcessHandle.current().pid() + ",\"command\":\"analyze\",\"run_date\":\"2026-11-21\","
                + "\"since\":\"" + Instant.now() + "\"}";
        HookedFileSystem.beforeOpen = file -> {
            if (file.getName().equals(LakeLock.FILE) && ++opens[0] == 2) {
                try {
                    Files.writeString(dir.resolve("_lock"), fresh);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try {
            LakeLock.LakeLockedException e = assertThrows(LakeLock.LakeLockedException.class,
                    () -> LakeLock.acquire(hooked, "nightly", "2026-11-21"));
            assertTrue(e.getMessage().contains("is locked by relais analyze for 2026-11-21"), e.getMessage());
            assertEquals(fresh, Files.readString(dir.resolve("_lock")), "the other run's lock stays");
        } finally {
            HookedFileSystem.reset();
        }
    }

    private void writeLock(String host, long pid) throws IOException {
        Files.writeString(dir.resolve("_lock"), "{\"host\":\"" + host + "\",\"pid\":" + pid + ",\"command\":\"nightly\","
                + "\"run_date\":\"2026-11-19\",\"since\":\"" + Instant.now().minusSeconds(3 * 3600) + "\"}");
    }
}
