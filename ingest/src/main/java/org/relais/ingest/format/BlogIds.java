package org.relais.ingest.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.relais.ingest.util.Printable;

/**
 * The identity of a blog (or any web site) derived from a URL: the node id of a site in the
 * citation graph. Every URL of one blog, whether its front page, a post or a feed, should give the
 * same id, and two blogs should never share one.
 *
 * <p>The rules, applied in this order:
 * <ol>
 *   <li>Only {@code http} and {@code https} URLs with a host have an id; {@link #fromUrl} returns
 *       {@code null} for anything else ({@code mailto:}, {@code javascript:}, scheme-relative
 *       {@code //host/path}, a bare {@code example.com}, a host with spaces, a URL with a control
 *       character such as a line break or an escape anywhere in it). Null rather than an
 *       exception because links to such URLs are ordinary data, not errors; a format that needs an
 *       id turns the null into a {@link BadRecordException} naming its field.
 *   <li>The id starts with the host: lower-cased, without user info, port, trailing dot, or one
 *       leading {@code www.} or {@code m.} (the mobile mirror of the same site).
 *       Query and fragment are dropped.
 *   <li>{@code name.blogspot.<any country domain>} ({@code fr}, {@code co.uk}, {@code com.br})
 *       becomes {@code name.blogspot.com}: Blogger redirected readers to country domains for
 *       years, so links to one blog use several. Other hosts with a {@code blogspot} label
 *       ({@code news.blogspot.example.org}) are not Blogger's and stay as they are.
 *   <li>A host is its own blog: subdomains are never merged. That is what makes each blog on
 *       blogspot.com, wordpress.com, tumblr.com, substack.com, over-blog.com, canalblog.com,
 *       hautetfort.com, typepad.com or blogs.com distinct, with no list of such platforms to keep;
 *       the cost is that {@code news.example.com} and {@code example.com} are two sites.
 *   <li>On hosts that keep several blogs under one host, path patterns add the blog's path to the
 *       id. A pattern is {@code host/segment[/segment...]}; a segment is a literal name or
 *       {@code *} for any one segment. A pattern applies to its host and every subdomain of it,
 *       when the URL's path starts with segments matching all of the pattern's; the id is then the
 *       URL's host plus those path segments. The first matching pattern wins. The
 *       {@linkplain #DEFAULT_PATH_PATTERNS defaults} cover Typepad ({@code yglesias.typepad.com/matthew}),
 *       Medium publications and authors, and the hosts of the 2004 blogosphere that kept many
 *       blogs under one host (LiveJournal's {@code /users/name}, Salon, Xanga, AOL Journals,
 *       .Mac); a single site is added with a literal pattern such as
 *       {@code littlegreenfootballs.com/weblog}.
 *       No pattern matches any host: a generic {@code /blogs/*} rule would make every post of a
 *       site that keeps one blog at {@code /blogs/} a blog of its own.
 *   <li>Otherwise a first path segment starting with {@code ~} (a home directory:
 *       {@code home.earthlink.net/~name}) or {@code @} (an author or channel:
 *       {@code medium.com/@name}, {@code youtube.com/@name}) is part of the id, on any host.
 *       {@code %7E} and {@code %40} count as {@code ~} and {@code @}.
 *   <li>Ids are lower case throughout, path included: links to one blog differ in case far more
 *       often than two blogs differ only in case.
 * </ol>
 *
 * <p>A known limit: where a pattern applies, a link to the bare host ({@code x.typepad.com/}) and
 * links into its blog ({@code x.typepad.com/blog/...}) get different ids, since nothing in the URL
 * says which blog the bare host shows.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BlogIds {

    /** The path patterns of {@link #DEFAULT}. */
    public static final List<String> DEFAULT_PATH_PATTERNS = List.of(
            "typepad.com/*",
            "blogs.com/*",
            "medium.com/*",
            "livejournal.com/users/*",
            "blogs.salon.com/*",
            "xanga.com/*",
            "journals.aol.com/*/*",
            "homepage.mac.com/*");

    /** The rules above with {@link #DEFAULT_PATH_PATTERNS}. */
    public static final BlogIds DEFAULT = new BlogIds(DEFAULT_PATH_PATTERNS);

    private static final String[] MIRROR_PREFIXES = {"www.", "m."};
    private static final String BLOGSPOT = ".blogspot.";
    /** What follows {@code .blogspot.} on Blogger's own hosts: com, or a country's domain (fr, co.uk, com.br). */
    private static final Pattern BLOGSPOT_COUNTRY = Pattern.compile("com|[a-z]{2}|(?:co|com)\\.[a-z]{2}");

    private final List<PathPattern> patterns;
    /** The most path segments any rule looks at; URLs are only split that far. */
    private final int maxSegments;

    private BlogIds(Collection<String> pathPatterns) {
        List<PathPattern> parsed = new ArrayList<>();
        int max = 1;
        for (String pattern : pathPatterns) {
            PathPattern p = PathPattern.parse(pattern);
            parsed.add(p);
            max = Math.max(max, p.segments.length);
        }
        this.patterns = List.copyOf(parsed);
        this.maxSegments = max;
    }

    /**
     * The rules above with these path patterns instead of the defaults (pass
     * {@link #DEFAULT_PATH_PATTERNS} plus your own to extend them).
     *
     * @throws IllegalArgumentException when a pattern is not {@code host/segment[/segment...]}
     */
    public static BlogIds withPathPatterns(Collection<String> pathPatterns) {
        return new BlogIds(pathPatterns);
    }

    /** The blog id of {@code url}, or {@code null} when it is not an http(s) URL with a host. */
    public String fromUrl(String url) {
        ParsedUrl parsed = ParsedUrl.parse(url);
        if (parsed == null) {
            return null;
        }
        String host = normalizeHost(parsed.host);
        String[] segments = parsed.pathSegments(maxSegments);
        for (PathPattern pattern : patterns) {
            if (pattern.matches(host, segments)) {
                return join(host, segments, pattern.segments.length);
            }
        }
        if (segments.length > 0 && segments[0].length() > 1
                && (segments[0].charAt(0) == '~' || segments[0].charAt(0) == '@')) {
            return join(host, segments, 1);
        }
        return host;
    }

    /**
     * Whether two URLs belong to the same blog; a link between them is not a citation. False when
     * either has no id.
     */
    public boolean sameBlog(String urlA, String urlB) {
        String a = fromUrl(urlA);
        return a != null && a.equals(fromUrl(urlB));
    }

    /**
     * The normalized host of an http(s) URL (rules 1 to 3, no path), or {@code null}; for checks
     * such as "is this a link back to the platform itself".
     */
    public static String host(String url) {
        ParsedUrl parsed = ParsedUrl.parse(url);
        return parsed == null ? null : normalizeHost(parsed.host);
    }

    private static String normalizeHost(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String prefix : MIRROR_PREFIXES) {
            // Only when a registrable name remains: "m.co" stays as it is.
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                host = host.substring(prefix.length());
                break;
            }
        }
        int blogspot = host.indexOf(BLOGSPOT);
        if (blogspot > 0
                && BLOGSPOT_COUNTRY.matcher(host).region(blogspot + BLOGSPOT.length(), host.length()).matches()) {
            host = host.substring(0, blogspot) + ".blogspot.com";
        }
        return host;
    }

    private static String join(String host, String[] segments, int count) {
        StringBuilder id = new StringBuilder(host);
        for (int i = 0; i < count; i++) {
            id.append('/').append(segments[i]);
        }
        return id.toString();
    }

    /** A {@code host/segment[/segment...]} pattern; {@code null} segments are wildcards. */
    private static final class PathPattern {
        private final String host;
        private final String dotHost;
        private final String[] segments;

        private PathPattern(String host, String[] segments) {
            this.host = host;
            this.dotHost = "." + host;
            this.segments = segments;
        }

        static PathPattern parse(String pattern) {
            String[] parts = pattern.trim().toLowerCase(Locale.ROOT).split("/", -1);
            boolean valid = parts.length >= 2 && parts[0].indexOf('.') > 0 && !parts[0].contains("*");
            String[] segments = new String[parts.length - 1];
            for (int i = 1; valid && i < parts.length; i++) {
                String part = parts[i];
                valid = !part.isEmpty() && (part.equals("*") || part.chars().noneMatch(c -> c == '*' || c == '?' || c == '#'));
                segments[i - 1] = part.equals("*") ? null : part;
            }
            if (!valid) {
                throw new IllegalArgumentException("path pattern was '" + pattern
                        + "', but must be host/segment[/segment...], where the host has a dot and a segment is a name or *");
            }
            return new PathPattern(parts[0], segments);
        }

        boolean matches(String urlHost, String[] urlSegments) {
            if (urlSegments.length < segments.length || !(urlHost.equals(host) || urlHost.endsWith(dotHost))) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] != null && !segments[i].equals(urlSegments[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The two parts of an http(s) URL the rules look at, cut out by hand: java.net.URI rejects too many real links. */
    private static final class ParsedUrl {
        private final String host;
        private final String url;
        private final int pathStart;

        private ParsedUrl(String host, String url, int pathStart) {
            this.host = host;
            this.url = url;
            this.pathStart = pathStart;
        }

        static ParsedUrl parse(String url) {
            if (url == null) {
                return null;
            }
            String s = url.strip();
            if (!Printable.isSafe(s)) {
                return null;
            }
            int authorityStart;
            if (s.regionMatches(true, 0, "http://", 0, 7)) {
                authorityStart = 7;
            } else if (s.regionMatches(true, 0, "https://", 0, 8)) {
                authorityStart = 8;
            } else {
                return null;
            }
            int authorityEnd = authorityStart;
            while (authorityEnd < s.length() && "/?#".indexOf(s.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            int userInfoEnd = s.lastIndexOf('@', authorityEnd - 1);
            int hostStart = userInfoEnd >= authorityStart ? userInfoEnd + 1 : authorityStart;
            String host = stripPort(s.substring(hostStart, authorityEnd));
            if (host == null || !isValidHost(host)) {
                return null;
            }
            return new ParsedUrl(host, s, authorityEnd);
        }

        /** Up to {@code max} non-empty path segments, lower-cased. */
        String[] pathSegments(int max) {
            List<String> segments = new ArrayList<>(max);
            int i = pathStart;
            while (segments.size() < max && i < url.length() && url.charAt(i) == '/') {
                int end = i + 1;
                while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                    end++;
                }
                if (end > i + 1) {
                    segments.add(decodeMarker(url.substring(i + 1, end).toLowerCase(Locale.ROOT)));
                }
                i = end;
            }
            return segments.toArray(new String[0]);
        }

        private static String decodeMarker(String segment) {
            if (segment.startsWith("%7e")) {
                return "~" + segment.substring(3);
            }
            if (segment.startsWith("%40")) {
                return "@" + segment.substring(3);
            }
            return segment;
        }

        private static String stripPort(String authority) {
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                return close < 0 ? null : portOk(authority, close + 1) ? authority.substring(0, close + 1) : null;
            }
            int colon = authority.indexOf(':');
            if (colon < 0) {
                return authority;
            }
            return portOk(authority, colon) ? authority.substring(0, colon) : null;
        }

        /** Whether what follows the host ({@code ""} or {@code :digits}) is a port. */
        private static boolean portOk(String authority, int hostEnd) {
            if (hostEnd == authority.length()) {
                return true;
            }
            if (authority.charAt(hostEnd) != ':') {
                return false;
            }
            for (int i = hostEnd + 1; i < authority.length(); i++) {
                if (authority.charAt(i) < '0' || authority.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        /** Letters (any script), digits, '-', '_' and '.', with no empty label; or a bracketed IPv6 literal. */
        private static boolean isValidHost(String host) {
            if (host.isEmpty()) {
                return false;
            }
            if (host.charAt(0) == '[') {
                return host.length() > 2;
            }
            if (host.charAt(0) == '.' || host.contains("..")) {
                return false;
            }
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                    return false;
                }
            }
            return true;
        }
    }
}
