package dev.outband.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The H2 file {@code outband.mv.db}, encrypted by H2 itself (CIPHER=AES) with a file password derived
 * from the store's data key, so host names, users and certificates are protected at rest too.
 * H2 cannot change a file's encryption in place: {@link #recrypt} writes the whole database into a new
 * file (through an AES-encrypted script), lets the caller re-seal values in it, and moves it over the old
 * one in one step. Until that move the old file is untouched, so a crash leaves a usable store.
 */
final class StoreDatabase {
    static final String NAME = "outband";
    private static final String NEXT = "outband-next";
    private static final String SCRIPT = "outband-next.sql";
    private static final String USER_PASSWORD = "outband";
    /**
     * WRITE_DELAY=0: a commit is on disk when it returns. H2's default writes commits in the background
     * within half a second, so a killed process lost edits and imports it had reported done.
     */
    private static final String OPTIONS = ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    /** Where H2 marks a file in its own clear format ("H:2,block:…"); an encrypted file starts "H2encrypt". */
    private static final byte[] CLEAR_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    /** Work on the new database before it replaces the old one. */
    interface Step {
        void run(Connection next) throws SQLException, GeneralSecurityException;
    }

    private StoreDatabase() {
    }

    static Path file(Path folder) {
        return folder.resolve(NAME + ".mv.db");
    }

    static String url(Path folder) {
        return url(folder, NAME, true);
    }

    /**
     * The H2 password for the file encrypted with {@code key}: the file password, a space, the user password
     * (not empty: Flyway trims a password, which would cut an empty user password's space).
     */
    static String password(SecretKey key) {
        return filePassword(key) + " " + USER_PASSWORD;
    }

    static Connection connect(Path folder, SecretKey key) throws SQLException {
        return DriverManager.getConnection(url(folder), "sa", password(key));
    }

    /** True when the database file exists and is in H2's clear format (a store of an older version). */
    static boolean isClear(Path folder) throws IOException {
        Path file = file(folder);
        if (!Files.exists(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(CLEAR_HEADER.length), CLEAR_HEADER);
        }
    }

    /** True when {@code key} opens the encrypted file (H2 reports a wrong key as error 90049). */
    static boolean opensWith(Path folder, SecretKey key) throws SQLException {
        try (Connection ignored = connect(folder, key)) {
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Copies the database, clear ({@code from} null) or encrypted with {@code from}, into a file encrypted
     * with {@code to}, runs {@code step} on the copy, and moves the copy over the original.
     */
    static void recrypt(Path folder, SecretKey from, SecretKey to, Step step)
            throws IOException, SQLException, GeneralSecurityException {
        Path script = folder.resolve(SCRIPT);
        Path next = folder.resolve(NEXT + ".mv.db");
        discardLeftovers(folder);
        String scriptPassword = filePassword(to);
        try {
            try (Connection old = DriverManager.getConnection(url(folder, NAME, from != null), "sa",
                    from == null ? "" : password(from)); Statement st = old.createStatement()) {
                st.execute("SCRIPT TO '" + sqlPath(script) + "' CIPHER AES PASSWORD '" + scriptPassword + "'");
            }
            try (Connection copy = DriverManager.getConnection(url(folder, NEXT, true), "sa", password(to))) {
                try (Statement st = copy.createStatement()) {
                    st.execute("RUNSCRIPT FROM '" + sqlPath(script) + "' CIPHER AES PASSWORD '" + scriptPassword + "'");
                }
                step.run(copy);
            }
            force(next);
            try {
                Files.move(next, file(folder), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file(folder), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            discardLeftovers(folder);
        }
    }

    /**
     * After the last process died with the store open: lets H2 scan the whole file for the newest complete
     * set of chunks and makes it the file's state, before anything opens the file through JDBC. H2's quick
     * start finds the newest chunk only through the store header, the chain of positions each chunk predicts
     * for the next, or as the file's last chunk. When a chunk goes elsewhere than predicted, H2 rewrites the
     * header but names the chunk before it; once H2 reuses the space of dead chunks (older than its 45 s
     * retention time), the newest chunk sits inside the file, and a quick start after kill -9 went back to
     * the one before: the last commits that had returned (WRITE_DELAY=0) were gone.
     * The file is tried under each of {@code keys} in turn (an interrupted change of key leaves it under
     * either); a file none opens is left to the normal open to report. The scan reads the whole file:
     * a fraction of a second for a few MB, a few seconds for 100 MB.
     */
    static void recover(Path folder, List<SecretKey> keys) throws IOException {
        if (!Files.exists(file(folder))) {
            return;
        }
        if (isClear(folder)) {
            recover(folder, (char[]) null);
            return;
        }
        for (SecretKey key : keys) {
            // The key JDBC gives the MVStore: the file password's characters (H2's Store.decodePassword keeps
            // the low byte of each, which for our hex digits is the character itself).
            if (recover(folder, filePassword(key).toCharArray())) {
                return;
            }
        }
    }

    private static boolean recover(Path folder, char[] encryptionKey) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file(folder).toString())
                .recoveryMode().autoCommitDisabled();
        if (encryptionKey != null) {
            builder.encryptionKey(encryptionKey);
        }
        try (MVStore ignored = builder.open()) {
            return true;
        } catch (MVStoreException e) {
            // A wrong key reads as a corrupt header; anything else the normal open reports in its own words.
            return e.getErrorCode() != DataUtils.ERROR_FILE_CORRUPT;
        }
    }

    /** What an interrupted {@link #recrypt} left behind; the original file is still the store. */
    static void discardLeftovers(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(SCRIPT));
        Files.deleteIfExists(folder.resolve(NEXT + ".mv.db"));
        Files.deleteIfExists(folder.resolve(NEXT + ".trace.db"));
    }

    private static String url(Path folder, String name, boolean encrypted) {
        return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + (encrypted ? ";CIPHER=AES" : "") + OPTIONS;
    }

    private static String filePassword(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal("outband/h2-file-password".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String sqlPath(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
