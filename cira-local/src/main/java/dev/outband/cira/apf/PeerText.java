package dev.outband.cira.apf;

/**
 * Makes text a peer chose (user names, service names, anything from the wire) safe to show in a log
 * line, an event or the UI: control characters, line and paragraph separators and bidi overrides
 * become {@code \}{@code uXXXX} (or {@code \n}, {@code \r}, {@code \t}), and a backslash is doubled so an
 * escape cannot be forged.
 */
public final class PeerText {
    private PeerText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
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

    private static String replacement(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> needsEscape(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
