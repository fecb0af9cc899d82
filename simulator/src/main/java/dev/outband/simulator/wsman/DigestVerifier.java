package dev.outband.simulator.wsman;

import dev.outband.wsman.http.DigestChallenge;
import dev.outband.wsman.http.DigestCredentials;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Server side of HTTP Digest as AMT does it: MD5, qop=auth, nonces that expire and are then reported stale.
 * Accounts are known by their HA1 only, as AMT knows an admin password set by host-based setup.
 */
public final class DigestVerifier {
    public enum Outcome { OK, CHALLENGE, STALE }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NONCES = 4096;

    private final UnaryOperator<String> ha1ByUser;
    private final String realm;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

    /** @param ha1ByUser the HA1 of an account that may log on now, or null for any other user */
    public DigestVerifier(UnaryOperator<String> ha1ByUser, String realm, Duration lifetime, Clock clock) {
        this.ha1ByUser = ha1ByUser;
        this.realm = realm;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Outcome verify(String method, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Outcome.CHALLENGE;
        }
        Map<String, String> p = DigestChallenge.params(authorization.substring(7));
        String nonce = p.getOrDefault("nonce", "");
        String ha1 = realm.equals(p.get("realm")) ? ha1ByUser.apply(p.get("username")) : null;
        if (ha1 == null) {
            return Outcome.CHALLENGE;
        }
        String ha2 = DigestCredentials.md5(method + ":" + p.getOrDefault("uri", ""));
        String expected = "auth".equals(p.get("qop"))
                ? DigestCredentials.md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                : DigestCredentials.md5(ha1 + ":" + nonce + ":" + ha2);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                p.getOrDefault("response", "").getBytes(StandardCharsets.US_ASCII));
        if (!match) {
            return Outcome.CHALLENGE;
        }
        Instant issued = nonces.get(nonce);
        if (issued == null || clock.instant().isAfter(issued.plus(lifetime))) {
            // Right password, old nonce: the client should retry with a fresh one, not ask the user.
            nonces.remove(nonce);
            return Outcome.STALE;
        }
        return Outcome.OK;
    }

    public String challenge(boolean stale) {
        if (nonces.size() > MAX_NONCES) {
            Instant cutoff = clock.instant().minus(lifetime);
            nonces.values().removeIf(t -> t.isBefore(cutoff));
        }
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String nonce = HexFormat.of().formatHex(raw);
        nonces.put(nonce, clock.instant());
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\",stale=\"" + stale + "\",qop=\"auth\"";
    }

    /** Forgets every nonce so the next request is answered stale=true (tests of the retry). */
    public void expireNonces() {
        nonces.clear();
    }
}
