package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.INVALID_UTF8;
import static org.relais.ingest.format.FormatTestSupport.NOW;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;
import static org.relais.ingest.format.FormatTestSupport.valueOf;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.ParsedRecord;

class BlogLinksCsvFormatTest {

    private static final String HEADER = "source_url,target_url,published_at,anchor_text";

    private final BlogLinksCsvFormat format = new BlogLinksCsvFormat();

    @Test
    void splitsRowsIntoHeaderPlusRowDocuments() throws Exception {
        String file = "Source_URL , target_url,crawl_id,PUBLISHED_AT,anchor_text\r\n"
                + "http://atrios.blogspot.com/1.html,http://www.dailykos.com/,7,2004-11-02,\"Kos, again\"\r\n"
                + "\r\n"
                + ",,,,\r\n"
                + "http://yglesias.typepad.com/matthew/a.html,http://instapundit.com/,8,2004-11-03T10:00:00Z,\"two\r\nlines \"\"quoted\"\"\"\r\n";
        for (List<SourceRecord> records : List.of(splitAll(format, bytes(file)), splitTrickling(format, bytes(file)))) {
            assertEquals(2, records.size(), "the blank line and the row of commas are skipped");
            String header = "Source_URL , target_url,crawl_id,PUBLISHED_AT,anchor_text\n";
            assertEquals(header + "http://atrios.blogspot.com/1.html,http://www.dailykos.com/,7,2004-11-02,\"Kos, again\"",
                    valueOf(records.get(0)));
            assertEquals("http://atrios.blogspot.com/1.html", keyOf(records.get(0)));
            assertEquals(2, records.get(0).line());
            assertEquals(header + "http://yglesias.typepad.com/matthew/a.html,http://instapundit.com/,8,2004-11-03T10:00:00Z,"
                    + "\"two\r\nlines \"\"quoted\"\"\"", valueOf(records.get(1)));
            assertEquals(5, records.get(1).line());
        }
    }

    @Test
    void splitThenParseGivesTheLinks() throws Exception {
        String file = "source_url,target_url,published_at,anchor_text\n"
                + "http://atrios.blogspot.com/1.html,http://www.dailykos.com/story/1,2004-11-02,\"Kos, again\"\n"
                + "http://yglesias.typepad.com/matthew/a.html,http://instapundit.com/,,\"two\nlines \"\"quoted\"\"\"\n"
                + "http://atrios.blogspot.com/1.html,http://atrios.blogspot.com/archive.html,2004-11-02,archive\n";
        List<BlogLink> links = new ArrayList<>();
        for (SourceRecord record : splitAll(format, bytes(file))) {
            links.addAll(format.parse(record.value(), CONTEXT).blogLinks());
        }
        assertEquals(List.of(
                new BlogLink("atrios.blogspot.com", "http://atrios.blogspot.com/1.html", "http://www.dailykos.com/story/1",
                        "dailykos.com", Instant.parse("2004-11-02T00:00:00Z"), "Kos, again", "blog-links-csv"),
                new BlogLink("yglesias.typepad.com/matthew", "http://yglesias.typepad.com/matthew/a.html",
                        "http://instapundit.com/", "instapundit.com", null, "two\nlines \"quoted\"", "blog-links-csv")),
                links, "the link within atrios.blogspot.com is not an edge");
    }

    @Test
    void aLinkWithinOneBlogParsesToNothing() throws BadRecordException {
        ParsedRecord record = parse(format, HEADER + "\nhttp://a.example/1,https://www.a.example/about,,\n");
        assertTrue(record.isEmpty());
    }

    @Test
    void anchorTextIsOptional() throws BadRecordException {
        BlogLink link = parse(format, "target_url,source_url,published_at\nhttp://b.example/,http://a.example/1,2010-05-01T12:00:00+02:00")
                .blogLinks().get(0);
        assertEquals("a.example", link.sourceBlog());
        assertEquals("b.example", link.targetBlog());
        assertEquals(Instant.parse("2010-05-01T10:00:00Z"), link.publishedAt());
        assertNull(link.anchorText());
    }

