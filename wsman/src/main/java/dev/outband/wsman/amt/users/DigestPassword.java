package dev.outband.wsman.amt.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The password as AMT's account methods take it: never the password itself but Base64 of the binary
 * MD5(user ":" DigestRealm ":" password), the HA1 of HTTP Digest.
 */
public final class DigestPassword {
    private DigestPassword() {
    }

    public static String of(String user, String realm, String password) {
        try {
            byte[] ha1 = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
