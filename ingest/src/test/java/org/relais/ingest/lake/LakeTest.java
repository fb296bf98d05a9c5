package org.relais.ingest.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's commit protocol, on the local file system (no Spark needed). */
class LakeTest {

    @TempDir
    Path dir;

    private Lake lake;

    @BeforeEach
    void open() {
        lake = Lake.open(dir.toString(), new Configuration());
    }

    @Test
    void fileNamesDoNotDependOnTheMachinesLanguage() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            // A locale whose digits are not ASCII ones: names must stay those other runs look for.
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG-u-nu-arab"));
            assertEquals("seg-000007", lake.segmentName(7));
            assertTrue(lake.stagingPath(12).endsWith("_staging/batch-000012"), lake.stagingPath(12));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aNewLakeIsEmptyAtVersionZero() {
        LakeState s = lake.state();
        assertEquals(0, s.version());
        assertEquals(List.of(), s.segments("posts"));
        assertEquals(-1, s.nextOffset("relais.posts", 0));
    }

    @Test
    void readingACommittedLakeCreatesNothingAndSaysWhatIsMissing() {
        Configuration conf = new Configuration();
        Path mistyped = dir.resolve("laek");
        Lake.NoLakeException none = assertThrows(Lake.NoLakeException.class,
                () -> Lake.openCommitted(mistyped.toString(), conf));
        assertEquals("no lake at file:" + mistyped + " (check --lake or relais.lake; a new lake is created by relais"
                + " ingest or relais nightly)", none.getMessage());
        assertFalse(Files.exists(mistyped), "nothing created");

        Lake.LakeException empty = assertThrows(Lake.LakeException.class, () -> Lake.openCommitted(dir.toString(), conf));
        assertFalse(empty instanceof Lake.NoLakeException, "the lake exists");
        assertTrue(empty.getMessage().endsWith(" holds no batch yet: nothing has been ingested into it (run relais"
                + " ingest once records have arrived in Kafka)"), empty.getMessage());

        lake.commit(state(1, "seg-000001"));
        assertEquals(1, Lake.openCommitted(dir.toString(), conf).state().version());
    }

