package dev.outband.app.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals device passwords. Either a random key in {@code store.key} (readable by the
 * user only), or, when the store is protected, derived from a master password with PBKDF2; then
 * {@code master.salt} holds the salt and {@code master.check} a sealed marker that proves the password.
 */
public final class StoreKey {
    static final String KEY_FILE = "store.key";
    static final String SALT_FILE = "master.salt";
    static final String CHECK_FILE = "master.check";
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final byte[] MARKER = "outband-master".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreKey() {
    }

    public static boolean isProtected(Path folder) {
        return Files.exists(folder.resolve(SALT_FILE));
    }

    /** Opens the store's box, asking {@code masterPassword} only when the store is protected. */
    public static SecretBox open(Path folder, Supplier<char[]> masterPassword)
            throws IOException, WrongMasterPasswordException {
        if (isProtected(folder)) {
            char[] password = masterPassword.get();
            if (password == null) {
                throw new WrongMasterPasswordException();
            }
            return openProtected(folder, password);
        }
        return new SecretBox(keyFile(folder));
    }

    /** Loads the random key, creating it with owner-only permissions on first run. */
    static SecretKey keyFile(Path folder) throws IOException {
        Path file = folder.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            try {
                writePrivate(file, key);
            } catch (FileAlreadyExistsException raced) {
                return keyFile(folder);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != 32) {
            throw new IOException("Key file " + file + " is damaged (expected 32 bytes)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Protects a new store with a master password (a store already holding passwords must be re-sealed first). */
    public static SecretBox protect(Path folder, char[] password) throws IOException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        SecretBox box = new SecretBox(derive(password, salt));
        writePrivate(folder.resolve(SALT_FILE), salt);
        writePrivate(folder.resolve(CHECK_FILE), box.encrypt(MARKER));
        return box;
    }

    static SecretBox openProtected(Path folder, char[] password) throws IOException, WrongMasterPasswordException {
        byte[] salt = Files.readAllBytes(folder.resolve(SALT_FILE));
        SecretBox box = new SecretBox(derive(password, salt));
        try {
            if (!Arrays.equals(box.decrypt(Files.readAllBytes(folder.resolve(CHECK_FILE))), MARKER)) {
                throw new WrongMasterPasswordException();
            }
        } catch (GeneralSecurityException e) {
            throw new WrongMasterPasswordException();
        }
        return box;
    }

    static SecretKey derive(char[] password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, PBKDF2_ITERATIONS, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            PrivateFiles.restrict(file);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
