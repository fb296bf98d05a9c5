package org.relais.reports.campaign;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.relais.ingest.format.BlogIds;
import org.relais.ingest.model.Platforms;

/**
 * People and sites that must never appear in a campaign file: opt-outs, private individuals,
 * anyone a campaign was asked to leave alone. Each entry is an actor id ({@code twitter:123},
 * {@code blog:example.org}), a handle ({@code @name}, {@code name}, {@code user@instance}, or
 * {@code platform:handle}), or a URL of a profile or a site ({@code https://x.com/name},
 * {@code https://example.org/}).
 *
 * <p>Matching leans towards leaving people out: case is ignored everywhere; a bare handle matches
 * that handle on every platform (and a blog with that id); a URL matches the profile page, the
 * account's own web site, or any page of a blog.
 *
 * <p>The file is CSV (UTF-8): the first column of each row is the entry, other columns are free
 * (a reason, a date). Empty rows and rows starting with {@code #} are skipped, and so is a first
 * row whose first cell is one of the header names {@link #HEADER_NAMES}.
 */
public final class SuppressionList {

    /** First cells that mark a header row. */
    public static final Set<String> HEADER_NAMES = Set.of("actor_id", "id", "handle", "url", "profile_url", "entry");

    private final Set<String> actorIds = new HashSet<>();
    private final Set<String> handles = new HashSet<>();
    private final Set<String> urls = new HashSet<>();
    private final Set<String> blogIds = new HashSet<>();
    private final int size;

    private SuppressionList(List<String> entries, BlogIds blogIdRules) {
        int n = 0;
        for (String raw : entries) {
            String e = raw == null ? "" : raw.strip();
            if (e.isEmpty()) {
                continue;
            }
            n++;
            String lower = e.toLowerCase(Locale.ROOT);
            boolean scheme = lower.startsWith("http://") || lower.startsWith("https://");
            if (scheme || lower.startsWith("www.") || looksLikeUrlWithoutScheme(lower)) {
                String url = scheme ? e : "https://" + e;
                urls.add(normalizeUrl(url));
                String blog = blogIdRules.fromUrl(url);
                if (blog != null) {
                    blogIds.add(blog.toLowerCase(Locale.ROOT));
                }
                continue;
            }
            int colon = lower.indexOf(':');
            if (colon > 0 && Platforms.ALL.contains(lower.substring(0, colon))) {
                // Either an actor id or platform:handle; both are kept, the other is harmless.
                actorIds.add(lower);
                String rest = strip(lower.substring(colon + 1));
                actorIds.add(lower.substring(0, colon + 1) + rest);
                continue;
            }
            String handle = strip(lower);
            handles.add(handle);
            blogIds.add(handle);
        }
        size = n;
    }

    /**
     * {@code x.com/name}, {@code mobile.twitter.com/name}, {@code blog.example/2026/10/post}: a host
     * (a name with a dot, no colon, no {@code @}) and a path, as people copy URLs without their
     * scheme. An actor id with a path ({@code blog:site.example/name}) has a colon, a Mastodon
     * handle an {@code @} and no slash.
     */
    private static boolean looksLikeUrlWithoutScheme(String entry) {
        int slash = entry.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String host = entry.substring(0, slash);
        return host.contains(".") && !host.contains(":") && !host.contains("@");
    }

    public static SuppressionList empty() {
        return new SuppressionList(List.of(), BlogIds.DEFAULT);
    }

    public static SuppressionList of(List<String> entries, BlogIds blogIdRules) {
        return new SuppressionList(entries, blogIdRules);
    }

    /**
     * Reads the list from {@code file}.
     *
     * @throws IOException when the file cannot be read or is not CSV
     */
    public static SuppressionList load(Path file, BlogIds blogIdRules) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                        .parse(in)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                String cell = record.size() == 0 ? "" : record.get(0);
                if (first && !cell.isEmpty() && cell.charAt(0) == '\uFEFF') {
                    cell = cell.substring(1).strip();
                }
                boolean header = first && HEADER_NAMES.contains(cell.toLowerCase(Locale.ROOT));
                first = false;
                if (header || cell.startsWith("#")) {
                    continue;
                }
                entries.add(cell);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new SuppressionList(entries, blogIdRules);
    }

    /** Entries read (not counting empty rows, comments and the header). */
    public int size() {
        return size;
    }

    /**
     * Whether {@code actor} is on the list.
     *
     * @param actor what is known of the actor
     */
    public boolean suppresses(Actor actor) {
        String id = lower(actor.actorId());
        if (id != null && actorIds.contains(id)) {
            return true;
        }
        String handle = strip(lower(actor.handle()));
        if (handle != null && !handle.isEmpty()) {
            if (handles.contains(handle) || actorIds.contains(lower(actor.platform()) + ":" + handle)) {
                return true;
            }
        }
        if (Platforms.BLOG.equals(actor.platform()) && actor.nativeId() != null
                && blogIds.contains(actor.nativeId().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String url : actor.urls()) {
            if (url != null && urls.contains(normalizeUrl(url))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a suppression entry can match.
     *
     * @param actorId {@code platform:id}
     * @param nativeId the id without the platform (a blog's id for a blog)
     * @param handle the account's handle, or null
     * @param urls its profile page, its own web site, a blog's address: any URL that names it
     */
    public record Actor(String actorId, String platform, String nativeId, String handle, List<String> urls) {

        public Actor {
            urls = urls == null ? List.of() : urls.stream().filter(u -> u != null).toList();
        }
    }

    /**
     * A URL reduced to what identifies a page: lower case, without scheme, {@code www.},
     * {@code m.} or {@code mobile.}, query, fragment and trailing slashes.
     */
    static String normalizeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        }
        int cut = indexOfAny(u, '?', '#');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        for (String prefix : List.of("www.", "mobile.", "m.")) {
            if (u.startsWith(prefix)) {
                u = u.substring(prefix.length());
                break;
            }
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String strip(String handle) {
        if (handle == null) {
            return null;
        }
        String h = handle.strip();
        return h.startsWith("@") ? h.substring(1) : h;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
