package org.relais.ingest.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.translate.EntityArrays;

/**
 * Plain text and links from the small HTML fragments that Mastodon (and other ActivityPub servers)
 * write in a status's {@code content} and an account's {@code note} and profile fields. Not a
 * general HTML parser: those fragments are sanitized by the server to a few inline elements
 * ({@code p}, {@code br}, {@code a}, {@code span}, and lately {@code blockquote}, {@code pre},
 * {@code code}, lists), so a careful single pass is enough, and no library on the classpath does
 * it.
 *
 * <p>The text is what a reader sees: tags are removed (the text inside them kept, so that a link's
 * {@code <span class="invisible">https://www.</span>} parts give back the whole URL); a run of white
 * space becomes one space, as HTML renders it; {@code <br>} is a line break; a {@code p},
 * {@code blockquote}, {@code pre} or heading is set apart by blank lines, a list and its items by
 * line breaks; comments and the content of {@code script} and {@code style} are dropped; character
 * references are decoded: HTML 4's 252 names ({@code &amp; &nbsp; &eacute; &copy; &hellip;}) and
 * {@code &apos;}, decimal and hexadecimal ones (invalid code points become U+FFFD); an unknown name
 * is left as written. The text is trimmed. A {@code <} that does not start a tag is text; a tag
 * never closed ends the fragment.
 *
 * <p>Never throws, whatever the input; linear in its length.
 */
final class HtmlText {

    /** An {@code <a>} element: its attributes {@code href}, {@code rel} and {@code class} (null when absent), decoded. */
    record Link(String href, String rel, String classes) {
    }

    /** The text of a fragment and its links, in order. */
    record Parsed(String text, List<Link> links) {
    }

    /** HTML 4's named references (Commons Text's tables, with HTML5's values) and {@code apos}, by name. */
    private static final Map<String, String> NAMED = named();
    private static final int MAX_ENTITY_LENGTH = 10;

    private final String html;
    private final StringBuilder text = new StringBuilder();
    private final List<Link> links = new ArrayList<>();
    private boolean pendingSpace;
    private int pos;

    private HtmlText(String html) {
        this.html = html;
    }

    /** The text and links of {@code html}; an empty text for null. */
    static Parsed parse(String html) {
        if (html == null) {
            return new Parsed("", List.of());
        }
        HtmlText parser = new HtmlText(html);
        parser.run();
        return new Parsed(parser.text.toString().strip(), List.copyOf(parser.links));
    }

    private void run() {
        int textStart = 0;
        while (pos < html.length()) {
            char c = html.charAt(pos);
            if (c == '<' && startsTag(pos)) {
                appendText(html, textStart, pos);
                tag();
                textStart = pos;
            } else {
                pos++;
            }
        }
        appendText(html, textStart, html.length());
    }

    /** Whether a {@code <} at {@code at} starts a tag: a letter, {@code /} or {@code !} follows. */
    private boolean startsTag(int at) {
        if (at + 1 >= html.length()) {
            return false;
        }
        char next = html.charAt(at + 1);
        return Character.isLetter(next) || next == '/' || next == '!';
    }

    /** Reads the tag at {@link #pos} and acts on it; leaves {@link #pos} after it. */
    private void tag() {
        if (html.startsWith("<!--", pos)) {
            int end = html.indexOf("-->", pos + 4);
            pos = end < 0 ? html.length() : end + 3;
            return;
        }
        int end = tagEnd(pos + 1);
        String inside = html.substring(pos + 1, end);
        pos = Math.min(end + 1, html.length());
        boolean closing = inside.startsWith("/");
        int nameStart = closing ? 1 : 0;
        int nameEnd = nameStart;
        while (nameEnd < inside.length() && (Character.isLetterOrDigit(inside.charAt(nameEnd)))) {
            nameEnd++;
        }
        String name = inside.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        switch (name) {
            case "p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6" -> lineBreaks(2);
            case "ul", "ol", "li" -> lineBreaks(1);
            default -> {
                // Inline elements neither start nor end a line.
            }
        }
        if (closing) {
            return;
        }
        switch (name) {
            case "br" -> lineBreaks(1);
            case "a" -> links.add(link(inside.substring(nameEnd)));
            case "script", "style" -> skipUntilClosing(name);
            default -> {
                // Other elements only hold text.
            }
        }
    }

    /** The index of the {@code >} that ends the tag begun before {@code from}, quotes respected; the end of input if none. */
    private int tagEnd(int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return html.length();
    }

