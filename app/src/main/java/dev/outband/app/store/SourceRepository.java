package dev.outband.app.store;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remote sources in the H2 store, on the device repository's connection and lock (one connection serves the
 * process, and a key change swaps it). Each password is sealed for its row, as device passwords are.
 */
public final class SourceRepository {
    private static final String COLUMNS = "id, name, url, api_user, password_enc, trust, pinned_sha256";
    private static final String UNSAVED = "remote_source/unsaved/password_enc";

    private final DeviceRepository devices;

    SourceRepository(DeviceRepository devices) {
        this.devices = devices;
    }

    /** Seals a clear-text API password with this store's key. */
    public Secret seal(String clearText) {
        return devices.box().seal(clearText, UNSAVED);
    }

    static String passwordPlace(long id) {
        return "remote_source/" + id + "/password_enc";
    }

    /** Every source, ordered by name. */
    public List<RemoteSource> findAll() {
        synchronized (devices) {
            try (Statement st = devices.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM remote_source ORDER BY name")) {
                List<RemoteSource> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs));
                }
                return all;
            } catch (SQLException e) {
                throw new StoreException("Cannot read remote sources", e);
            }
        }
    }

    public Optional<RemoteSource> findByName(String name) {
        return findAll().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Inserts the source and seals its password for the new row, in one transaction. */
    public RemoteSource insert(RemoteSource source) {
        synchronized (devices) {
            Connection c = devices.connection();
            try {
                c.setAutoCommit(false);
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO remote_source (name, url, api_user, trust, "
                        + "pinned_sha256) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, source.name());
                    ps.setString(2, source.url().toString());
                    ps.setString(3, source.user());
                    ps.setString(4, source.trust().name());
                    ps.setString(5, source.pinnedSha256());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                Secret sealed = null;
                if (source.password() != null) {
                    byte[] bytes = source.password().sealedFor(devices.box(), passwordPlace(id));
                    try (PreparedStatement ps = c.prepareStatement("UPDATE remote_source SET password_enc = ? WHERE id = ?")) {
                        ps.setBytes(1, bytes);
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                    sealed = devices.box().wrap(bytes, passwordPlace(id));
                }
                c.commit();
                return new RemoteSource(id, source.name(), source.url(), source.user(), sealed, source.trust(),
                        source.pinnedSha256());
            } catch (SQLException e) {
                Transactions.rollback(c);
                if ("23505".equals(e.getSQLState())) {
                    throw new DuplicateNameException(source.name());
                }
                throw new StoreException("Cannot save remote source " + source.name(), e);
            } finally {
                Transactions.autoCommit(c);
            }
        }
    }

    /** Trusts exactly the certificate with this SHA-256 from now on. */
    public RemoteSource pin(long id, String sha256) {
        synchronized (devices) {
            RemoteSource source = findAll().stream().filter(s -> s.id() == id).findFirst()
                    .orElseThrow(() -> new StoreException("Remote source " + id + " no longer exists", null))
                    .pinned(sha256);
            try (PreparedStatement ps = devices.connection().prepareStatement(
                    "UPDATE remote_source SET trust = 'PINNED', pinned_sha256 = ? WHERE id = ?")) {
                ps.setString(1, source.pinnedSha256());
                ps.setLong(2, id);
                ps.executeUpdate();
                return source;
            } catch (SQLException e) {
                throw new StoreException("Cannot pin the certificate of remote source " + source.name(), e);
            }
        }
    }

    public boolean delete(long id) {
        synchronized (devices) {
            try (PreparedStatement ps = devices.connection().prepareStatement("DELETE FROM remote_source WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new StoreException("Cannot delete remote source " + id, e);
            }
        }
    }

    /** Seals every source password anew for {@code to}, in {@code database}; a store from before sources has none. */
    static void resealPasswords(Connection database, SecretBox from, SecretBox to)
            throws SQLException, GeneralSecurityException {
        try (ResultSet tables = database.getMetaData().getTables(null, null, "REMOTE_SOURCE", null)) {
            if (!tables.next()) {
                return;
            }
        }
        SealedColumn.reseal(database, "remote_source", SourceRepository::passwordPlace, SecretBox::decrypt, from, to);
    }

    private RemoteSource read(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        byte[] sealed = rs.getBytes("password_enc");
        return new RemoteSource(id, rs.getString("name"), URI.create(rs.getString("url")), rs.getString("api_user"),
                sealed == null ? null : devices.box().wrap(sealed, passwordPlace(id)),
                RemoteSource.Trust.valueOf(rs.getString("trust")), rs.getString("pinned_sha256"));
    }
}
