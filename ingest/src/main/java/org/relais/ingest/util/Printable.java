package org.relais.ingest.util;

/**
 * Text from the input made safe to print on a terminal or in a one-line message: control
 * characters (C0, DEL, C1: escape sequences, carriage returns, line feeds), line and paragraph
 * separators and the bidirectional embeddings, overrides and isolates become {@code \u001b}-style
 * escapes, so that a handle or a cell cannot clear the screen, retitle the window, hide or reorder
 * what follows, or forge a line of its own. Everything else, accents and emoji included, is kept.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with the characters above escaped; the same string when it has none. */
    public static String of(String text) {
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether {@code text} has none of the characters above: {@link #of} would return it as it is. */
    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
