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
    void aLockLeftByADeadProcessOnThisHostIsRemoved() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        writeLock(InetAddress.getLocalHost().getHostName(), p.pid());
        try (LakeLock lock = LakeLock.acquire(lake, "nightly", "2026-11-21")) {
            assertEquals(ProcessHandle.current().pid(), LakeLock.holder(lake).pid());
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

    private void writeLock(String host, long pid) throws IOException {
        Files.writeString(dir.resolve("_lock"), "{\"host\":\"" + host + "\",\"pid\":" + pid + ",\"command\":\"nightly\","
                + "\"run_date\":\"2026-11-19\",\"since\":\"" + Instant.now().minusSeconds(3 * 3600) + "\"}");
    }
}
