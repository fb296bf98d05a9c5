package org.relais.ingest.util;

import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The message of an exception as a user should read it. Some exceptions of the JDK carry only a
 * name and leave the problem to their class: a {@link FileAlreadyExistsException}'s message is the
 * path alone, an {@link UnknownHostException}'s the host alone. Printed after "cannot write ...: ",
 * such a message names the thing but not what is wrong with it; this class adds that.
 */
public final class Causes {

    private Causes() {
    }

    /** {@code e}'s message, with what its class means when the message does not say it. */
    public static String message(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() == null) {
            return fileProblem(f);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage() + " (the name does not resolve)";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * Why {@code file} cannot be read as a file, in the words {@link #message} uses for the same
     * problem met as an exception; null when it can.
     */
    public static String unreadable(Path file) {
        if (!Files.exists(file)) {
            return "no such file or directory";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        return Files.isReadable(file) ? null : "permission denied";
    }

    private static String fileProblem(FileSystemException f) {
        String file = f.getFile() == null ? "" : f.getFile();
        String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
        String problem;
        if (f instanceof FileAlreadyExistsException) {
            problem = isFile(file) ? "a file is in the way (a directory is needed there)" : "already exists";
        } else if (f instanceof NoSuchFileException) {
            problem = "no such file or directory";
        } else if (f instanceof NotDirectoryException) {
            problem = "not a directory";
        } else if (f instanceof AccessDeniedException) {
            problem = "permission denied";
        } else {
            problem = f.getClass().getSimpleName();
        }
        return file + other + ": " + problem;
    }

    private static boolean isFile(String file) {
        try {
            return !file.isEmpty() && Files.isRegularFile(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
