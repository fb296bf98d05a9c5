package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void registersTheFormatsInListingOrder() {
        assertEquals(List.of("relais-json", "twitter-v2", "twitter-v2-flat", "twitter-v2-users", "twitter-v1",
                "bluesky-jetstream",
                "mastodon", "blog-links-csv", "blog-posts-json", "follows-csv", "identities-csv", "compliance-csv"),
                Formats.all().stream().map(RecordFormat::name).toList());
    }

    @Test
    void findsEachFormatByName() throws BadInputException {
        for (RecordFormat format : Formats.all()) {
            assertSame(format, Formats.byName(format.name()));
            assertFalse(format.description().isBlank(), format.name() + " needs a description");
        }
    }

    @Test
    void anUnknownNameListsTheKnownFormats() {
        BadInputException e = assertThrows(BadInputException.class, () -> Formats.byName("twitter-v3"));
        assertEquals("""
                unknown format 'twitter-v3'; known formats:
                  relais-json        Relais's normalized JSON lines: one post, account, follow or blog_link per line
                  twitter-v2         Twitter API v2 response pages as written by twarc2, one page per line
                  twitter-v2-flat    Twitter API v2 tweets flattened by twarc2, one tweet per line
                  twitter-v2-users   Twitter API v2 user pages as written by twarc2 followers, following or users, one page per line
                  twitter-v1         Twitter API v1.1 tweets and stream messages, one per line (streaming API, twarc 1)
                  bluesky-jetstream  Bluesky Jetstream events, one per line: posts, reposts, follows, deletions, handles
                  mastodon           Mastodon API statuses: a JSON array (a timeline page) or one status per line
                  blog-links-csv     CSV of links between blog posts: source_url, target_url, published_at[, anchor_text]
                  blog-posts-json    JSON lines of crawled blog posts: url, published_at, outlinks (URLs or {url, anchor_text})
                  follows-csv        CSV of follow edges: follower_id, followee_id[, platform, observed_at, follower_handle, followee_handle]
                  identities-csv     CSV of blog authors' accounts: blog_url, platform, account_id[, handle]
                  compliance-csv     CSV of deleted posts and accounts: platform, post_id, account_id[, deleted_at]""",
                e.getMessage());
    }

    @Test
    void namesAreExact() {
        assertThrows(BadInputException.class, () -> Formats.byName("Twitter-V2"));
        BadInputException e = assertThrows(BadInputException.class, () -> Formats.byName(null));
        assertEquals("no format given; known formats:", e.getMessage().lines().findFirst().orElseThrow());
    }
}
