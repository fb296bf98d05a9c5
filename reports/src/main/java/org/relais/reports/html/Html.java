package org.relais.reports.html;

/**
 * Escaping for text that comes from the data (names, hashtags, reasons, parameter values) before
 * it goes into the page, in element content or in a quoted attribute, HTML or inline SVG alike.
 * Every piece of data goes through {@link #escape}; nothing else in the report builds markup from
 * data.
 */
final class Html {

    private Html() {
    }

    /**
     * The text with {@code & < > " '} replaced by character references, so that it reads as text
     * wherever it is put; control characters other than tab, line feed and carriage return, which
     * HTML does not allow, become U+FFFD. {@code null} gives the empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> isForbiddenControl(c) ? "\uFFFD" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
