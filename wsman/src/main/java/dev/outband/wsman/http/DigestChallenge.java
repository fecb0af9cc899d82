package dev.outband.wsman.http;

import dev.outband.wsman.WsmanException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one {@code WWW-Authenticate: Digest ...} challenge.
 *
 * @param qop the offered qop list as sent ({@code auth,auth-int}), or null (RFC 2069 style)
 * @param algorithm the algorithm token as sent, or null (MD5)
 */
public record DigestChallenge(String realm, String nonce, String qop, String opaque, boolean stale, String algorithm) {
    public static final String QOP_AUTH = "auth";
    public static final String QOP_AUTH_INT = "auth-int";

    /** The first Digest challenge in one header value, or null when it holds none. */
    public static DigestChallenge parse(String header) {
        List<DigestChallenge> all = parseAll(List.of(header == null ? "" : header));
        return all.isEmpty() ? null : all.getFirst();
    }

    /** Every Digest challenge in these header values, in order (a device may send Negotiate and Digest apart). */
    public static List<DigestChallenge> parseAll(List<String> headers) {
        List<DigestChallenge> out = new ArrayList<>();
        for (String header : headers) {
            for (AuthChallenges.Challenge c : AuthChallenges.parse(header)) {
                Map<String, String> p = c.params();
                if ("Digest".equalsIgnoreCase(c.scheme()) && p.get("realm") != null && p.get("nonce") != null) {
                    out.add(new DigestChallenge(p.get("realm"), p.get("nonce"), p.get("qop"), p.get("opaque"),
                            "true".equalsIgnoreCase(p.get("stale")), p.get("algorithm")));
                }
            }
        }
        return out;
    }

    /**
     * The first challenge we can answer, in the device's order of preference (RFC 7616 section 3.7).
     *
     * @throws WsmanException.UnsupportedAuthentication naming what the first challenge asked for
     */
    public static DigestChallenge choose(List<DigestChallenge> offered)
            throws WsmanException.UnsupportedAuthentication {
        for (DigestChallenge c : offered) {
            if (c.refusal() == null) {
                return c;
            }
        }
        throw new WsmanException.UnsupportedAuthentication(offered.isEmpty() ? "the device offers no digest challenge"
                : offered.getFirst().refusal());
    }

    /** Why we cannot answer this challenge, or null when we can. */
    public String refusal() {
        if (digestAlgorithm() == null) {
            return "unsupported digest algorithm " + algorithm;
        }
        return chosenQop() == null ? "unsupported digest qop \"" + qop + "\"" : null;
    }

    /** Splits {@code a="x", b=y} into a map, honouring quoted commas and escaped quotes. */
    public static Map<String, String> params(String text) {
        return AuthChallenges.params(text);
    }

    /** The algorithm to hash with, or null when we do not support the one named. */
    public DigestAlgorithm digestAlgorithm() {
        return DigestAlgorithm.of(algorithm).orElse(null);
    }

    /**
     * The qop to answer with: "auth" whenever offered, "auth-int" when it is the only one, "" when the challenge
     * names none (RFC 2069), or null when it names only values we do not know.
     */
    public String chosenQop() {
        if (qop == null) {
            return "";
        }
        List<String> options = Arrays.stream(qop.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        return options.contains(QOP_AUTH) ? QOP_AUTH : options.contains(QOP_AUTH_INT) ? QOP_AUTH_INT : null;
    }
}
