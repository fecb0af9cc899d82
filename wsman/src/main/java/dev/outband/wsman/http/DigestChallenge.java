package dev.outband.wsman.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The parameters of a {@code WWW-Authenticate: Digest ...} header. */
public record DigestChallenge(String realm, String nonce, String qop, String opaque, boolean stale) {

    /** Parses one Digest challenge; returns null when the header is not Digest. */
    public static DigestChallenge parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> params = params(header.substring(7));
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        if (realm == null || nonce == null) {
            return null;
        }
        return new DigestChallenge(realm, nonce, params.get("qop"), params.get("opaque"),
                "true".equalsIgnoreCase(params.get("stale")));
    }

    /** Splits {@code a="x", b=y} into a map, honouring quoted commas. */
    public static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < n && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    end = n;
                }
                value = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = text.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                value = text.substring(i, end).trim();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }
}