    @Test
    void aFileWhereTheLakeShouldBeIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("lake.conf"), "relais.lake = /data/lake\n");
        for (Lake.LakeException e : List.of(
                assertThrows(Lake.NoLakeException.class, () -> Lake.open(file.toString(), new Configuration())),
                assertThrows(Lake.NoLakeException.class, () -> Lake.openCommitted(file.toString(), new Configuration())))) {
            assertEquals("no lake at file:" + file + ": it is a file, and a lake is a directory (check --lake or"
                    + " relais.lake)", e.getMessage());
        }
        assertEquals("relais.lake = /data/lake\n", Files.readString(file));
    }

    @Test
    void aCommitIsReadBackWithItsSegmentsOffsetsAndBatch() {
        LakeState.Batch batch = new LakeState.Batch("2026-11-20", Map.of("t/0", new long[] {0, 5}), 5,
                Map.of("posts", 4L), Map.of("posts", 1L), Map.of("malformed_json", 1L), Map.of(),
                Map.of("relais-json", 5L), Map.of("relais-json", 1L));
        lake.commit(new LakeState(1, Instant.parse("2026-11-20T02:00:00Z"), Map.of("posts", List.of("seg-000001")),
                Map.of("t", Map.of(0, 5L)), batch));
        LakeState s = lake.state();
        assertEquals(1, s.version());
        assertEquals(List.of("seg-000001"), s.segments("posts"));
        assertEquals(5, s.nextOffset("t", 0));
        assertEquals(5, s.batch().records());
        assertEquals(Map.of("malformed_json", 1L), s.batch().quarantined());
        assertEquals(5, s.batch().ranges().get("t/0")[1]);
        assertEquals(Map.of("relais-json", 5L), s.batch().byFormat());
        assertEquals(Map.of("relais-json", 1L), s.batch().skipped());
    }

    @Test
    void onlyTheNextVersionCanBeCommitted() {
        lake.commit(state(1, "seg-000001"));
        Lake.LakeException e = assertThrows(Lake.LakeException.class, () -> lake.commit(state(1, "seg-000002")));
        assertTrue(e.getMessage().contains("the lake is at version 1"), e.getMessage());
        assertThrows(Lake.LakeException.class, () -> lake.commit(state(3, "seg-000003")));
        assertEquals(List.of("seg-000001"), lake.state().segments("posts"), "the first commit stands");
    }

    @Test
    void segmentsNoCommitListsAreRemoved() throws IOException {
        Files.createDirectories(dir.resolve("posts/seg-000001"));
        Files.createDirectories(dir.resolve("posts/seg-000002"));
        Files.createDirectories(dir.resolve("follows/seg-000002"));
        lake.commit(state(1, "seg-000001"));
        assertEquals(2, lake.removeOrphans(), "the two segments of the run that never committed");
        assertTrue(Files.exists(dir.resolve("posts/seg-000001")));
        assertFalse(Files.exists(dir.resolve("posts/seg-000002")));
        assertFalse(Files.exists(dir.resolve("follows/seg-000002")));
    }

    @Test
    void aSegmentWhoseFilesChangedAfterItsCommitIsRefusedByName() throws IOException {
        Path segment = Files.createDirectories(dir.resolve("posts/seg-000001"));
        Files.write(segment.resolve("part-00000.parquet"), new byte[100]);
        Files.write(segment.resolve("part-00001.parquet"), new byte[200]);
        Files.write(segment.resolve("_SUCCESS"), new byte[0]);
        lake.commit(state(1, "seg-000001"));
        lake.verifySegments(lake.state(), "posts");
        lake.commit(state(2, "seg-000001"));
        lake.verifySegments(lake.state(), "posts");

        Files.write(segment.resolve("part-00001.parquet"), new byte[150]);
        lake.verifySegments(lake.state(), "posts"); // checked once per process: the next run sees it
        assertEquals("the lake at " + lake.location() + " is damaged: in segment seg-000001 of table posts,"
                + " part-00001.parquet has 150 bytes, but was committed with 200. Its rows would be read wrong, so"
                + " nothing was computed: restore the lake (or that segment) from a backup",
                assertThrows(Lake.LakeException.class, () -> nextRun().verifySegments(lake.state(), "posts"))
                        .getMessage());
        Files.delete(segment.resolve("part-00001.parquet"));
        assertTrue(assertThrows(Lake.LakeException.class, () -> nextRun().verifySegments(lake.state(), "posts"))
                .getMessage().contains("part-00001.parquet is missing"));
        Files.write(segment.resolve("part-00001.parquet"), new byte[200]);
        Files.write(segment.resolve("part-00002.parquet"), new byte[10]);
        assertTrue(assertThrows(Lake.LakeException.class, () -> nextRun().verifySegments(lake.state(), "posts"))
                .getMessage().contains("part-00002.parquet was not part of it when it was committed"));
        Files.delete(segment.resolve("part-00002.parquet"));
        nextRun().verifySegments(lake.state(), "posts");
        org.apache.commons.io.FileUtils.deleteDirectory(segment.toFile());
        assertTrue(assertThrows(Lake.LakeException.class, () -> nextRun().verifySegments(lake.state(), "posts"))
                .getMessage().contains("in segment seg-000001 of table posts, the segment's directory is missing"));
    }

    /** The lake as the next run opens it: segments are checked once per process. */
    private Lake nextRun() {
        return Lake.open(dir.toString(), new Configuration());
    }

    @Test
    void segmentsCommittedBeforeFileListsWereKeptAreNotChecked() throws IOException {
        Path segment = Files.createDirectories(dir.resolve("posts/seg-000001"));
        Files.write(segment.resolve("part-00000.parquet"), new byte[100]);
        lake.commit(state(1, "seg-000001"));
        Files.delete(segment.resolve(Lake.SEGMENT_FILES));
        Files.delete(segment.resolve("part-00000.parquet"));
        lake.verifySegments(lake.state(), "posts");
    }

    @Test
    void strayFilesAmongTheCommitsAreIgnored() throws IOException {
        lake.commit(state(1, "seg-000001"));
        Path commits = dir.resolve("_commits");
        Files.writeString(commits.resolve("notes.json"), "{\"who\": \"an operator\"}");
        Files.writeString(commits.resolve("00000000000000000003.json.tmp"), "{");
        Files.writeString(commits.resolve("00000000000000000002.json~"), "{");
        Files.createDirectories(commits.resolve("9.json"));

        assertEquals(1, lake.state().version());
        lake.commit(state(2, "seg-000002"));
        assertEquals(List.of("seg-000002"), lake.state().segments("posts"));

        lake.removeOrphans();
        assertTrue(Files.exists(commits.resolve("notes.json")), "a file the lake did not write is left alone");
        assertTrue(Files.exists(commits.resolve("00000000000000000003.json.tmp")));
    }

    @Test
    void aMissingLatestCommitIsRefusedRatherThanRolledBack() throws IOException {
        lake.commit(state(1, "seg-000001"));
        lake.commit(state(2, "seg-000002"));
        Path commits = dir.resolve("_commits");
        Files.delete(commits.resolve("00000000000000000002.json"));
        Files.deleteIfExists(commits.resolve(".00000000000000000002.json.crc"));

        Lake.LakeException e = assertThrows(Lake.LakeException.class, () -> lake.state());
        assertEquals("the lake at " + lake.location() + " is damaged: its latest commit, version 2, is gone ("
                + lake.location() + "/_commits/00000000000000000002.json is missing; the last commit file is version 1)."
                + " Restore that file from a backup; reading the lake without it would take it back to an earlier"
                + " version, and the next run would delete the data that commit added", e.getMessage());
        assertThrows(Lake.LakeException.class, () -> lake.removeOrphans(), "nothing is cleaned up on a damaged lake");
    }

    @Test
    void anUnreadableLatestRecordSaysWhatItIsAndHowToGoOn() throws IOException {
        lake.commit(state(1, "seg-000001"));
        Files.writeString(dir.resolve("_commits").resolve(Lake.LATEST), "garbage{");
        Files.deleteIfExists(dir.resolve("_commits/." + Lake.LATEST + ".crc"));
        String message = assertThrows(Lake.LakeException.class, () -> lake.state()).getMessage();
        assertTrue(message.startsWith("cannot read " + lake.location() + "/_commits/latest.json: "), message);
        assertTrue(message.endsWith("(that file only records the latest version committed: once the commit files are"
                + " known to be whole, delete it, and the next commit writes it again)"), message);
        Files.delete(dir.resolve("_commits").resolve(Lake.LATEST));
        assertEquals(1, lake.state().version());
    }

    @Test
    void aLatestRecordBehindTheCommitsIsAccepted() throws IOException {
        lake.commit(state(1, "seg-000001"));
        lake.commit(state(2, "seg-000002"));
        Path latest = dir.resolve("_commits").resolve(Lake.LATEST);
        assertEquals(2, Lake.json().readTree(latest.toFile()).path("version").asLong());

        // A run that stopped between its commit and the record leaves the record a version behind.
        Files.writeString(latest, "{\"version\":1}");
        Files.deleteIfExists(dir.resolve("_commits/." + Lake.LATEST + ".crc"));
        assertEquals(2, lake.state().version());
        assertEquals(List.of("seg-000002"), lake.state().segments("posts"));
    }

    @Test
    void anUnreadableCommitIsNamedInTheMessage() throws IOException {
        lake.commit(state(1, "seg-000001"));
        Files.writeString(dir.resolve("_commits/00000000000000000002.json"), "{\"version\": 2, \"tables\": ");
        Lake.LakeException e = assertThrows(Lake.LakeException.class, () -> lake.state());
        assertTrue(e.getMessage().startsWith("cannot read the lake's state from " + lake.location()
                + "/_commits/00000000000000000002.json: "), e.getMessage());
    }

    @Test
    void aJsonDocumentIsReplacedWholeAndLeavesNoTemporaryFile() throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(lake.runDir("2026-11-21"), "ingest.json");
        lake.writeJson(file, Lake.json().createObjectNode().put("status", "failed"));
        lake.writeJson(file, Lake.json().createObjectNode().put("status", "succeeded"));
        assertEquals("succeeded", lake.readJson(file).path("status").asText());
        assertEquals(List.of("ingest.json"), visible(dir.resolve("_runs/2026-11-21")));
    }

    @Test
    void aJsonDocumentIsReplacedWhereRenameRefusesToOverwrite() throws IOException {
        // HDFS's plain rename fails when the target exists; the lake then renames with overwrite.
        HookedFileSystem.failRename = (src, dst) -> java.nio.file.Files.exists(java.nio.file.Paths.get(dst.toUri()));
        try {
            Lake hdfsLike = Lake.open(dir.toString(), HookedFileSystem.conf());
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(hdfsLike.runDir("2026-11-21"), "manifest.json");
            hdfsLike.writeJson(file, Lake.json().createObjectNode().put("run", 1));
            hdfsLike.writeJson(file, Lake.json().createObjectNode().put("run", 2));
            assertEquals(2, hdfsLike.readJson(file).path("run").asInt());
            assertEquals(List.of("manifest.json"), visible(dir.resolve("_runs/2026-11-21")));
        } finally {
            HookedFileSystem.reset();
        }
    }

    /** The names in a directory, checksum files aside. */
    private static List<String> visible(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted()
                    .collect(java.util.stream.Collectors.toList());
        }
    }

    private static LakeState state(long version, String segment) {
        return new LakeState(version, Instant.now(), Map.of("posts", List.of(segment)), Map.of(), null);
    }
}
