package org.relais.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.reports.CsvTable.Column;
import org.relais.reports.CsvTable.Kind;

class CsvTableTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =HYPERLINK("http://x") | '=HYPERLINK("http://x")
            +33 6 12               | '+33 6 12
            -2+3                   | '-2+3
            @SUM(A1)               | '@SUM(A1)
            Marianne               | Marianne
            a=b                    | a=b
            """)
    void textThatASpreadsheetWouldRunIsNeutralised(String given, String written) {
        assertEquals(written, CsvTable.safeText(given));
    }

    @Test
    void tabAndLineBreaksAtTheStartAreNeutralisedToo() {
        assertEquals("'\tx", CsvTable.safeText("\tx"));
        assertEquals("'\rx", CsvTable.safeText("\rx"));
        assertEquals("'\nx", CsvTable.safeText("\nx"));
        assertEquals("", CsvTable.safeText(""));
    }

    @Test
    void numbersAreWrittenInFullWithoutExponentAndNeverNeutralised() {
        assertEquals("0.000123", CsvTable.format(1.23e-4, Kind.NUMBER));
        assertEquals("0.017937405126480687", CsvTable.format(0.017937405126480687, Kind.NUMBER));
        assertEquals("-2.5", CsvTable.format(-2.5, Kind.NUMBER));
        assertEquals("3", CsvTable.format(3.0, Kind.NUMBER));
        assertEquals("42", CsvTable.format(42, Kind.NUMBER));
        assertEquals("", CsvTable.format(null, Kind.NUMBER));
    }

    @Test
    void writesRfc4180WithAHeaderCrlfAndUtf8() throws IOException {
        CsvTable table = new CsvTable(List.of(new Column("name", Kind.TEXT), new Column("score", Kind.NUMBER)));
        Path file = dir.resolve("t.csv");
        table.write(file, List.<List<?>>of(
                Arrays.asList("Élan, \"démocrate\"", 0.5),
                Arrays.asList("=cmd", -1.0),
                Arrays.asList(null, 2)).iterator());
        // Commons CSV quotes an empty first field, so that the row is not read as a blank line.
        String expected = "name,score\r\n\"Élan, \"\"démocrate\"\"\",0.5\r\n'=cmd,-1\r\n\"\",2\r\n";
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    }
}
