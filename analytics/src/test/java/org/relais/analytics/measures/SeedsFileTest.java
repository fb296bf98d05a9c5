package org.relais.analytics.measures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds files: one id per line or CSV with an id column, comments, quotes, and clear problems. */
class SeedsFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("seeds.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private List<String> ids(String text) throws IOException {
        return SeedsFile.read(write(text)).ids();
    }

    private String problem(String text) throws IOException {
        Path file = write(text);
        return assertThrows(IOException.class, () -> SeedsFile.read(file)).getMessage()
                .replace(file.toString(), "FILE");
    }

    @Test
    void onePerLineWithCommentsBlankLinesAndSpaces() throws IOException {
        assertEquals(List.of("twitter:1", "blog:example.org", "mastodon:42"),
                ids("# campaign accounts\n\ntwitter:1\n  blog:example.org  \n   # indented comment\nmastodon:42"
                        + "\ntwitter:1\n"),
                "in file order, each once");
    }

    @Test
    void anIdStartingWithAHashIsQuotedAsRankingsFilesWriteIt() throws IOException {
        assertEquals(List.of("#politics", "a", "#news"),
                ids("# hashtags\n\"#politics\"\n  # not this one\na\n\"#news\"\n"));
        assertEquals(List.of("#politics", "a"), ids("rank,id,pagerank\n1,\"#politics\",0.5\n2,a,0.3\n# end\n"));
        assertEquals(List.of("alpha", "beta"), ids("# picked from the wiki\u2028 page\nalpha\n# second batch\nbeta\n"),
                "a line separator inside a line is no line end");
    }

    @Test
    void aHeaderAfterLeadingCommentsIsAHeaderNotASeed() throws IOException {
        assertEquals(List.of("twitter:1", "twitter:2"),
                ids("# exported from the rankings\n# 2026-11-21\n\nrank,actor_id,name\n1,twitter:1,A\n2,twitter:2,B\n"));
    }

    @Test
    void quotedValuesLoseTheirQuotesAndKeepTheirCommas() throws IOException {
        assertEquals(List.of("twitter:1", "blog:a,b"),
                ids("\"name\",\"actor_id\"\n\"Dupont, Jean\",\"twitter:1\"\n\"x\",\"blog:a,b\"\n"));
        assertEquals(List.of("twitter:7"), ids("\"twitter:7\"\n"), "a quoted id on its own line");
    }

    @Test
    void anIdColumnServesWhenThereIsNoActorIdAndActorIdIsPreferred() throws IOException {
        assertEquals(List.of("n1", "n2"), ids("id,label\nn1,one\nn2,two\n"));
        assertEquals(List.of("twitter:1"), ids("\uFEFFID,Actor_ID\nx,twitter:1\n"), "a BOM, any case");
    }

    @Test
    void problemsNameTheFileAndTheLine() throws IOException {
        assertEquals("FILE line 3: 2 values, but without a header row naming actor_id or id a seeds file has one id"
                + " per line", problem("# seeds\ntwitter:1\ntwitter:2,twitter:3\n"));
        assertEquals("FILE line 5: actor_id is empty", problem("actor_id,name\ntwitter:1,a\n\n# gap\n,b\n"));
        assertEquals("FILE line 4: actor_id is empty",
                problem("name,actor_id\n\"two\nlines\",twitter:1\nshort\n"), "a quoted line break counts");
        assertEquals("FILE: no seed id in it (only a header, comments or blank lines)",
                problem("# nothing yet\nactor_id\n"));
        assertEquals("FILE line 2: not UTF-8 text (byte 0xE9; save the file as UTF-8)", notUtf8(new byte[] {'a', '\n'}));
        assertEquals("FILE line 3: not UTF-8 text (byte 0xE9; save the file as UTF-8)",
                notUtf8(new byte[] {'a', '\r', '\n', 'b', '\r'}), "CRLF and CR end lines as Commons CSV counts them");
        Path missing = dir.resolve("missing.csv");
        assertEquals("cannot read " + missing + ": no such file or directory",
                assertThrows(CsvLines.UnreadableFileException.class, () -> SeedsFile.read(missing)).getMessage());
        assertEquals("cannot read " + dir + ": it is a directory, not a file",
                assertThrows(CsvLines.UnreadableFileException.class, () -> SeedsFile.read(dir)).getMessage());
    }

    private String notUtf8(byte[] before) throws IOException {
        Path file = dir.resolve("latin1.txt");
        byte[] bytes = java.util.Arrays.copyOf(before, before.length + 4);
        System.arraycopy(new byte[] {'t', ':', (byte) 0xe9, '\n'}, 0, bytes, before.length, 4);
        Files.write(file, bytes);
        return assertThrows(IOException.class, () -> SeedsFile.read(file)).getMessage().replace(file.toString(), "FILE");
    }

    @Test
    void seedsAreMatchedToVerticesById() throws IOException {
        SeedsFile seeds = SeedsFile.read(write("twitter:2\nblog:x\nnot:here\n"));
        assertArrayEquals(new int[] {1, 3}, seeds.verticesIn(new String[] {"twitter:1", "twitter:2", "a", "blog:x"}));
        assertArrayEquals(new int[0], seeds.verticesIn(new String[] {"twitter:1"}));
    }
}
