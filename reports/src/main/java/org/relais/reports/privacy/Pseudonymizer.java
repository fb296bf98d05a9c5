package org.relais.reports.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.relais.ingest.model.Platforms;

/**
 * Replaces account identifiers by keyed pseudonyms in the files researchers receive. The pseudonym
 * of an account is {@code HMAC-SHA256(key, "platform:id")}, truncated to its first
 * {@value #BYTES} bytes and written as {@value #HEX_CHARS} lower-case hex characters: the same key
 * gives the same pseudonym every night, so researchers can follow an account over time without
 * learning who it is; without the key, nobody can go back from the pseudonym to the account.
 *
 * <p>Blogs ({@code blog:<id>}) are public web sites and are left as they are, and so is any value
 * that is not an account's actor id (edge type codes, {@code random_jump}).
 *
 * <p>The key never leaves this object: {@link #toString()} does not show it, and nothing here
 * logs it.
 */
public final class Pseudonymizer {

    /** Bytes of the HMAC kept: 128 bits, far beyond any chance of two accounts colliding. */
    public static final int BYTES = 16;
    public static final int HEX_CHARS = 2 * BYTES;
    /** Shorter keys are refused: HMAC-SHA256 keys should carry at least 128 bits. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    private Pseudonymizer(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            // The message names neither the key nor its length.
            throw new IllegalArgumentException("the pseudonymisation key is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * A pseudonymizer with {@code key} (its UTF-8 bytes).
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static Pseudonymizer withKey(String key) {
        return new Pseudonymizer(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A pseudonymizer with {@code key}; the array is zeroed once the key is taken. */
    public static Pseudonymizer withKey(byte[] key) {
        return new Pseudonymizer(key.clone());
    }

    /** Whether {@code actorId} is an account ({@code platform:id} of a platform other than blogs). */
    public static boolean isAccount(String actorId) {
        if (actorId == null) {
            return false;
        }
        int colon = actorId.indexOf(':');
        return colon > 0 && !actorId.substring(0, colon).equals(Platforms.BLOG);
    }

    /** The pseudonym of an account: {@value #HEX_CHARS} hex characters. */
    public synchronized String pseudonym(String actorId) {
        byte[] digest = mac.doFinal(actorId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, BYTES);
    }

    /**
     * An actor id as researchers see it: {@code twitter:<pseudonym>} for an account, unchanged for
     * a blog or for any value that is not an account's id.
     */
    public String actorId(String actorId) {
        if (!isAccount(actorId)) {
            return actorId;
        }
        return actorId.substring(0, actorId.indexOf(':')) + ":" + pseudonym(actorId);
    }

    /**
     * The name of actor {@code actorId} as researchers see it: the account's pseudonym instead of
     * its handle; a blog's name (and any name of something that is not an account) unchanged.
     */
    public String name(String actorId, String name) {
        return isAccount(actorId) ? pseudonym(actorId) : name;
    }

    /** {@link #actorId(String)} of each id, in order. */
    public List<String> actorIds(List<String> actorIds) {
        return actorIds.stream().map(this::actorId).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA256, " + HEX_CHARS + " hex characters, key not shown]";
    }
}
