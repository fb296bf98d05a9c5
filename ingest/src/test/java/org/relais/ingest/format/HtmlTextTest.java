package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTextTest {

    private static String text(String html) {
        return HtmlText.parse(html).text();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p>One</p><p>Two</p>                                          | `One\\n\\nTwo`
            <p>line<br>break<br/>twice<br />end</p>                        | `line\\nbreak\\ntwice\\nend`
            <p>  spaces \t and\\nnewlines   collapse </p>                  | `spaces and newlines collapse`
            <p>a <span>b</span> <em>c</em></p>                             | `a b c`
            Tom &amp; Jerry &lt;3 &quot;x&quot; &apos;y&#39; &#x1F600; &#128512; | `Tom & Jerry <3 "x" 'y' 😀 😀`
            &unknown; &amp &#xD800; &#0; &#99999999; &;                    | `&unknown; &amp \uFFFD \uFFFD &#99999999; &;`
            a&nbsp;b                                                       | `a\u00A0b`
            &copy; &eacute;t&eacute; &hellip; &euro; &Oslash; &thetasym;    | `© été … € Ø ϑ`
            &lang;x&rang;                                                  | `⟨x⟩`
            <p>x</p><!-- a comment <p>y</p> --><p>z</p>                    | `x\\n\\nz`
            <script>alert(1)</script>safe<STYLE>p{}</STYLE>                 | `safe`
            1 < 2 and 3<4                                                  | `1 < 2 and 3<4`
            <p>unclosed <a href="x                                         | `unclosed`
            <blockquote>quoted</blockquote>after<ul><li>one</li><li>two</li></ul> | `quoted\\n\\nafter\\none\\ntwo`
            text<p>para</p>tail                                            | `text\\n\\npara\\n\\ntail`
            <br><p></p><p>start</p>                                        | `start`
            """)
    void rendersTextAsAReaderSeesIt(String html, String expected) {
        assertEquals(expected.replace("\\n", "\n"), text(html.replace("\\n", "\n").replace("\\t", "\t")));
    }

    @Test
    void mastodonLinksGiveBackTheWholeUrlInTheText() {
        HtmlText.Parsed parsed = HtmlText.parse("<p>Read <a href=\"https://www.bbc.com/news/articles/cq6m10g7e35o\" "
                + "rel=\"nofollow noopener\" translate=\"no\" target=\"_blank\"><span class=\"invisible\">https://www.</span>"
                + "<span class=\"ellipsis\">bbc.com/news/articles/cq6m10g7</span><span class=\"invisible\">e35o</span></a></p>");
        assertEquals("Read https://www.bbc.com/news/articles/cq6m10g7e35o", parsed.text());
        assertEquals(List.of(new HtmlText.Link("https://www.bbc.com/news/articles/cq6m10g7e35o", "nofollow noopener", null)),
                parsed.links());
    }

    @Test
    void linkAttributesAreDecodedInAnyQuotingAndCase() {
        assertEquals(List.of(
                new HtmlText.Link("https://a.example/?x=1&y=2", "tag", "mention hashtag"),
                new HtmlText.Link("https://b.example/", null, "u-url mention"),
                new HtmlText.Link("https://c.example/>", null, null),
                new HtmlText.Link(null, null, null)),
                HtmlText.parse("<a class=\"mention hashtag\" HREF=\"https://a.example/?x=1&amp;y=2\" rel=tag>#x</a>"
                        + "<A href='https://b.example/' class='u-url mention' href='https://ignored.example/'>@b</A>"
                        + "<a href=\"https://c.example/>\">c</a><a>none</a>").links());
    }

    @Test
    void nullIsNoText() {
        assertEquals(new HtmlText.Parsed("", List.of()), HtmlText.parse(null));
    }

    @Test
    void neverThrowsAndStaysLinearOnGarbage() {
        Random random = new Random(42);
        String alphabet = "<>/!-\"'=&#;xa pbr\n";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 2_000; i++) {
                StringBuilder html = new StringBuilder();
                for (int j = random.nextInt(200); j > 0; j--) {
                    html.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                HtmlText.parse(html.toString());
            }
            HtmlText.parse("<script>".repeat(20_000));
            HtmlText.parse("&".repeat(200_000));
            HtmlText.parse("<a href=\"".repeat(20_000));
            // Many short pieces of text between tags, without a reference to decode.
            HtmlText.parse("<b>x</b>".repeat(200_000));
        });
    }
}
