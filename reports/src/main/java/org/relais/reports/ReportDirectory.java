package org.relais.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A run's report directory, {@code <reports>/<run-date>/}, written aside and swapped into place:
 * files go to a hidden staging directory; {@link #commit()} moves the previous directory away,
 * renames the staging one, then deletes the previous one. A reader sees the old reports or the new
 * ones, never a mix, and a run that fails before committing leaves the old ones untouched.
 */
public final class ReportDirectory {

    private final Path root;
    private final String runDate;
    private final Path staging;
    private boolean committed;

    private ReportDirectory(Path root, String runDate, Path staging) {
        this.root = root;
        this.runDate = runDate;
        this.staging = staging;
    }

    public static ReportDirectory begin(Path root, String runDate) throws IOException {
        Files.createDirectories(root);
        Path staging = root.resolve("." + runDate + ".staging-" + UUID.randomUUID());
        Files.createDirectory(staging);
        return new ReportDirectory(root, runDate, staging);
    }

    /** Where to write {@code name} now; it appears under {@link #finalDirectory()} on commit. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    public Path finalDirectory() {
        return root.resolve(runDate).toAbsolutePath();
    }

    public void commit() throws IOException {
        Path target = root.resolve(runDate);
        Path previous = root.resolve("." + runDate + ".previous-" + UUID.randomUUID());
        boolean hadPrevious = Files.exists(target);
        if (hadPrevious) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadPrevious) {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        if (hadPrevious) {
            deleteTree(previous);
        }
    }

    /** Deletes the staging directory unless committed; safe to call in {@code finally}. */
    public void abandon() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
