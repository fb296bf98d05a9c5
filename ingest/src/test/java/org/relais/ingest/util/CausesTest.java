package org.relais.ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CausesTest {

    @TempDir
    Path dir;

    @Test
    void aFileInTheWayOfADirectoryIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("reports"), "x");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> Files.createDirectories(file));
        assertEquals(file + ": a file is in the way (a directory is needed there)", Causes.message(e));
        assertEquals(dir + ": already exists", Causes.message(new FileAlreadyExistsException(dir.toString())));
    }

    @Test
    void fileProblemsTheJdkLeavesToTheClassAreSpelledOut() {
        assertEquals("/x/y: no such file or directory", Causes.message(new NoSuchFileException("/x/y")));
        assertEquals("/x/y: permission denied", Causes.message(new AccessDeniedException("/x/y")));
        assertEquals("/a -> /b: permission denied", Causes.message(new AccessDeniedException("/a", "/b", null)));
        assertEquals("/x/y: Read-only file system",
                Causes.message(new FileSystemException("/x/y", null, "Read-only file system")), "a reason is kept");
    }

    @Test
    void anUnknownHostIsCalledOne() {
        assertEquals("unknown host kafka-1.example (the name does not resolve)",
                Causes.message(new UnknownHostException("kafka-1.example")));
    }

    @Test
    void otherMessagesAreKeptAndNoMessageGivesTheKind() {
        assertEquals("disk full", Causes.message(new IOException("disk full")));
        assertEquals("IllegalStateException", Causes.message(new IllegalStateException()));
    }
}
