package dev.outband.wsman.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The challenges of one {@code WWW-Authenticate} value (RFC 7235 section 4.1): a header may hold several,
 * {@code Negotiate, Digest realm="a", nonce="b"}, and quoted strings may hold escaped quotes. Lenient:
 * whatever cannot be read ends the list; never throws.
 */
public final class AuthChallenges {
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String TOKEN68_SYMBOLS = "-._~+/";

    /** One challenge: its scheme as sent and its parameters, names in lower case, values unquoted. */
    public record Challenge(String scheme, Map<String, String> params) {
        public Challenge {
            params = Map.copyOf(params);
        }
    }

    private AuthChallenges() {}

    public static List<Challenge> parse(String header) {
        List<Challenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        int i = 0;
        while (true) {
            i = skipSeparators(header, i);
            int start = i;
            i = skipToken(header, i);
            if (i == start) {
                return out;
            }
            String scheme = header.substring(start, i);
            Map<String, String> params = new LinkedHashMap<>();
            int afterToken68 = token68End(header, skipSpaces(header, i));
            int end = afterToken68 >= 0 ? afterToken68 : params(header, i, params);
            if (end < 0) {
                return out;
            }
            out.add(new Challenge(scheme, params));
            i = end;
        }
    }

    /** The auth-params of {@code text} ({@code a="x", b=y}); used where a header holds only parameters. */
    public static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        params(text, 0, out);
        return out;
    }

    /**
     * Reads {@code name=value} pairs from {@code i} until something that is not one (the next challenge's
     * scheme) and returns where that begins; -1 on an unterminated quoted string.
     */
    private static int params(String s, int i, Map<String, String> out) {
        int n = s.length();
        while (true) {
            int start = skipSeparators(s, i);
            int keyEnd = skipToken(s, start);
            int eq = skipSpaces(s, keyEnd);
            if (keyEnd == start || eq >= n || s.charAt(eq) != '=') {
                return start;
            }
            int v = skipSpaces(s, eq + 1);
            String value;
            if (v < n && s.charAt(v) == '"') {
                StringBuilder b = new StringBuilder();
                int j = v + 1;
                while (j < n && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    b.append(s.charAt(j++));
                }
                if (j >= n) {
                    return -1;
                }
                value = b.toString();
                i = j + 1;
            } else {
                // A token by the grammar; read up to the next comma or space, as firmware does not always comply.
                i = v;
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                    i++;
                }
                value = s.substring(v, i);
            }
            // A name given twice is an error (RFC 7235); the first one counts.
            out.putIfAbsent(s.substring(start, keyEnd).toLowerCase(Locale.ROOT), value);
            i = skipSpaces(s, i);
            if (i < n && s.charAt(i) != ',') {
                return i;
            }
        }
    }

    /** Where a token68 ({@code abc==}) starting at {@code i} ends, when one stands there alone; else -1. */
    private static int token68End(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128
                || TOKEN68_SYMBOLS.indexOf(s.charAt(j)) >= 0)) {
            j++;
        }
        if (j == i) {
            return -1;
        }
        while (j < n && s.charAt(j) == '=') {
            j++;
        }
        int end = skipSpaces(s, j);
        return end >= n || s.charAt(end) == ',' ? end : -1;
    }

    private static int skipToken(String s, int i) {
        while (i < s.length() && isTchar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTchar(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ',')) {
            i++;
        }
        return i;
    }
}
