package org.relais.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.reports.Manifest;

class HtmlReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-19T03:04:05Z"), ZoneOffset.UTC);

    /** Every element the page may contain; anything else would have come from the data. */
    private static final Set<String> OWN_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "header",
            "main", "footer", "nav", "ul", "li", "a", "h1", "h2", "h3", "p", "dl", "dt", "dd", "section", "div", "table",
            "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "rect", "line", "circle",
            "text");

    private static final Set<String> OWN_ATTRIBUTES = Set.of("lang", "charset", "http-equiv", "content", "name", "id",
            "class", "aria-label", "aria-labelledby", "href", "scope", "xmlns", "width", "height", "viewBox", "role", "x",
            "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "fill", "stroke", "text-anchor", "font-size", "transform");

    @TempDir
    Path root;

    private Path dir() {
        return root.resolve(ReportFixture.RUN_DATE);
    }

    private String render() throws IOException {
        Path file = HtmlReport.write(dir(), CLOCK);
        assertEquals(dir().resolve("report.html"), file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void thePageHasEverySectionAndTheRunsFacts() throws IOException {
        ReportFixture.write(dir());
        String html = render();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        for (String id : List.of("top-influencers", "distribution", "communities", "movers", "ingest", "parameters",
                "versions")) {
            assertTrue(html.contains("<section id=\"" + id + "\""), "section " + id);
            assertTrue(html.contains("<a href=\"#" + id + "\">"), "table of contents links " + id);
        }
        String header = between(html, "<header>", "</header>");
        assertTrue(header.contains("Relais report — run 2026-10-19"), header);
        assertTrue(header.contains("class=\"status status-succeeded\">Status: succeeded"), header);
        assertTrue(header.contains("<dt>Relais version</dt><dd>" + Manifest.relaisVersion() + "</dd>"), header);
        assertTrue(header.contains("<dt>Generated</dt><dd>2026-10-19 03:04:05 UTC</dd>"), header);
        assertTrue(header.contains("<dt>Actors ranked</dt><dd>60</dd>"), header);
        assertTrue(header.contains("converged after 50 iterations"), header);
    }

    @Test
    void thePageLoadsNothingAndRunsNothing() throws IOException {
        ReportFixture.write(dir());
        String html = render();
        String lower = html.toLowerCase(Locale.ROOT);
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
                + Page.CONTENT_SECURITY_POLICY + "\">"), "the page forbids itself scripts and network access");
        for (String forbidden : List.of("<script", "<img", "<link", "<iframe", "<object", "<embed", "url(", "@import")) {
            assertFalse(lower.contains(forbidden), "the page must not contain " + forbidden);
        }
        assertEquals(Set.of(), foreignAttributes(html), "no src, style or event handler attribute, from data or not");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), "links stay in the page: " + href.group(1));
        }
    }

    @Test
    void namesFromTheDataAreEscapedWhereverTheyAppear() throws IOException {
        ReportFixture.write(dir());
        String html = render();
        assertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "script name shown as text");
        assertTrue(html.contains("<td>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</td>"), "attribute breaker as text");
        assertTrue(html.contains("<td>&amp;amp; Co</td>"), "an entity-looking name shows as typed");
        assertTrue(html.contains("<td>O&#39;Brien</td>"));
        assertTrue(html.contains("<td>&#39;=HYPERLINK(&quot;http://evil.example&quot;)</td>"),
                "a name neutralised in the CSV is shown as the CSV holds it, leading quote included");
        assertEquals(Set.of(), foreignElements(html), "every element of the page is one Relais writes");
        Matcher handler = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html);
        assertFalse(handler.find(), () -> "an event handler attribute: " + handler.group());
    }

    @Test
    void topInfluencersAreTheFirstTwentyOfTheRanking() throws IOException {
        ReportFixture.write(dir());
        String top = section(render(), "top-influencers");
        String overall = between(top, "<tbody>", "</tbody>");
        assertEquals(20, count(overall, "<tr>"));
        assertTrue(overall.startsWith("\n<tr><td class=\"num\">1</td><td>CourrierRep</td><td>twitter</td>"
                + "<td class=\"num\">" + Format.score(ReportFixture.pagerank(1)) + "</td><td class=\"num\">99.0</td>"
                + "<td class=\"num\">1</td><td class=\"num\">301</td><td class=\"num\">300</td></tr>"), overall);
        assertTrue(overall.contains("<td>Actor20</td>"));
        assertFalse(overall.contains("Actor21"));
        assertTrue(top.contains("Leaders by platform"));
        assertTrue(top.contains("<td>blog</td><td class=\"num\">1</td><td class=\"num\">8</td>"
                + "<td>chroniques-republicaines.blogspot.com</td>"), "first blog of the platform lists");
    }

    @Test
    void chartsAreInlineSvgWithTitles() throws IOException {
        ReportFixture.write(dir());
        String distribution = section(render(), "distribution");
        assertEquals(3, count(distribution, "<svg "), "PageRank histogram, rank plot, Relais score histogram");
        assertTrue(distribution.contains("<title>Actors by PageRank (log scale)</title>"));
        assertTrue(distribution.contains("role=\"img\""));
        assertTrue(distribution.contains("The top 10 actors hold "));
    }

    @Test
    void communitiesNameTheirTopMembers() throws IOException {
        ReportFixture.write(dir());
        String communities = section(render(), "communities");
        assertTrue(communities.contains("<p>4 communities."), communities);
        assertEquals(4, count(between(communities, "<tbody>", "</tbody>"), "<tr>"));
        assertTrue(communities.contains("<td>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;, ArmandDelcourt, Inconnu</td>"),
                "the members' names, escaped: " + communities);
        assertTrue(communities.contains("<td>#Présidentielle2027, &lt;script&gt;alert(1)&lt;/script&gt;</td>"));
        assertTrue(communities.contains("1 · CourrierRep"), "bars are labelled with the first member");
        assertTrue(communities.contains("<td class=\"num\">41.0%</td>"), "PageRank share");
    }

    @Test
    void moversShowRisersFallersAndNewEntrants() throws IOException {
        ReportFixture.write(dir());
        String movers = section(render(), "movers");
        assertTrue(movers.contains("<dt>New entrants</dt><dd>2</dd>"), movers);
        assertTrue(movers.contains("<dt>Dropped out</dt><dd>1</dd>"), movers);
        String risers = between(movers, "Risers", "Fallers");
        assertEquals(10, count(risers, "<tr>") - 1, "ten risers under the header row");
        assertTrue(risers.contains("<tbody>\n<tr><td>&amp;amp; Co</td><td>twitter</td><td class=\"num\">4</td>"
                + "<td class=\"num\">9</td><td class=\"num\">+5</td><td class=\"num\">+0.032520</td>"),
                "the riser that gained the most PageRank first: " + risers);
        String fallers = between(movers, "Fallers", "New entrants</h3>");
        assertTrue(fallers.contains("<tbody>\n<tr><td>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</td><td>twitter</td>"
                + "<td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">−2</td>"),
                "the faller that lost the most PageRank first: " + fallers);
        assertFalse(fallers.contains("+"), "no riser among fallers");
        String entrants = movers.substring(movers.indexOf("New entrants</h3>"));
        assertTrue(entrants.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>twitter</td><td class=\"num\">2</td>"),
                entrants);
        assertFalse(movers.contains("Gone<b>"));
    }

    @Test
    void ingestHealthShowsFormatsTablesQuarantineAndRetention() throws IOException {
        ReportFixture.write(dir());
        String ingest = section(render(), "ingest");
        assertTrue(ingest.contains("<dt>Kafka records read</dt><dd>7,720</dd>"), ingest);
        assertTrue(ingest.contains("<td>blog-links-csv</td><td class=\"num\">1,303</td>"), ingest);
        assertTrue(ingest.contains("<td>follows</td><td class=\"num\">6,006</td><td class=\"num\">371</td>"
                + "<td class=\"num\">6,006</td>"), ingest);
        assertTrue(ingest.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">1</td>"),
                "quarantine reasons are escaped too");
        assertTrue(ingest.contains("<td>relais.posts/0</td><td class=\"num\">5</td>"), "lost to retention");
    }

    @Test
    void aManifestWithoutRecordsPerFormatSaysSo() throws IOException {
        ReportFixture.write(dir(), ReportFixture.Run.WITHOUT_RECORDS_PER_FORMAT);
        String ingest = section(render(), "ingest");
        assertTrue(between(ingest, "Records per format", "Rows per table").contains("Not recorded in this run"), ingest);
    }

    @Test
    void parametersStagesAndVersionsAreListed() throws IOException {
        ReportFixture.write(dir());
        String html = render();
        String parameters = section(html, "parameters");
        assertTrue(parameters.contains("<td>analyze</td><td>succeeded</td><td>2026-10-19T02:00:12.500Z</td>"
                + "<td>2026-10-19T02:00:42.750Z</td><td class=\"num\">30.3</td>"), parameters);
        assertTrue(parameters.contains("<td>ingest</td><td>succeeded</td><td>2026-10-19T02:00:00Z</td>"
                + "<td>2026-10-19T02:00:12.500Z</td><td class=\"num\">12.5</td>"), parameters);
        assertTrue(parameters.contains("<td>relais.pagerank.damping</td><td>0.85</td>"), parameters);
        assertTrue(parameters.contains("<td>relais.kafka.topics</td><td>relais.posts, relais.follows</td>"),
                parameters);
        assertTrue(parameters.contains("<td>relais.report.communities.exclude-domains</td>"
                + "<td>x.com, &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</td>"), "parameters are escaped: " + parameters);
        assertTrue(section(html, "versions").contains("<td>spark</td><td>3.5.7</td>"));
    }

    @Test
    void missingOptionalFilesLeaveTheirSectionSayingSo() throws IOException {
        ReportFixture.write(dir());
        for (String f : List.of("communities.csv", "changes.csv", "top_influencers.csv", "explanations.csv")) {
            Files.delete(dir().resolve(f));
        }
        String html = render();
        assertTrue(section(html, "communities").contains("communities.csv is not available for this run."));
        assertTrue(section(html, "movers").contains("changes.csv is not available for this run"));
        assertTrue(section(html, "top-influencers").contains("top_influencers.csv is not available for this run."));
        assertEquals(20, count(between(section(html, "top-influencers"), "<tbody>", "</tbody>"), "<tr>"));
    }

    @Test
    void withoutAManifestTheRankingIsStillShown() throws IOException {
        ReportFixture.write(dir());
        Files.delete(dir().resolve("manifest.json"));
        String html = render();
        assertTrue(html.contains("Relais report — run 2026-10-19"), "run date from the directory name");
        assertTrue(html.contains("Status: unknown"));
        assertTrue(section(html, "ingest").contains("manifest.json is not available for this run."));
        assertTrue(section(html, "versions").contains("manifest.json is not available for this run."));
        assertTrue(section(html, "top-influencers").contains("<td>CourrierRep</td>"));
    }

    @Test
    void aRankingWithEmptyOrMissingMeasuresStillRenders() throws IOException {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("rankings.csv"), """
                rank,actor_id,platform,name,pagerank,relais_score,in_degree,out_degree\r
                1,twitter:1,twitter,First,0.6,,3,1\r
                2,twitter:2,twitter,Second,0.4,,2,1\r
                """);
        String html = render();
        String top = section(html, "top-influencers");
        assertTrue(top.contains("<td>First</td><td>twitter</td><td class=\"num\">0.600000</td><td class=\"num\">–</td>"
                + "<td class=\"num\">–</td><td class=\"num\">3</td><td class=\"num\">–</td>"), top);
        assertTrue(section(html, "distribution").contains("Relais scores were not computed in this run."));
    }

    @Test
    void aFailedRunIsFlagged() throws IOException {
        ReportFixture.write(dir(), ReportFixture.Run.REPORT_FAILED);
        String header = between(render(), "<header>", "</header>");
        assertTrue(header.contains("class=\"status status-failed\">Status: failed"), header);
        assertTrue(header.contains("<dt>Stage report failed</dt><dd>disk &lt;full&gt;</dd>"), header);
    }

    @Test
    void writingAgainReplacesThePageAndLeavesNoTemporaryFile() throws IOException {
        ReportFixture.write(dir());
        Files.writeString(dir().resolve("report.html"), "old");
        render();
        assertTrue(Files.readString(dir().resolve("report.html")).startsWith("<!DOCTYPE html>"));
        try (Stream<Path> files = Files.list(dir())) {
            assertEquals(List.of("changes.csv", "communities.csv", "explanations.csv", "manifest.json", "rankings.csv",
                    "report.html", "top_influencers.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static Set<String> foreignAttributes(String html) {
        Set<String> found = new TreeSet<>();
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        Pattern attribute = Pattern.compile("\\s([^\\s=>]+)=\"[^\"]*\"");
        while (tag.find()) {
            Matcher a = attribute.matcher(tag.group());
            while (a.find()) {
                if (!OWN_ATTRIBUTES.contains(a.group(1))) {
                    found.add(a.group(1));
                }
            }
        }
        return found;
    }

    private static Set<String> foreignElements(String html) {
        Set<String> found = new TreeSet<>();
        Matcher tag = Pattern.compile("<(?!!DOCTYPE)/?([^\\s>/]*)").matcher(html);
        while (tag.find()) {
            if (!OWN_ELEMENTS.contains(tag.group(1))) {
                found.add(tag.group(1));
            }
        }
        return found;
    }

    static String section(String html, String id) {
        return between(html, "<section id=\"" + id + "\"", "</section>");
    }

    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertTrue(start >= 0, () -> "no " + from);
        int end = text.indexOf(to, start + from.length());
        assertTrue(end >= 0, () -> "no " + to + " after " + from);
        return text.substring(start + from.length(), end);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