    private void skipUntilClosing(String name) {
        String closing = "</" + name;
        int end = pos;
        while (end < html.length() && !html.regionMatches(true, end, closing, 0, closing.length())) {
            end++;
        }
        pos = end >= html.length() ? html.length() : Math.min(tagEnd(end + 1) + 1, html.length());
    }

    private static Link link(String attributes) {
        String href = null;
        String rel = null;
        String classes = null;
        int i = 0;
        int n = attributes.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(attributes.charAt(i)) || attributes.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < n && !Character.isWhitespace(attributes.charAt(i)) && attributes.charAt(i) != '='
                    && attributes.charAt(i) != '/') {
                i++;
            }
            String name = attributes.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < n && Character.isWhitespace(attributes.charAt(i))) {
                i++;
            }
            String value = null;
            if (i < n && attributes.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(attributes.charAt(i))) {
                    i++;
                }
                int valueStart;
                int valueEnd;
                if (i < n && (attributes.charAt(i) == '"' || attributes.charAt(i) == '\'')) {
                    char quote = attributes.charAt(i);
                    valueStart = i + 1;
                    valueEnd = attributes.indexOf(quote, valueStart);
                    valueEnd = valueEnd < 0 ? n : valueEnd;
                    i = Math.min(valueEnd + 1, n);
                } else {
                    valueStart = i;
                    while (i < n && !Character.isWhitespace(attributes.charAt(i))) {
                        i++;
                    }
                    valueEnd = i;
                }
                value = decode(attributes, valueStart, valueEnd);
            }
            switch (name) {
                case "href" -> href = href == null ? value : href;
                case "rel" -> rel = rel == null ? value : rel;
                case "class" -> classes = classes == null ? value : classes;
                default -> {
                    // Other attributes say nothing Relais uses.
                }
            }
            if (i == nameStart) {
                i++;
            }
        }
        return new Link(href, rel, classes);
    }

    /** Appends text, its white space collapsed as HTML renders it. */
    private void appendText(String source, int from, int to) {
        String decoded = decode(source, from, to);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pendingSpace = true;
            } else {
                if (pendingSpace && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
                pendingSpace = false;
                text.append(c);
            }
        }
    }

    /** Ends the line, leaving {@code count} line breaks (one, or two for a blank line) unless at the start. */
    private void lineBreaks(int count) {
        pendingSpace = false;
        if (text.length() == 0) {
            return;
        }
        int have = 0;
        while (have < text.length() && text.charAt(text.length() - 1 - have) == '\n') {
            have++;
        }
        for (int i = have; i < count; i++) {
            text.append('\n');
        }
    }

    private static Map<String, String> named() {
        Map<String, String> named = new HashMap<>();
        for (Map<CharSequence, CharSequence> table : List.of(EntityArrays.BASIC_UNESCAPE, EntityArrays.APOS_UNESCAPE,
                EntityArrays.ISO8859_1_UNESCAPE, EntityArrays.HTML40_EXTENDED_UNESCAPE)) {
            // Keys are written "&copy;".
            table.forEach((k, v) -> named.put(k.subSequence(1, k.length() - 1).toString(), v.toString()));
        }
        // HTML5, which servers write and browsers render, moved these two to the mathematical brackets.
        named.put("lang", "\u27E8");
        named.put("rang", "\u27E9");
        return Map.copyOf(named);
    }

    /** {@code source[from, to)} with its character references decoded. */
    static String decode(String source, int from, int to) {
        if (!contains(source, '&', from, to)) {
            return source.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            int semicolon = c == '&' ? semicolon(source, i + 1, Math.min(to, i + 1 + MAX_ENTITY_LENGTH)) : -1;
            if (semicolon > i + 1) {
                String decoded = reference(source.substring(i + 1, semicolon));
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Whether {@code c} is in {@code source[from, to)}, looking no further (a fragment's pieces are many). */
    private static boolean contains(String source, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static int semicolon(String source, int from, int to) {
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == ';') {
                return i;
            }
        }
        return -1;
    }

    /** The text of a character reference without its {@code &} and {@code ;}, or null when it is not one. */
    private static String reference(String name) {
        if (name.charAt(0) != '#') {
            return NAMED.get(name);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return null;
        }
        int codePoint = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), hex ? 16 : 10);
            if (digit < 0) {
                return null;
            }
            codePoint = codePoint * (hex ? 16 : 10) + digit;
        }
        boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        return valid ? new String(Character.toChars(codePoint)) : "\uFFFD";
    }
}
