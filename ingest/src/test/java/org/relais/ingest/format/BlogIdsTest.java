package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlogIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # host rules
            http://www.dailykos.com/story/2004/11/3/1234/5678                | dailykos.com
            HTTPS://Atrios.BlogSpot.com/2004_11_01_atrios_archive.html#1100  | atrios.blogspot.com
            http://atrios.blogspot.co.uk/                                    | atrios.blogspot.com
            https://someone.blogspot.com.br/2012/05/post.html                | someone.blogspot.com
            https://news.blogspot.example.org/story                          | news.blogspot.example.org
            https://news.blogspot.comments.example/                          | news.blogspot.comments.example
            https://m.example.com:8080/a/b?c=d#e                             | example.com
            https://user:secret@www.example.com/                             | example.com
            http://example.com.                                              | example.com
            http://example.com?x=1                                           | example.com
            http://www.com/                                                  | www.com
            https://news.example.com/                                        | news.example.com
            https://www.m.example.com/                                       | m.example.com
            http://[2001:db8::1]:80/blog                                     | [2001:db8::1]
            ' http://example.com/ '                                          | example.com
            # every subdomain of a hosting platform is a blog of its own
            https://tomgpalmer.wordpress.com/2007/01/01/x/                   | tomgpalmer.wordpress.com
            https://heathermcgowan.substack.com/p/some-post                  | heathermcgowan.substack.com
            http://lepost.over-blog.com/article-123.html                     | lepost.over-blog.com
            http://xyz.hautetfort.com/archive/2008/01/01/x.html              | xyz.hautetfort.com
            http://staff.tumblr.com/post/123                                 | staff.tumblr.com
            # default path patterns, with polblogs ids
            http://yglesias.typepad.com/matthew/2004/11/index.html           | yglesias.typepad.com/matthew
            http://markschmitt.typepad.com/decembrist/                       | markschmitt.typepad.com/decembrist
            http://markschmitt.typepad.com/                                  | markschmitt.typepad.com
            http://lendmesomesugar.blogs.com/shut_up_already/2004/10/x.html  | lendmesomesugar.blogs.com/shut_up_already
            http://www.livejournal.com/users/Hoptkov/12345.html              | livejournal.com/users/hoptkov
            http://www.livejournal.com/users/                                | livejournal.com
            http://blogs.salon.com/0002874/2004/11/02.html                   | blogs.salon.com/0002874
            http://journals.aol.com/breuvers/madashellnotgoingtotakeitanymore/entries/123 | journals.aol.com/breuvers/madashellnotgoingtotakeitanymore
            https://medium.com/the-atlantic/some-story-1a2b3c                | medium.com/the-atlantic
            https://medium.com/@Jack/a-post-9f8e                             | medium.com/@jack
            # home directories and @-accounts on any host
            http://www.livejournal.com/~dailyapple/                          | livejournal.com/~dailyapple
            http://home.earthlink.net/%7Ecdowner/blog.html                   | home.earthlink.net/~cdowner
            https://www.youtube.com/@SomeChannel/videos                      | youtube.com/@somechannel
            https://mastodon.social/%40Gargron/1234                          | mastodon.social/@gargron
            https://example.com/~                                            | example.com
            https://example.com//~user                                       | example.com/~user
            https://example.com/a/~user                                      | example.com
            """)
    void derivesIds(String url, String expected) {
        assertEquals(expected, BlogIds.DEFAULT.fromUrl(url));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   ", "example.com", "www.example.com/blog", "//example.com/x", "ftp://example.com/x",
        "mailto:someone@example.com", "javascript:void(0)", "http://", "http:///path", "https://:80/",
        "http://exa mple.com/", "http://example..com/", "http://.example.com/", "http://example.com:80x/",
        "http:\\\\example.com", "http://[::1/", "file:///etc/hosts", "https://evil.example/@pwn\u001b[31mred",
        "https://evil.example/@a\nb", "https://evil.example/x\u202e"})
    void hasNoIdForWhatIsNotAnHttpUrlWithAHost(String url) {
        assertNull(BlogIds.DEFAULT.fromUrl(url));
        assertNull(BlogIds.host(url));
    }

    @Test
    void spacesAroundAUrlAreNotPartOfIt() {
        assertEquals("target.example", BlogIds.DEFAULT.fromUrl("https://target.example/2026/10/other.html\n"));
        assertEquals("target2.example", BlogIds.DEFAULT.fromUrl("\thttps://target2.example/x.html"));
    }

    @Test
    void nullHasNoId() {
        assertNull(BlogIds.DEFAULT.fromUrl(null));
    }

    @Test
    void customPatternsTakeSiteSpecificPrefixes() {
        List<String> patterns = new ArrayList<>(BlogIds.DEFAULT_PATH_PATTERNS);
        patterns.add("littlegreenfootballs.com/weblog");
        patterns.add("boston.com/news/blogs/*");
        BlogIds ids = BlogIds.withPathPatterns(patterns);
        assertEquals("littlegreenfootballs.com/weblog", ids.fromUrl("http://littlegreenfootballs.com/weblog/?entry=13603"));
        assertEquals("littlegreenfootballs.com", ids.fromUrl("http://littlegreenfootballs.com/about"));
        assertEquals("boston.com/news/blogs/dnc", ids.fromUrl("http://www.boston.com/news/blogs/dnc/2004/07/x.html"));
        assertEquals("boston.com", ids.fromUrl("http://www.boston.com/news/world/"));
        assertEquals("yglesias.typepad.com/matthew", ids.fromUrl("http://yglesias.typepad.com/matthew/"),
                "the defaults still apply");
        assertEquals("littlegreenfootballs.com", BlogIds.DEFAULT.fromUrl("http://littlegreenfootballs.com/weblog/?entry=1"),
                "without the pattern the host is the blog");
    }

    @Test
    void patternsMatchSubdomainsOnlyAtADot() {
        BlogIds ids = BlogIds.withPathPatterns(List.of("blogs.com/*"));
        assertEquals("x.blogs.com/b", ids.fromUrl("http://x.blogs.com/b/1"));
        assertEquals("myblogs.com", ids.fromUrl("http://myblogs.com/b/1"));
    }

    @Test
    void firstMatchingPatternWins() {
        BlogIds ids = BlogIds.withPathPatterns(List.of("example.com/a/*", "example.com/*"));
        assertEquals("example.com/a/b", ids.fromUrl("https://example.com/a/b/c"));
        assertEquals("example.com/a", ids.fromUrl("https://example.com/a"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"typepad.com", "typepad.com/", "/x", "localhost/x", "*.typepad.com/*", "example.com/a*",
        "example.com//x", "example.com/?q"})
    void rejectsMalformedPatterns(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlogIds.withPathPatterns(List.of(pattern)));
        assertEquals("path pattern was '" + pattern
                + "', but must be host/segment[/segment...], where the host has a dot and a segment is a name or *",
                e.getMessage());
    }

    @Test
    void sameBlogComparesIds() {
        assertTrue(BlogIds.DEFAULT.sameBlog("http://atrios.blogspot.com/2004/11/a.html", "https://www.Atrios.blogspot.fr/"));
        assertFalse(BlogIds.DEFAULT.sameBlog("http://a.typepad.com/one/x", "http://a.typepad.com/two/y"));
        assertFalse(BlogIds.DEFAULT.sameBlog("mailto:a@b.c", "mailto:a@b.c"), "no id, so not the same blog");
    }

    @Test
    void hostIgnoresPathRules() {
        assertEquals("yglesias.typepad.com", BlogIds.host("http://www.yglesias.typepad.com/matthew/"));
    }

    /**
     * The polblogs node labels are the front-page URLs of 1490 blogs of 2004 without their
     * {@code http://}. Read back as URLs, each of the 1251 labels that is a bare host (with or
     * without a trailing slash) must give the label itself, except the one with a port. Of the 239
     * labels with a path, 45 give the label itself, through the default patterns and the ~ rule;
     * the others name a page or a folder of a site that the rules rightly see as one site
     * ({@code amliberal.com/blog} gives {@code amliberal.com}). Counted with this test's code; adding
     * a default pattern changes the second figure.
     */
    @Test
    void reproducesThePolblogsIdsOfFrontPages() throws IOException {
        String gml = Files.readString(SharedData.file("datasets/polblogs/polblogs.gml"), StandardCharsets.UTF_8);
        Matcher label = Pattern.compile("label \"([^\"]*)\"").matcher(gml);
        int labels = 0;
        int bareHosts = 0;
        int bareHostsReproduced = 0;
        int withPathReproduced = 0;
        List<String> bareHostMismatches = new ArrayList<>();
        while (label.find()) {
            labels++;
            String id = label.group(1).strip().replaceAll("/+$", "");
            String derived = BlogIds.DEFAULT.fromUrl("http://" + id);
            boolean same = id.toLowerCase(Locale.ROOT).equals(derived);
            if (id.contains("/")) {
                withPathReproduced += same ? 1 : 0;
            } else {
                bareHosts++;
                if (same) {
                    bareHostsReproduced++;
                } else {
                    bareHostMismatches.add(id + " -> " + derived);
                }
            }
        }
        assertEquals(1490, labels);
        assertEquals(1251, bareHosts);
        assertEquals(List.of("vernsblog.thegillfamily.us:8180 -> vernsblog.thegillfamily.us"), bareHostMismatches);
        assertEquals(1250, bareHostsReproduced);
        assertEquals(45, withPathReproduced);
    }
}
