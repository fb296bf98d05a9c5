package org.relais.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.testing.CommandRun;

/** Option values {@code broker start} refuses as usage errors, before starting anything. */
class BrokerCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CommandRun run = start("--port", "99999");
        assertEquals(ExitCodes.USAGE, run.code());
        assertEquals("relais broker start: --port must be between 0 and 65535 (0 picks a free port), not 99999"
                + System.lineSeparator(), run.err());
        assertFalse(Files.exists(dir.resolve("broker")), "nothing was started");
    }

    @Test
    void aNegativePortIsAUsageError() {
        CommandRun run = start("--port", "-1");
        assertEquals(ExitCodes.USAGE, run.code());
        assertEquals("relais broker start: --port must be between 0 and 65535 (0 picks a free port), not -1",
                run.lastErrLine());
    }

    @Test
    void noPartitionsIsAUsageError() {
        CommandRun run = start("--port", "0", "--partitions", "0");
        assertEquals(ExitCodes.USAGE, run.code());
        assertEquals("relais broker start: --partitions must be at least 1, not 0", run.lastErrLine());
        assertFalse(Files.exists(dir.resolve("broker")), "nothing was started");
    }

    private CommandRun start(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "start";
        args[1] = "--data-dir";
        args[2] = dir.resolve("broker").toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CommandRun.of(new BrokerCommand(), args);
    }
}
