package dev.outband.wsman.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The digest algorithms we answer (RFC 7616 section 3.3); "-sess" variants hash the cnonce into HA1. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true);

    private final String token;
    private final String jdkName;
    private final boolean session;

    DigestAlgorithm(String token, String jdkName, boolean session) {
        this.token = token;
        this.jdkName = jdkName;
        this.session = session;
    }

    /** The algorithm a challenge names; no name means MD5 (RFC 2617). Tokens compare case-insensitively. */
    public static Optional<DigestAlgorithm> of(String token) {
        if (token == null) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public String token() {
        return token;
    }

    public boolean session() {
        return session;
    }

    /** Lower-case hex of the hash of the UTF-8 bytes of {@code text}. */
    public String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is not available in this JDK", e);
        }
    }
}
