package dev.outband.app.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The H2 file database {@code outband} in the data folder, migrated on open ({@link Schema}). One embedded
 * connection serves the whole process (AUTO_SERVER=FALSE: the console owns the file).
 */
public final class DeviceStore implements AutoCloseable {
    private final Path folder;
    private final Connection connection;
    private final DeviceRepository devices;
    private final SecretFiles secrets;

    private DeviceStore(Path folder, Connection connection, SecretBox box) {
        this.folder = folder;
        this.connection = connection;
        this.devices = new DeviceRepository(connection, box);
        this.secrets = new SecretFiles(folder, box);
    }

    /** Opens (creating on first run) the store in {@code folder}; asks for the master password only if the store has one. */
    public static DeviceStore open(Path folder, Supplier<char[]> masterPassword)
            throws IOException, WrongMasterPasswordException {
        DataFolder.ensureExists(folder);
        SecretBox box = StoreKey.open(folder, masterPassword);
        String url = jdbcUrl(folder);
        try {
            Connection connection = DriverManager.getConnection(url, "sa", "");
            try {
                // H2 creates its files with the process umask.
                DataFolder.restrict(folder);
                Schema.DEVICES.migrate(connection, url);
            } catch (IOException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new DeviceStore(folder, connection, box);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the device store in " + folder, e);
        }
    }

    static String jdbcUrl(Path folder) {
        // DB_CLOSE_DELAY=0: the file closes with the last connection, the store's own (Flyway's comes and goes).
        return "jdbc:h2:file:" + folder.resolve("outband").toAbsolutePath()
                + ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public DeviceRepository devices() {
        return devices;
    }

    /** Secrets outside the device table, sealed with the same key. */
    public SecretFiles secrets() {
        return secrets;
    }

    public Path folder() {
        return folder;
    }

    /** The database file, as shown in the status bar. */
    public Path file() {
        return folder.resolve("outband.mv.db");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close the device store", e);
        }
    }
}
