package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Identity;
import org.relais.ingest.model.ParsedRecord;

/** The model records the new formats produce: what their constructors accept. */
class DeletionAndIdentityTest {

    @Test
    void eachKindOfDeletionNeedsItsIds() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        assertEquals(new Deletion("twitter", "1", null, Deletion.Kind.POST, at, "s"), Deletion.post("twitter", "1", null, at, "s"));
        assertEquals(new Deletion("twitter", null, "2", Deletion.Kind.ACCOUNT, null, "s"), Deletion.account("twitter", "2", null, "s"));
        assertEquals(new Deletion("bluesky", "at://d/app.bsky.graph.follow/3k", "d", Deletion.Kind.FOLLOW, null, "s"),
                Deletion.follow("bluesky", "d", "at://d/app.bsky.graph.follow/3k", null, "s"));
        assertEquals("follow", Deletion.Kind.FOLLOW.code());

        assertEquals("post deletion needs postId, but had postId=null, accountId=2",
                assertThrows(IllegalArgumentException.class, () -> Deletion.post("twitter", null, "2", null, "s")).getMessage());
        assertEquals("account deletion needs accountId and no postId, but had postId=1, accountId=2",
                assertThrows(IllegalArgumentException.class,
                        () -> new Deletion("twitter", "1", "2", Deletion.Kind.ACCOUNT, null, "s")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Deletion.account("twitter", null, null, "s"));
        assertThrows(IllegalArgumentException.class, () -> Deletion.follow("bluesky", null, "at://x", null, "s"));
        assertThrows(IllegalArgumentException.class, () -> Deletion.follow("bluesky", "d", null, null, "s"));
        assertThrows(NullPointerException.class, () -> new Deletion(null, "1", null, Deletion.Kind.POST, null, "s"));
        assertThrows(NullPointerException.class, () -> new Deletion("twitter", "1", null, null, null, "s"));
        assertThrows(NullPointerException.class, () -> Deletion.post("twitter", "1", null, null, null));
    }

    @Test
    void anIdentityNeedsBlogPlatformAccountAndSource() {
        assertEquals("a.example", new Identity("a.example", "twitter", "1", null, Identity.IDENTITIES_CSV).blogId());
        assertThrows(NullPointerException.class, () -> new Identity(null, "twitter", "1", null, "s"));
        assertThrows(NullPointerException.class, () -> new Identity("a.example", "twitter", null, null, "s"));
        assertThrows(NullPointerException.class, () -> new Identity("a.example", "twitter", "1", null, null));
    }

    @Test
    void deletionsAndIdentitiesMakeARecordNonEmpty() {
        assertEquals(true, new ParsedRecord().isEmpty());
        assertEquals(false, new ParsedRecord().add(Deletion.account("twitter", "1", null, "s")).isEmpty());
        assertEquals(false, new ParsedRecord().add(new Identity("a.example", "twitter", "1", null, "s")).isEmpty());
    }
}
