package dev.outband.app.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;

/**
 * A store as versions before the encrypted file wrote it, built from that version's documented layout
 * (V1__devices.sql, README): a clear H2 file {@code outband.mv.db}, a 32-byte {@code store.key} or a
 * PBKDF2-SHA256 master password ({@code master.salt}, {@code master.check} sealing "outband-master"), and
 * values sealed as IV (12 bytes), AES-GCM ciphertext and tag, with no associated data.
 */
final class LegacyStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final byte[] key;

    private LegacyStore(Path folder, byte[] key) {
        this.folder = folder;
        this.key = key;
    }

    static LegacyStore withKeyFile(Path folder) throws Exception {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.createDirectories(folder);
        Files.write(folder.resolve("store.key"), key);
        return new LegacyStore(folder, key).migrated();
    }

    static LegacyStore withMasterPassword(Path folder, String password) throws Exception {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 600_000, 256)).getEncoded();
        Files.createDirectories(folder);
        Files.write(folder.resolve("master.salt"), salt);
        LegacyStore store = new LegacyStore(folder, key);
        Files.write(folder.resolve("master.check"), store.seal("outband-master"));
        return store.migrated();
    }

    private LegacyStore migrated() {
        Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        return this;
    }

    String url() {
        return "jdbc:h2:file:" + folder.resolve("outband").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    }

    LegacyStore device(String name, String host, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sa", "");
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO device (name, host, amt_user, password_enc) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, host);
            ps.setString(3, user);
            ps.setBytes(4, seal(password));
            ps.executeUpdate();
        }
        return this;
    }

    LegacyStore secretFile(String name, String clear) throws Exception {
        Files.write(folder.resolve(name + ".sealed"), seal(clear));
        return this;
    }

    private byte[] seal(String clear) throws Exception {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] body = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(12 + body.length).put(iv).put(body).array();
    }
}
