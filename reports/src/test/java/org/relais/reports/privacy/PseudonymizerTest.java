package org.relais.reports.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final String KEY = "a-research-key-of-32-bytes-long!";

    @Test
    void thePseudonymIsTheTruncatedHmacSha256OfTheActorIdInHex() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String full = HexFormat.of().formatHex(mac.doFinal("twitter:99528101".getBytes(StandardCharsets.UTF_8)));

        String pseudonym = Pseudonymizer.withKey(KEY).pseudonym("twitter:99528101");

        assertEquals(full.substring(0, 32), pseudonym);
        assertEquals(Pseudonymizer.HEX_CHARS, pseudonym.length());
    }

    @Test
    void twoInstancesWithTheSameKeyGiveTheSamePseudonyms() {
        Pseudonymizer monday = Pseudonymizer.withKey(KEY);
        Pseudonymizer tuesday = Pseudonymizer.withKey(KEY.getBytes(StandardCharsets.UTF_8));
        assertEquals(monday.actorId("twitter:1"), tuesday.actorId("twitter:1"));
        assertEquals(monday.name("mastodon:7", "tabby"), tuesday.name("mastodon:7", "tabby"));
    }

    @Test
    void differentKeysGiveDifferentPseudonyms() {
        assertNotEquals(Pseudonymizer.withKey(KEY).pseudonym("twitter:1"),
                Pseudonymizer.withKey(KEY + "x").pseudonym("twitter:1"));
    }

    @Test
    void accountIdsKeepTheirPlatformAndNamesBecomeThePseudonym() {
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        String pseudonym = p.pseudonym("twitter:1");
        assertEquals("twitter:" + pseudonym, p.actorId("twitter:1"));
        assertEquals(pseudonym, p.name("twitter:1", "CourrierRep"), "the handle is replaced by the id's pseudonym");
    }

    @Test
    void blogsAndValuesThatAreNotAccountIdsAreLeftAsTheyAre() {
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        assertEquals("blog:chroniques.example", p.actorId("blog:chroniques.example"));
        assertEquals("chroniques.example", p.name("blog:chroniques.example", "chroniques.example"));
        assertEquals("repost", p.actorId("repost"));
        assertEquals("random_jump", p.name("random_jump", "random_jump"));
        assertEquals(null, p.actorId(null));
    }

    @Test
    void shortKeysAreRefusedWithoutShowingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pseudonymizer.withKey("short-key"));
        assertFalse(e.getMessage().contains("short-key"), e.getMessage());
    }

    @Test
    void toStringDoesNotShowTheKey() {
        String shown = Pseudonymizer.withKey(KEY).toString();
        assertFalse(shown.contains(KEY), shown);
        assertTrue(shown.contains("HMAC-SHA256"), shown);
    }
}