    @Test
    void customBlogIdsAreUsed() throws BadRecordException {
        ParseContext custom = ParseContext.at(NOW, RECEIVED_AT,
                BlogIds.withPathPatterns(List.of("littlegreenfootballs.com/weblog")));
        BlogLink link = format.parse(bytes(HEADER + "\nhttp://littlegreenfootballs.com/weblog/?entry=1,http://a.example/,,"),
                custom).blogLinks().get(0);
        assertEquals("littlegreenfootballs.com/weblog", link.sourceBlog());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ,http://b.example/,2004-11-02,x                     | MISSING_FIELD          | source_url is empty
            http://a.example/1,  ,2004-11-02,x                  | MISSING_FIELD          | target_url is empty
            http://a.example/1,http://b.example/,02/11/2004,x   | WRONG_TYPE             | published_at was '02/11/2004', but must be an ISO-8601 date-time
            http://a.example/1,http://b.example/,2030-01-01,x   | TIMESTAMP_OUT_OF_RANGE | published_at was 2030-01-01T00:00:00Z, but must be in [0001-01-01T00:00:00Z, 2025-01-02T00:00:00Z]
            http://a.example/1,http://b.example/,-300000-01-01T00:00:00Z,x | TIMESTAMP_OUT_OF_RANGE | published_at was -300000-01-01T00:00:00Z, but must be in [0001-01-01T00:00:00Z,
            http://a.example/1,http://b.example/,0000-12-31T23:59:59Z,x | TIMESTAMP_OUT_OF_RANGE | published_at was 0000-12-31T23:59:59Z, but must be in
            a.example/1,http://b.example/,2004-11-02,x          | WRONG_TYPE             | source_url was 'a.example/1', but must be an http(s) URL with a host
            http://a.example/1,ftp://b.example/f,2004-11-02,x   | WRONG_TYPE             | target_url was 'ftp://b.example/f', but must be an http(s) URL with a host
            http://a.example/1,http://b.example/,2004-11-02     | MALFORMED_CSV          | row has 3 field(s), but the header has 4 (source_url,target_url,published_at,anchor_text)
            http://a.example/1,http://b.example/,2004-11-02,x,y | MALFORMED_CSV          | row has 5 field(s), but the header has 4
            http://a.example/1,"http://b.example/"x,2004,x      | MALFORMED_CSV          | record is not valid CSV:
            http://a.example/1,"http://b.example/,2004,x        | MALFORMED_CSV          | record is not valid CSV:
            """)
    void rejectsBadRows(String row, Reason reason, String message) {
        assertBad(format, HEADER + "\n" + row, reason, message);
    }

    @Test
    void rejectsRecordsThatAreNotHeaderPlusOneRow() {
        assertBad(format, HEADER, Reason.MALFORMED_CSV, "record must hold a header line and one row, but holds 1 line(s)");
        assertBad(format, HEADER + "\na,b,c,d\ne,f,g,h", Reason.MALFORMED_CSV, "but holds 3 line(s)");
        assertBad(format, "source_url,published_at,anchor_text\nhttp://a.example/,,", Reason.MISSING_FIELD,
                "column target_url is missing from the header");
    }

    @Test
    void invalidUtf8IsPublishedUnchangedThenQuarantined() throws Exception {
        byte[] row = concat(bytes("http://a.example/1,http://b.example/,2004-11-02,caf"), INVALID_UTF8);
        List<SourceRecord> records = splitAll(format, concat(bytes(HEADER + "\r\n"), row, bytes("\r\n")));
        assertArrayEquals(concat(bytes(HEADER + "\n"), row), records.get(0).value());
        assertEquals("http://a.example/1", keyOf(records.get(0)));
        assertBad(format, records.get(0).value(), Reason.INVALID_UTF8, "record is not valid UTF-8: malformed sequence at byte");
    }

    @Test
    void aRowThatIsNotCsvIsStillPublishedUnkeyed() throws Exception {
        List<SourceRecord> records = splitAll(format, bytes(HEADER + "\n\"http://a.example/1\"x,b,c,d\nhttp://a.example/2,b,c,d\n"));
        assertEquals(2, records.size());
        assertNull(records.get(0).key());
        assertBad(format, records.get(0).value(), Reason.MALFORMED_CSV, "record is not valid CSV");
        assertEquals("http://a.example/2", keyOf(records.get(1)));
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstColumn() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<SourceRecord> records = splitAll(format, concat(bom, bytes(HEADER + "\nhttp://a.example/1,http://b.example/,,\n")));
        assertEquals("http://a.example/1", keyOf(records.get(0)));
    }

    @Test
    void aCompressedOrBinaryFileIsNamedAsSuchRatherThanPrintedAsAHeader() throws java.io.IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(bytes(HEADER + "\nhttp://a.example/1,http://b.example/,,\n"));
        }
        BadInputException compressed = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(gz.toByteArray()), "links.csv"));
        assertEquals("links.csv: the file starts with gzip's signature (name a compressed file .gz to have it read"
                + " compressed), not a CSV header row; is this the file meant?", compressed.getMessage());
        BadInputException binary = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(new byte[] {'s', 'o', 0, 1, 2, '\n'}), "links.bin"));
        assertEquals("links.bin: its first line holds binary data (the control character 0x00), not a CSV header row;"
                + " is this the file meant?", binary.getMessage());
    }

    @Test
    void aFileWithOldMacLineEndsIsRefusedRatherThanReadAsOneHeader() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> format.split(new ByteArrayInputStream(
                bytes(HEADER + "\rhttp://a.example/1,http://b.example/,,\rhttp://a.example/2,http://b.example/,,\r")),
                "mac.csv"));
        assertEquals("mac.csv: its lines end with a carriage return alone, which Relais does not read as a line end"
                + " (old Mac line ends: convert them to \\n first, for example with tr '\\r' '\\n')", e.getMessage());
        assertEquals(2, splitAll(format, bytes("\"source_url\r\",target_url,published_at\r\n"
                + "http://a.example/1,http://b.example/,\r\nhttp://a.example/2,http://b.example/,\n")).size(),
                "a carriage return inside a quoted column name, and CRLF line ends, are fine");
        assertEquals(2, splitAll(format, bytes(HEADER + "\r\r\nhttp://a.example/1,http://b.example/,,\r\r\n"
                + "http://a.example/2,http://b.example/,,\r\r\n")).size(), "nor are \\r\\r\\n line ends");
        assertEquals(1, splitAll(format, bytes("source_url,tar\"get,\"x\ry\",target_url,published_at\n"
                + "http://a.example/1,y,z,http://b.example/,\n")).size(), "a quote inside a field opens nothing, a quote starting one does");
        BadInputException large = assertThrows(BadInputException.class, () -> format.split(new ByteArrayInputStream(
                bytes((HEADER + "\r" + "http://a.example/1,http://b.example/,,\r".repeat(2000)))), "big.csv", 4096));
        assertTrue(large.getMessage().endsWith("is a quote left open, or do its lines end with a carriage return alone"
                + " (old Mac line ends: convert them to \\n first, for example with tr '\\r' '\\n')?"), large.getMessage());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWhole() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(bytes("from,TARGET_URL,when\na,b,c\n")), "links-2004.csv"));
        assertEquals("links-2004.csv: the header row lacks the required column(s) source_url, published_at; "
                + "it has from, TARGET_URL, when", e.getMessage());
    }

    @Test
    void anEmptyFileIsRejected() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(bytes("\r\n\n")), "empty.csv"));
        assertEquals("empty.csv: the file is empty, but must start with a header row with columns "
                + "source_url, target_url, published_at", e.getMessage());
    }

    @Test
    void aHeaderThatIsNotCsvIsRejected() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> format.split(new ByteArrayInputStream(bytes("\n\"source_url,target_url\nx\n")), "bad.csv"));
        assertTrue(e.getMessage().startsWith("bad.csv: line 2: the header row is not valid CSV ("), e.getMessage());
    }

    @Test
    void aRowWithAnUnclosedQuoteIsOneOversizedRecordCountingItsHeaderAndTheRowsAfterItFollow() throws Exception {
        String header = "source_url,target_url,published_at\n";
        String open = "http://a.example/1,\"http://b.example/,\n" + "x".repeat(60) + "\n";
        String after = "http://c.example/1,http://d.example/,\n";
        List<SourceRecord> records = FormatTestSupport.drain(
                format.split(new ByteArrayInputStream(bytes(header + open + after)), "links.csv", header.length() + 50));
        assertEquals(2, records.size());
        assertTrue(records.get(0).oversized());
        assertEquals(2, records.get(0).line());
        assertEquals(header.length() + open.length() - 1, records.get(0).size(), "header, the row and the next line");
        assertEquals("http://c.example/1", keyOf(records.get(1)));
        assertEquals(4, records.get(1).line());
    }

    @Test
    void aHeaderLongerThanARecordMayBeIsRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> format.split(
                new ByteArrayInputStream(bytes("\"source_url,target_url\n" + "x".repeat(100) + "\n")), "bad.csv", 50));
        assertEquals("bad.csv: the header row is 123 bytes long, more than a record may be (50); is a quote left open,"
                + " or do its lines end with a carriage return alone (old Mac line ends: convert them to \\n first, for"
                + " example with tr '\\r' '\\n')?", e.getMessage());
    }
}
