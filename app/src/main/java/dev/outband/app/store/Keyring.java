package dev.outband.app.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's data key, kept in {@code store.keyring} (owner-only, replaced in one step): in clear, or
 * wrapped with a key derived from a master password (PBKDF2-SHA256). The data key seals device passwords
 * and secret files, and the H2 file password is derived from it. While the data key is being changed
 * the keyring also holds the previous one, until the database and every secret have moved to the new key.
 * Stores of older versions ({@code store.key}, or {@code master.salt} and {@code master.check}) are read
 * as they are and converted by the store's migration.
 */
final class Keyring {
    static final String FILE = "store.keyring";
    static final String LEGACY_KEY_FILE = "store.key";
    static final String LEGACY_SALT_FILE = "master.salt";
    static final String LEGACY_CHECK_FILE = "master.check";
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final byte[] LEGACY_MARKER = "outband-master".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How the data key is wrapped: the derived key and the salt it came from. */
    record Protection(byte[] salt, SecretKey kek) {
        static Protection of(char[] password) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return new Protection(salt, derive(password, salt));
        }
    }

    private final SecretKey current;
    private final SecretKey previous;
    private final Protection protection;
    private final boolean legacy;

    private Keyring(SecretKey current, SecretKey previous, Protection protection, boolean legacy) {
        this.current = current;
        this.previous = previous;
        this.protection = protection;
        this.legacy = legacy;
    }

    static boolean isProtected(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            return read(file).getProperty("salt") != null;
        }
        return Files.exists(folder.resolve(LEGACY_SALT_FILE));
    }

    /** The keyring of the store in {@code folder}; a new one (not yet saved) for a new store. */
    static Keyring load(Path folder, Supplier<char[]> masterPassword) throws IOException, WrongMasterPasswordException {
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            return fromFile(read(file), masterPassword);
        }
        if (Files.exists(folder.resolve(LEGACY_SALT_FILE))) {
            char[] password = ask(masterPassword);
            SecretKey key = legacyProtected(folder, password);
            return new Keyring(key, null, Protection.of(password), true);
        }
        Path keyFile = folder.resolve(LEGACY_KEY_FILE);
        if (Files.exists(keyFile)) {
            return new Keyring(aesKey(Files.readAllBytes(keyFile), keyFile), null, null, true);
        }
        return new Keyring(randomKey(), null, null, false);
    }

    SecretKey current() {
        return current;
    }

    /** The key the store is moving away from; null when nothing is being moved. */
    SecretKey previous() {
        return previous;
    }

    /** True when the store's files are still in an older version's layout. */
    boolean legacy() {
        return legacy;
    }

    boolean isProtected() {
        return protection != null;
    }

    /** True when {@code password} is this keyring's master password. */
    boolean unlocks(char[] password) {
        return protection != null && password != null
                && MessageDigest.isEqual(derive(password, protection.salt()).getEncoded(), protection.kek().getEncoded());
    }

    /** A new data key replacing this one, kept with {@code next} (null: no master password). */
    Keyring rotated(Protection next) {
        return new Keyring(randomKey(), current, next, false);
    }

    /** The same key once everything has moved to it. */
    Keyring settled() {
        return new Keyring(current, null, protection, false);
    }

    /** Replaces the keyring file in one step, then removes an older version's key files. */
    void save(Path folder) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        if (protection != null) {
            p.setProperty("kdf", "PBKDF2WithHmacSHA256");
            p.setProperty("iterations", Integer.toString(PBKDF2_ITERATIONS));
            p.setProperty("salt", b64(protection.salt()));
        }
        p.setProperty("key", keep(current, "keyring/key"));
        if (previous != null) {
            p.setProperty("previous", keep(previous, "keyring/previous"));
        }
        StringWriter text = new StringWriter();
        p.store(text, "Outband store keyring: do not edit");
        PrivateFiles.write(folder.resolve(FILE), text.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (String old : new String[] {LEGACY_KEY_FILE, LEGACY_SALT_FILE, LEGACY_CHECK_FILE}) {
            Files.deleteIfExists(folder.resolve(old));
        }
    }

    private String keep(SecretKey key, String place) {
        byte[] raw = key.getEncoded();
        return b64(protection == null ? raw : new SecretBox(protection.kek()).encrypt(raw, place));
    }

    private static Keyring fromFile(Properties p, Supplier<char[]> masterPassword)
            throws IOException, WrongMasterPasswordException {
        String salt = p.getProperty("salt");
        if (salt == null) {
            return new Keyring(rawKey(p, "key"), p.getProperty("previous") == null ? null : rawKey(p, "previous"),
                    null, false);
        }
        char[] password = ask(masterPassword);
        Protection protection = new Protection(Base64.getDecoder().decode(salt), derive(password, Base64.getDecoder().decode(salt)));
        SecretBox box = new SecretBox(protection.kek());
        try {
            SecretKey key = aesKey(box.decrypt(Base64.getDecoder().decode(p.getProperty("key")), "keyring/key"), null);
            String previous = p.getProperty("previous");
            SecretKey old = previous == null ? null
                    : aesKey(box.decrypt(Base64.getDecoder().decode(previous), "keyring/previous"), null);
            return new Keyring(key, old, protection, false);
        } catch (GeneralSecurityException e) {
            throw new WrongMasterPasswordException();
        }
    }

    private static SecretKey rawKey(Properties p, String name) throws IOException {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IOException("The store keyring is damaged (no " + name + ")");
        }
        return aesKey(Base64.getDecoder().decode(value), null);
    }

    private static SecretKey legacyProtected(Path folder, char[] password) throws IOException, WrongMasterPasswordException {
        SecretKey key = derive(password, Files.readAllBytes(folder.resolve(LEGACY_SALT_FILE)));
        try {
            byte[] marker = new SecretBox(key).decryptUnbound(Files.readAllBytes(folder.resolve(LEGACY_CHECK_FILE)));
            if (!Arrays.equals(marker, LEGACY_MARKER)) {
                throw new WrongMasterPasswordException();
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new WrongMasterPasswordException();
        }
    }

    private static char[] ask(Supplier<char[]> masterPassword) throws WrongMasterPasswordException {
        char[] password = masterPassword.get();
        if (password == null) {
            throw new WrongMasterPasswordException();
        }
        return password;
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        return p;
    }

    private static SecretKey aesKey(byte[] bytes, Path file) throws IOException {
        if (bytes.length != 32) {
            throw new IOException("Key file " + (file == null ? FILE : file) + " is damaged (expected 32 bytes)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
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

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
