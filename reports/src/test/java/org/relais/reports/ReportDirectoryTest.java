package org.relais.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {

    @TempDir
    Path root;

    @Test
    void aCommittedRunReplacesThePreviousOneWhole() throws IOException {
        write("2026-11-20", "old.csv", "old");
        ReportDirectory dir = ReportDirectory.begin(root, "2026-11-20");
        Files.writeString(dir.file("rankings.csv"), "new");
        assertTrue(Files.exists(root.resolve("2026-11-20/old.csv")), "until commit, readers see the old run");
        dir.commit();
        dir.abandon();
        assertEquals(List.of("rankings.csv"), names(root.resolve("2026-11-20")));
        assertEquals(List.of("2026-11-20"), names(root), "no staging or previous directory is left");
    }

    @Test
    void anAbandonedRunLeavesThePreviousOneUntouched() throws IOException {
        write("2026-11-20", "rankings.csv", "old");
        ReportDirectory dir = ReportDirectory.begin(root, "2026-11-20");
        Files.writeString(dir.file("rankings.csv"), "half");
        dir.abandon();
        assertEquals("old", Files.readString(root.resolve("2026-11-20/rankings.csv")));
        assertEquals(List.of("2026-11-20"), names(root));
    }

    @Test
    void aPreviousRunThatCannotBeDeletedIsLeftHiddenWithoutFailingThisRunOrTheNext() throws Exception {
        write("2026-11-20", "rankings.csv", "old");
        Path held = root.resolve("2026-11-20/rankings.csv");
        // An immutable file stands for one held open on a network share; chattr needs root and a
        // file system that has the attribute.
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", held),
                "chattr +i is not available here (not root, or the file system lacks it): skipped");
        try {
            ReportDirectory dir = ReportDirectory.begin(root, "2026-11-20");
            Files.writeString(dir.file("rankings.csv"), "new");
            dir.commit();
            assertEquals("new", Files.readString(root.resolve("2026-11-20/rankings.csv")), "published all the same");
            ReportDirectory again = ReportDirectory.begin(root, "2026-11-20");
            Files.writeString(again.file("rankings.csv"), "newer");
            again.commit();
            assertEquals("newer", Files.readString(root.resolve("2026-11-20/rankings.csv")), "the next run too");
            assertTrue(names(root).stream().anyMatch(n -> n.startsWith(".2026-11-20.trash-")), names(root).toString());

            // A later commit killed between its renames is still put back, the leftover aside.
            Files.move(root.resolve("2026-11-20"), root.resolve(".2026-11-20.previous-killed"));
            ReportDirectory recovered = ReportDirectory.begin(root, "2026-11-20");
            assertEquals("newer", Files.readString(root.resolve("2026-11-20/rankings.csv")));
            recovered.abandon();
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(p -> p.getFileName().toString().equals("rankings.csv")).toList()) {
                    chattr("-i", p);
                }
            }
        }
    }

    private static boolean chattr(String flag, Path file) throws InterruptedException {
        try {
            return new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theFirstRunOfADateCreatesItsDirectory() throws IOException {
        ReportDirectory dir = ReportDirectory.begin(root, "2026-11-21");
        Files.writeString(dir.file("manifest.json"), "{}");
        dir.commit();
        assertFalse(Files.exists(root.resolve("2026-11-20")));
        assertEquals(List.of("manifest.json"), names(root.resolve("2026-11-21")));
    }

    @Test
    void theNextRunPutsBackWhatARunKilledBetweenTheRenamesHadMovedAside() throws IOException {
        write(".2026-11-20.previous-1b2c", "rankings.csv", "old");
        write(".2026-11-20.staging-3d4e", "rankings.csv", "half");
        write(".2026-11-19.previous-7a8b", "rankings.csv", "another date's, which only its own next run can place");
        write(".2026-11-19.staging-5f6a", "rankings.csv", "another date's report stopped by Ctrl-C: deleted");

        ReportDirectory dir = ReportDirectory.begin(root, "2026-11-20");

        assertEquals("old", Files.readString(root.resolve("2026-11-20/rankings.csv")), "readers see the old run again");
        dir.abandon();
        assertEquals(List.of(".2026-11-19.previous-7a8b", "2026-11-20"), names(root));
    }

    @Test
    void theNextRunDeletesWhatARunKilledBeforeItsCommitLeft() throws IOException {
        write("2026-11-20", "rankings.csv", "current");
        write(".2026-11-20.previous-1b2c", "rankings.csv", "older");
        write(".2026-11-20.staging-3d4e", "rankings.csv", "half");

        ReportDirectory dir = ReportDirectory.begin(root, "2026-11-20");
        dir.abandon();

        assertEquals("current", Files.readString(root.resolve("2026-11-20/rankings.csv")));
        assertEquals(List.of("2026-11-20"), names(root));
    }

    private void write(String date, String name, String content) throws IOException {
        Files.createDirectories(root.resolve(date));
        Files.writeString(root.resolve(date).resolve(name), content);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
