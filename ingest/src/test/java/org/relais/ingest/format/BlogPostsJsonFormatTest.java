package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.BlogLink;
import org.relais.ingest.model.ParsedRecord;

class BlogPostsJsonFormatTest {

    private final BlogPostsJsonFormat format = new BlogPostsJsonFormat();

    private static final String POST = """
            {"url":" https://chroniques-republicaines.blogspot.com/2026/10/le-budget.html ","published_at":"2026-10-02T08:00:00+02:00",
             "title":"Le budget, encore","crawled_at":"2026-10-03T00:00:00Z",
             "outlinks":["https://www.courrier-republicain.example/politique/budget",
               {"url":"http://lavigiecitoyenne.wordpress.com/2026/09/30/chiffres/","anchor_text":"les chiffres de la Vigie"},
               "https://chroniques-republicaines.blogspot.fr/2026/09/avant.html",
               "/search/label/budget", "mailto:auteur@example.org", "",
               {"url":"https://www.courrier-republicain.example/politique/budget","anchor_text":"again"}]}
            """;

    private static final ParseContext LATER = ParseContext.at(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"));

    @Test
    void eachOutlinkToAnotherBlogIsALink() throws BadRecordException {
        ParsedRecord record = format.parse(bytes(POST), LATER);
        String post = "https://chroniques-republicaines.blogspot.com/2026/10/le-budget.html";
        Instant published = Instant.parse("2026-10-02T06:00:00Z");
        assertEquals(List.of(
                new BlogLink("chroniques-republicaines.blogspot.com", post, "https://www.courrier-republicain.example/politique/budget",
                        "courrier-republicain.example", published, null, "blog-posts-json"),
                new BlogLink("chroniques-republicaines.blogspot.com", post, "http://lavigiecitoyenne.wordpress.com/2026/09/30/chiffres/",
                        "lavigiecitoyenne.wordpress.com", published, "les chiffres de la Vigie", "blog-posts-json")),
                record.blogLinks(), "the blog's own post (on blogspot.fr), the relative and mailto links, the empty one and"
                        + " the repeated URL are skipped");
    }

    @Test
    void aPostWithoutLinksOutIsAnEmptyRecordAndPublishedAtMayBeOld() throws BadRecordException {
        assertTrue(parse(format, "{\"url\":\"http://atrios.blogspot.com/2004_11_01.html\",\"published_at\":\"2004-11-01\",\"outlinks\":[]}")
                .isEmpty());
        BlogLink link = parse(format, "{\"url\":\"http://atrios.blogspot.com/a.html\",\"published_at\":\"2004-11-01\","
                + "\"outlinks\":[\"http://www.dailykos.com/\"]}").blogLinks().get(0);
        assertEquals(Instant.parse("2004-11-01T00:00:00Z"), link.publishedAt(), "the 2004 blogosphere predates 2006");
        assertNull(parse(format, "{\"url\":\"http://a.example/1\",\"outlinks\":[\"http://b.example/\"]}").blogLinks().get(0).publishedAt());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"url":"http://a.example/1","outlinks":[                           | MALFORMED_JSON         | post is not valid JSON
            ["http://a.example/1"]                                             | WRONG_TYPE             | post must be a JSON object, but was array
            {"outlinks":[]}                                                    | MISSING_FIELD          | url is missing
            {"url":"a.example/1","outlinks":[]}                                | WRONG_TYPE             | url was 'a.example/1', but must be an http(s) URL with a host
            {"url":"http://a.example/1"}                                       | MISSING_FIELD          | outlinks is missing
            {"url":"http://a.example/1","outlinks":null}                       | MISSING_FIELD          | outlinks is null
            {"url":"http://a.example/1","outlinks":"http://b.example/"}        | WRONG_TYPE             | outlinks must be an array, but was string
            {"url":"http://a.example/1","outlinks":[3]}                        | WRONG_TYPE             | outlinks[0] must be a string or an object, but was number
            {"url":"http://a.example/1","outlinks":[{"anchor_text":"x"}]}      | MISSING_FIELD          | outlinks[0].url is missing
            {"url":"http://a.example/1","outlinks":[{"url":"http://b.example/","anchor_text":5}]} | WRONG_TYPE | outlinks[0].anchor_text must be a string, but was number
            {"url":"http://a.example/1","published_at":"hier","outlinks":[]}   | WRONG_TYPE             | published_at was 'hier'
            {"url":"http://a.example/1","published_at":"2031-01-01","outlinks":[]} | TIMESTAMP_OUT_OF_RANGE | published_at was 2031-01-01T00:00:00Z, but must be in [0001-01-01T00:00:00Z,
            {"url":"http://a.example/1","published_at":"-300000-01-01T00:00:00Z","outlinks":[]} | TIMESTAMP_OUT_OF_RANGE | published_at was -300000-01-01T00:00:00Z, but must be in
            """)
    void rejectsBadPosts(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertInvalidUtf8Rejected(format, "{\"url\":\"http://a.example/1\",\"title\":\"", "\",\"outlinks\":[]}",
                "post is not valid UTF-8");
    }

    @Test
    void splitKeysEachPostByItsUrl() throws Exception {
        byte[] file = bytes(POST.strip().replace("\n", " ") + "\r\n\n{\"outlinks\":[]}\n{\"url\":\"http://a.example/1\",\"outlinks\":[]}");
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(3, records.size());
            assertEquals(" https://chroniques-republicaines.blogspot.com/2026/10/le-budget.html ", keyOf(records.get(0)),
                    "the url as written: keys are not parsed");
            assertNull(records.get(1).key());
            assertEquals("http://a.example/1", keyOf(records.get(2)));
            assertEquals(4, records.get(2).line());
        }
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedPosts() {
        FormatTestSupport.assertOnlyBadRecordExceptions(format, List.of(bytes(POST)), CONTEXT, 20261002L);
    }
}
