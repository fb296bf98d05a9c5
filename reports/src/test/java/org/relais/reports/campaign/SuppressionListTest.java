package org.relais.reports.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.format.BlogIds;
import org.relais.reports.campaign.SuppressionList.Actor;

class SuppressionListTest {

    @TempDir
    Path dir;

    private static final Actor COURRIER = new Actor("twitter:1", "twitter", "1", "CourrierRep",
            List.of("https://x.com/CourrierRep", "https://courrier.example/"));
    private static final Actor BLOG = new Actor("blog:chroniques.blogspot.com", "blog", "chroniques.blogspot.com", null,
            List.of("https://chroniques.blogspot.com"));
    private static final Actor TOOT = new Actor("mastodon:7", "mastodon", "7", "tabby@social.example",
            List.of("https://social.example/@tabby"));

    private static SuppressionList of(String... entries) {
        return SuppressionList.of(List.of(entries), BlogIds.DEFAULT);
    }

    @Test
    void anActorIdMatchesWhateverItsCase() {
        assertTrue(of("TWITTER:1").suppresses(COURRIER));
        assertFalse(of("twitter:12").suppresses(COURRIER));
    }

    @Test
    void aHandleMatchesWithOrWithoutAtOnAnyPlatformOrQualifiedByItsPlatform() {
        assertTrue(of("@courrierrep").suppresses(COURRIER));
        assertTrue(of("CourrierRep").suppresses(COURRIER));
        assertTrue(of("twitter:@CourrierRep").suppresses(COURRIER));
        assertFalse(of("bluesky:CourrierRep").suppresses(COURRIER));
        assertTrue(of("@tabby@social.example").suppresses(TOOT));
        Actor odd = new Actor("twitter:5", "twitter", "5", "=HYPERLINK(\"http://x\")", List.of());
        assertTrue(of("@=HYPERLINK(\"http://x\")").suppresses(odd), "a handle, though it holds ://");
    }

    @Test
    void aUrlMatchesTheProfilePageOrTheAccountsOwnSiteWhateverItsSchemeWwwOrTrailingSlash() {
        assertTrue(of("http://www.x.com/courrierrep/").suppresses(COURRIER));
        assertTrue(of("https://courrier.example").suppresses(COURRIER));
        assertTrue(of("www.courrier.example/?utm=1").suppresses(COURRIER));
        assertFalse(of("https://x.com/courrierrep2").suppresses(COURRIER));
    }

    @Test
    void aUrlCopiedWithoutItsSchemeIsStillAUrl() {
        // CampaignTargets gives a Twitter account both its x.com and its twitter.com profile URLs.
        Actor courrier = new Actor("twitter:1", "twitter", "1", "CourrierRep",
                List.of("https://twitter.com/CourrierRep", "https://x.com/CourrierRep"));
        assertTrue(of("x.com/CourrierRep").suppresses(courrier));
        assertTrue(of("twitter.com/CourrierRep").suppresses(courrier));
        assertTrue(of("mobile.twitter.com/CourrierRep").suppresses(courrier));
        assertTrue(of("social.example/@tabby").suppresses(TOOT));
        assertTrue(of("chroniques.blogspot.com/2026/10/un-billet.html").suppresses(BLOG));
        assertFalse(of("x.com/courrierrep2").suppresses(COURRIER));
        assertTrue(of("blog:chroniques.blogspot.com").suppresses(BLOG), "an actor id is not taken for a URL");
    }

    @Test
    void aBlogIsMatchedByItsIdByAnyOfItsUrlsOrByItsAddress() {
        assertTrue(of("blog:chroniques.blogspot.com").suppresses(BLOG));
        assertTrue(of("https://chroniques.blogspot.fr/2026/10/un-billet.html").suppresses(BLOG),
                "a post's URL names its blog (blogspot country domains are one blog)");
        assertTrue(of("chroniques.blogspot.com").suppresses(BLOG));
        assertFalse(of("https://autre.blogspot.com/").suppresses(BLOG));
    }

    @Test
    void theFileTakesTheFirstColumnAndSkipsTheHeaderCommentsAndEmptyRows() throws IOException {
        Path file = dir.resolve("suppression.csv");
        Files.writeString(file, "\uFEFFhandle,reason\r\n# opt-outs\r\n\r\n@CourrierRep,asked on 2026-10-02\r\n"
                + "\"https://social.example/@tabby\",private person\r\n", StandardCharsets.UTF_8);

        SuppressionList list = SuppressionList.load(file, BlogIds.DEFAULT);

        assertEquals(2, list.size());
        assertTrue(list.suppresses(COURRIER));
        assertTrue(list.suppresses(TOOT));
        assertFalse(list.suppresses(BLOG));
    }
}
