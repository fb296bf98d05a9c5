package org.relais.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's report directory, {@code <reports>/<run-date>/}, written aside and swapped into place:
 * files go to a hidden staging directory; {@link #commit()} moves the previous directory away,
 * renames the staging one, then deletes the previous one (renamed {@code .<run-date>.trash-<id>}
 * first: one that cannot be deleted, a file held open on a share, stays as such, with a warning).
 * A reader sees the old reports or the new ones, never a mix (for the moment between the two
 * renames, no directory at all), and a run that fails before committing leaves the old ones
 * untouched. What a run killed outright leaves behind
 * (its staging directory; the previous directory moved aside, if it died between the renames) is
 * cleaned up, or put back, by the next run of the date: runs of a date hold the lake's lock, so
 * none of it belongs to a live run.
 */
public final class ReportDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDirectory.class);
    /** A replaced directory to delete: {@code .<run-date>.trash-<id>}, never put back. */
    private static final String TRASH = ".trash-";

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
        recoverLeftovers(root, runDate);
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
            // Renamed first, so that what cannot be deleted is never taken for a directory a
            // killed commit moved aside, and put back.
            Path trash = root.resolve("." + runDate + TRASH + UUID.randomUUID());
            try {
                Files.move(previous, trash, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                trash = previous;
            }
            deleteTree(trash);
        }
    }

    /**
     * Puts back a previous directory a killed commit had moved aside; deletes other runs' leftovers:
     * this date's, and the staging and trash directories of any date (a report stopped by Ctrl-C
     * leaves its staging directory, and its date may not be reported again soon).
     */
    private static void recoverLeftovers(Path root, String runDate) throws IOException {
        List<Path> previous = hidden(root, Pattern.quote(runDate), ".previous-");
        Path target = root.resolve(runDate);
        if (!Files.exists(target) && previous.size() == 1) {
            Files.move(previous.get(0), target, StandardCopyOption.ATOMIC_MOVE);
            previous = List.of();
        }
        previous.forEach(ReportDirectory::deleteTree);
        hidden(root, ANY_DATE, ".staging-").forEach(ReportDirectory::deleteTree);
        hidden(root, ANY_DATE, TRASH).forEach(ReportDirectory::deleteTree);
    }

    /** For {@link #hidden}: any run date. */
    private static final String ANY_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    /**
     * The hidden directories {@code .<run-date><kind><uuid>} under {@code root}, of the run dates
     * the pattern {@code dates} matches.
     */
    private static List<Path> hidden(Path root, String dates, String kind) throws IOException {
        Pattern name = Pattern.compile("\\." + dates + Pattern.quote(kind) + ".*");
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> name.matcher(p.getFileName().toString()).matches()).toList();
        }
    }

    /** Deletes the staging directory unless committed; safe to call in {@code finally}. */
    public void abandon() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    /**
     * Deletes a hidden directory this class left, as well as it can: one that cannot be deleted
     * (a file held open on a network share, no permission) stays, with a warning. It is hidden,
     * and no reader counts on it; failing the run over it would fail every later run too.
     */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete {} ({}): a report directory left over, hidden; delete it by hand", dir,
                    org.relais.ingest.util.Causes.message(e));
        }
    }
}
