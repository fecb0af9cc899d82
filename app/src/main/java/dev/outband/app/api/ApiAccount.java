package dev.outband.app.api;

import dev.outband.app.store.Secret;
import dev.outband.app.store.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The one API user; the password sealed with the store key like the CIRA password, checked in constant time. */
final class ApiAccount {
    static final String PASSWORD_SECRET = "api-password";

    private final String user;
    private final byte[] passwordHash;

    private ApiAccount(String user, byte[] passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    /** A password given now is sealed for next time; none means the one sealed last time. */
    static ApiAccount of(SecretFiles secrets, String user, char[] password) throws IOException {
        String clear;
        if (password != null && password.length > 0) {
            clear = new String(password);
            secrets.save(PASSWORD_SECRET, clear);
        } else {
            Optional<Secret> saved = secrets.load(PASSWORD_SECRET);
            clear = saved.orElseThrow(() -> new IOException("Enter a password for the API user " + user)).reveal();
        }
        return new ApiAccount(user, sha256(clear));
    }

    static boolean hasSavedPassword(SecretFiles secrets) {
        return secrets.exists(PASSWORD_SECRET);
    }

    /** As MPS: the user name compared without case, the password exactly; both compared in full every time. */
    boolean accepts(String givenUser, String givenPassword) {
        boolean userOk = MessageDigest.isEqual(sha256(user.toLowerCase(Locale.ROOT)),
                sha256(givenUser.toLowerCase(Locale.ROOT)));
        boolean passwordOk = MessageDigest.isEqual(passwordHash, sha256(givenPassword));
        return userOk & passwordOk;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
