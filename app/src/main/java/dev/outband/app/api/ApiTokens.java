package dev.outband.app.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * HS256 tokens as MPS signs them: {@code deviceId} is {@value #ANY_DEVICE} for a login, a device's guid for a
 * KVM redirection. The key is new at each start, so a restart logs everyone out.
 */
final class ApiTokens {
    static final String ANY_DEVICE = "*";
    private static final String ISSUER = "outband-lab-listener";
    private static final String DEVICE_CLAIM = "deviceId";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;

    ApiTokens(Clock clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.algorithm = Algorithm.HMAC256(key);
        this.clock = clock;
        this.verifier = JWT.require(algorithm).withIssuer(ISSUER).acceptLeeway(0).build();
    }

    String issue(String deviceId, Duration lifetime) {
        return JWT.create().withIssuer(ISSUER).withClaim("tenantId", "").withClaim(DEVICE_CLAIM, deviceId)
                .withExpiresAt(clock.instant().plus(lifetime)).sign(algorithm);
    }

    /** The token's deviceId when it is ours and not expired. */
    Optional<String> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            var decoded = verifier.verify(token);
            if (decoded.getExpiresAtAsInstant() == null || !decoded.getExpiresAtAsInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.ofNullable(decoded.getClaim(DEVICE_CLAIM).asString());
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
    }
}
