package org.relais.ingest.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.INVALID_UTF8;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.concat;
import static org.relais.ingest.format.FormatTestSupport.trickle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    private static List<LineFramer.Frame> frames(InputStream in, boolean csv) throws IOException {
        LineFramer framer = new LineFramer(in, csv, SourceRecord.NO_LIMIT);
        List<LineFramer.Frame> result = new ArrayList<>();
        for (LineFramer.Frame frame = framer.next(); frame != null; frame = framer.next()) {
            result.add(frame);
        }
        return result;
    }

    private static List<LineFramer.Frame> frames(byte[] file, boolean csv) throws IOException {
        List<LineFramer.Frame> whole = frames(new ByteArrayInputStream(file), csv);
        List<LineFramer.Frame> trickled = frames(trickle(file), csv);
        assertEquals(texts(whole), texts(trickled), "framing must not depend on how the stream is read");
        return whole;
    }

    private static List<String> texts(List<LineFramer.Frame> frames) {
        return frames.stream().map(f -> f.line() + ":" + new String(f.bytes(), UTF_8)).toList();
    }

    @Test
    void cutsAtLineFeedsAndDropsOneCarriageReturn() throws IOException {
        assertEquals(List.of("1:a", "2:b", "3:c\r"), texts(frames(bytes("a\r\nb\nc\r\r\n"), false)));
    }

    @Test
    void aQuotedFieldOpenAtTheEndOfTheStreamIsMarked() throws IOException {
        List<LineFramer.Frame> frames = frames(bytes("a,b\n\"c,d\ne,f\n"), true);
        assertEquals(List.of("1:a,b", "2:\"c,d\ne,f\n"), texts(frames));
        assertEquals(List.of(false, true), frames.stream().map(LineFramer.Frame::openQuote).toList());
        assertEquals(List.of(false, false), frames(bytes("a,\"b\nc\"\nd\n"), true).stream()
                .map(LineFramer.Frame::openQuote).toList(), "a quote closed on a later line is fine");
        assertFalse(frames(bytes("\"a\n"), false).get(0).openQuote(), "quotes mean nothing outside CSV");
    }

    @Test
    void skipsBlankLinesButCountsThem() throws IOException {
        assertEquals(List.of("2:a", "5:b"), texts(frames(bytes("\na\n\r\n \t \nb\n\n"), false)));
    }

    @Test
    void keepsLeadingSpacesOfARecord() throws IOException {
        assertEquals(List.of("1:  {}"), texts(frames(bytes("  {}"), false)));
    }

    @Test
    void lastLineNeedsNoLineEnd() throws IOException {
        assertEquals(List.of("1:a", "2:b"), texts(frames(bytes("a\nb"), false)));
    }

    @Test
    void emptyStreamHasNoRecords() throws IOException {
        assertEquals(List.of(), frames(new byte[0], false));
        assertEquals(List.of(), frames(bytes("\n\r\n  \n"), false));
    }

    @Test
    void dropsAByteOrderMarkAtTheStartOnly() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<LineFramer.Frame> frames = frames(concat(bom, bytes("a\n"), bom, bytes("b\n")), false);
        assertArrayEquals(bytes("a"), frames.get(0).bytes());
        assertArrayEquals(concat(bom, bytes("b")), frames.get(1).bytes(), "a BOM inside the file is data");
    }

    @Test
    void passesInvalidUtf8ThroughByteForByte() throws IOException {
        byte[] line = concat(bytes("{\"text\":\""), INVALID_UTF8, new byte[] {(byte) 0xFF}, bytes("\"}"));
        List<LineFramer.Frame> frames = frames(concat(line, bytes("\r\n"), line), false);
        assertEquals(2, frames.size());
        assertArrayEquals(line, frames.get(0).bytes());
        assertArrayEquals(line, frames.get(1).bytes());
    }

    @Test
    void handlesLinesLongerThanTheReadBuffer() throws IOException {
        byte[] longLine = new byte[200_000];
        Arrays.fill(longLine, (byte) 'x');
        List<LineFramer.Frame> frames = frames(new ByteArrayInputStream(concat(longLine, bytes("\nshort\n"))), false);
        assertArrayEquals(longLine, frames.get(0).bytes());
        assertEquals(List.of("2:short"), texts(frames.subList(1, 2)));
    }

    @Test
    void jsonModeIgnoresQuotes() throws IOException {
        assertEquals(List.of("1:\"a", "2:b\""), texts(frames(bytes("\"a\nb\""), false)));
    }

    @Test
    void csvModeKeepsQuotedLineBreaksAndEscapedQuotes() throws IOException {
        String file = "h1,h2\r\n\"multi\r\nline, with comma\",\"say \"\"hi\"\"\nthere\"\r\nplain,\"\"\r\n";
        assertEquals(List.of("1:h1,h2", "2:\"multi\r\nline, with comma\",\"say \"\"hi\"\"\nthere\"", "5:plain,\"\""),
                texts(frames(bytes(file), true)));
    }

    @Test
    void csvModeTreatsAQuoteInsideAnUnquotedFieldAsText() throws IOException {
        assertEquals(List.of("1:5\" screen,a", "2:b"), texts(frames(bytes("5\" screen,a\nb\n"), true)));
    }

    @Test
    void csvModeUnterminatedQuoteTakesTheRestOfTheFile() throws IOException {
        assertEquals(List.of("1:a", "2:\"open\nb\nc\n"), texts(frames(bytes("a\n\"open\nb\nc\n"), true)));
    }

    @Test
    void csvModeAgreesWithCommonsCsvOnWhereRecordsEnd() throws Exception {
        String file = "id,text\n1,\"a\nb\"\n2,\"\"\"quoted\"\"\"\n3,\"x,\"\"y\"\"\n\nz\"\n4,plain \"inch\n5,\n";
        List<List<String>> expected = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(file), CsvRow.FORMAT)) {
            for (CSVRecord record : parser) {
                expected.add(record.toList());
            }
        }
        List<List<String>> actual = new ArrayList<>();
        for (LineFramer.Frame frame : frames(bytes(file), true)) {
            actual.add(List.of(CsvRow.fieldsLenient(frame.bytes())));
        }
        assertEquals(expected, actual);
    }

    @Test
    void recordsIteratorMapsSkipsAndEnds() throws IOException {
        Iterator<SourceRecord> records = new LineFramer(new ByteArrayInputStream(bytes("a\nskip\nb\n")), false,
                        SourceRecord.NO_LIMIT)
                .records(frame -> new String(frame.bytes(), UTF_8).equals("skip")
                        ? null
                        : new SourceRecord(null, frame.bytes(), frame.line()));
        assertTrue(records.hasNext());
        assertTrue(records.hasNext(), "hasNext must not consume");
        assertEquals(1, records.next().line());
        assertEquals(3, records.next().line());
        assertFalse(records.hasNext());
        assertThrows(NoSuchElementException.class, records::next);
    }

    @Test
    void endOfStreamIsSticky() throws IOException {
        LineFramer framer = new LineFramer(new ByteArrayInputStream(bytes("a")), false, SourceRecord.NO_LIMIT);
        framer.next();
        assertNull(framer.next());
        assertNull(framer.next());
    }

    private static List<String> limited(String file, boolean csv, int limit) throws IOException {
        List<String> result = new ArrayList<>();
        for (InputStream in : List.of(new ByteArrayInputStream(bytes(file)), trickle(bytes(file)))) {
            LineFramer framer = new LineFramer(in, csv, limit);
            List<String> frames = new ArrayList<>();
            for (LineFramer.Frame f = framer.next(); f != null; f = framer.next()) {
                frames.add(f.line() + ":" + (f.oversized() ? "oversized " + f.size() : new String(f.bytes(), UTF_8)));
            }
            if (!result.isEmpty()) {
                assertEquals(result, frames, "framing must not depend on how the stream is read");
            }
            result = frames;
        }
        return result;
    }

    @Test
    void aLineLongerThanTheLimitComesOutOversizedWithItsSizeAndTheNextLineFollows() throws IOException {
        assertEquals(List.of("1:abc", "2:oversized 6", "3:xyz\r", "4:de"),
                limited("abc\nabcdef\nxyz\r\r\nde", false, 4));
    }

    @Test
    void aRecordOfExactlyTheLimitIsKeptWithOrWithoutCarriageReturn() throws IOException {
        assertEquals(List.of("1:abcd", "2:abcd"), limited("abcd\r\nabcd\n", false, 4));
    }

    @Test
    void csvModeAnUnclosedQuoteEndsAtTheFirstLineEndPastTheLimitAndFramingResumes() throws IOException {
        // The quote opened on line 2 never closes: lines 2 to 4 (13 bytes, past the limit of 11
        // and its one byte of slack for a '\r') are one oversized record, then framing goes on.
        assertEquals(List.of("1:h", "2:oversized 13", "5:e,f", "6:g"),
                limited("h\n\"open\nb,c\nd,e\ne,f\ng\n", true, 11));
    }

    @Test
    void csvModeAQuotedRecordWithinTheLimitKeepsItsLineBreaks() throws IOException {
        assertEquals(List.of("1:\"a\nb\"", "3:c"), limited("\"a\nb\"\nc\n", true, 5));
    }
}
