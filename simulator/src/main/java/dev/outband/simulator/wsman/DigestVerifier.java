package dev.outband.simulator.wsman;

import dev.outband.wsman.http.DigestChallenge;
import dev.outband.wsman.http.DigestCredentials;
import java.util.Optional;
import java.util.function.Function;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Server side of HTTP Digest as AMT does it: MD5, qop=auth, nonces that expire and are then reported stale. */
public final class DigestVerifier {
    public enum Outcome { OK, CHALLENGE, STALE }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NONCES = 4096;

    private final Function<String, Optional<String>> ha1s;
    private final String realm;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

    /** {@code ha1s}: the HA1 (hex MD5 of user:realm:password) of each user the device knows. */
    public DigestVerifier(Function<String, Optional<String>> ha1s, String realm, Duration lifetime, Clock clock) {
        this.ha1s = ha1s;
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
        Optional<String> known = ha1s.apply(p.getOrDefault("username", ""));
        if (known.isEmpty() || !realm.equals(p.get("realm"))) {
            return Outcome.CHALLENGE;
        }
        String ha1 = known.get();
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
