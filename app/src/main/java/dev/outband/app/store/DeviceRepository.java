package dev.outband.app.store;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Devices in the H2 store. Thread-safe: calls are serialised on the single connection. Each password is
 * sealed for its row ({@link #passwordPlace}), so a sealed value copied into another row does not open.
 */
public final class DeviceRepository {
    private static final String COLUMNS = "id, name, host, tags, amt_user, password_enc, tls_mode, pinned_sha256, "
            + "reach_kind, reach_id, power_state, amt_version, last_seen, wsman_port, kvm_port";
    private static final String TAG_SEPARATOR = ",";

    /** Where a password sealed before its device is saved belongs; saving seals it for its row. */
    private static final String UNSAVED = "device/unsaved/password_enc";

    private Connection connection;
    // Read without the lock by seal(), which the FX thread may call while a key change holds it.
    private volatile SecretBox box;

    DeviceRepository(Connection connection, SecretBox box) {
        this.connection = connection;
        this.box = box;
    }

    /** Seals a clear-text password with this store's key. */
    public Secret seal(String clearText) {
        return box.seal(clearText, UNSAVED);
    }

    static String passwordPlace(long id) {
        return "device/" + id + "/password_enc";
    }

    /** Goes on with another connection and key after the store moved its file to a new key. */
    synchronized void use(Connection newConnection, SecretBox newBox) {
        connection = newConnection;
        box = newBox;
    }

    synchronized Connection connection() {
        return connection;
    }

    SecretBox box() {
        return box;
    }

    /** Seals every stored password anew for {@code to}, in {@code database} (a copy being prepared). */
    static void resealPasswords(Connection database, SecretBox from, SecretBox to)
            throws SQLException, GeneralSecurityException {
        SealedColumn.reseal(database, "device", DeviceRepository::passwordPlace, SecretBox::decryptAnyVersion, from, to);
    }

    /** Every device in one query, ordered by name. */
    public synchronized List<Device> findAll() {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM device ORDER BY name")) {
            List<Device> all = new ArrayList<>();
            while (rs.next()) {
                all.add(read(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new StoreException("Cannot read devices", e);
        }
    }

    public synchronized Optional<Device> findById(long id) {
        return findOne("id = ?", id);
    }

    public synchronized Optional<Device> findByName(String name) {
        return findOne("name = ?", name);
    }

    /** The device reached this way (a CIRA UUID, an MPS guid); ids compare case-insensitively. */
    public synchronized Optional<Device> findByReach(Reach reach) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM device WHERE reach_kind = ? AND LOWER(reach_id) = LOWER(?)")) {
            ps.setString(1, reach.kind().name());
            ps.setString(2, reach.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the device reached through " + reach.kind(), e);
        }
    }

    public synchronized int count() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM device")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("Cannot count devices", e);
        }
    }

    /** Every tag in use, sorted. */
    public synchronized List<String> tags() {
        TreeSet<String> tags = new TreeSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT tags FROM device")) {
            while (rs.next()) {
                tags.addAll(Tags.parse(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read tags", e);
        }
        return List.copyOf(tags);
    }

    /** Inserts a device without id, updates one with id; returns it with its id. */
    public synchronized Device save(Device device) {
        return device.id() == null ? insert(device) : update(device);
    }

    /** Inserts the row, then seals the password for it (its place names the new id), in one transaction. */
    public synchronized Device insert(Device device) {
        boolean outer = !autoCommit();
        try {
            connection.setAutoCommit(false);
            Device saved = insertRow(device);
            if (!outer) {
                connection.commit();
            }
            return saved;
        } catch (SQLException | RuntimeException e) {
            if (!outer) {
                rollback();
            }
            throw e instanceof SQLException sql ? translate(sql, device.name()) : (RuntimeException) e;
        } finally {
            if (!outer) {
                setAutoCommit(true);
            }
        }
    }

    private Device insertRow(Device device) throws SQLException {
        String sql = "INSERT INTO device (name, host, tags, amt_user, password_enc, tls_mode, pinned_sha256, "
                + "reach_kind, reach_id, power_state, amt_version, last_seen, wsman_port, kvm_port) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        long id;
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, device.withCredentials(device.user(), null), null);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (device.password() == null) {
            return device.withId(id);
        }
        byte[] sealed = device.password().sealedFor(box, passwordPlace(id));
        try (PreparedStatement ps = connection.prepareStatement("UPDATE device SET password_enc = ? WHERE id = ?")) {
            ps.setBytes(1, sealed);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return device.withId(id).withCredentials(device.user(), box.wrap(sealed, passwordPlace(id)));
    }

    /** Inserts many devices in one transaction (imports). */
    public synchronized List<Device> insertAll(List<Device> devices) {
        boolean auto = autoCommit();
        try {
            connection.setAutoCommit(false);
            List<Device> saved = new ArrayList<>(devices.size());
            for (Device d : devices) {
                saved.add(insert(d));
            }
            connection.commit();
            return saved;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e instanceof RuntimeException r ? r : new StoreException("Cannot import devices", e);
        } finally {
            setAutoCommit(auto);
        }
    }

    public synchronized Device update(Device device) {
        String sql = "UPDATE device SET name=?, host=?, tags=?, amt_user=?, password_enc=?, tls_mode=?, pinned_sha256=?, "
                + "reach_kind=?, reach_id=?, power_state=?, amt_version=?, last_seen=?, wsman_port=?, kvm_port=? WHERE id=?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, device, passwordPlace(device.id()));
            ps.setLong(15, device.id());
            if (ps.executeUpdate() != 1) {
                throw new StoreException("Device " + device.name() + " no longer exists", null);
            }
            return device;
        } catch (SQLException e) {
            throw translate(e, device.name());
        }
    }

    /**
     * Records what a device last said about itself without touching what the user edits; a null field
     * keeps the stored value (a power action learns the power state, not the AMT version).
     */
    public synchronized void updateState(long id, DeviceState state) {
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_STATE)) {
            bindState(ps, id, state);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the state of device " + id, e);
        }
    }

    /**
     * Names a CIRA device after the host name it reports, while it still has the name the lab listener gave it:
     * a name the user chose stays, and so does the listener's when another device has the reported name already.
     * Returns the device as renamed; empty when nothing changed.
     */
    public synchronized Optional<Device> adoptReportedName(long id, String reported) {
        Optional<Device> found = findById(id);
        if (reported == null || reported.isBlank() || found.isEmpty()
                || !found.get().reach().listenerNames().contains(found.get().name())) {
            return Optional.empty();
        }
        Device stored = found.get();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE device SET name = ? WHERE id = ? AND name = ?")) {
            ps.setString(1, reported.strip());
            ps.setLong(2, id);
            ps.setString(3, stored.name());
            return ps.executeUpdate() == 1 ? findById(id) : Optional.empty();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw new StoreException("Cannot rename device " + stored.name(), e);
        }
    }

    /**
     * As {@link #updateState} for many devices in one transaction: a fleet poll records a sweep with one
     * commit, since each H2 commit costs file space until H2 reuses it.
     */
    public synchronized void updateStates(Map<Long, DeviceState> states) {
        boolean auto = autoCommit();
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_STATE)) {
            connection.setAutoCommit(false);
            for (Map.Entry<Long, DeviceState> e : states.entrySet()) {
                bindState(ps, e.getKey(), e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("Cannot record the state of " + states.size() + " devices", e);
        } finally {
            setAutoCommit(auto);
        }
    }

    private static final String UPDATE_STATE = "UPDATE device SET power_state = COALESCE(?, power_state), "
            + "amt_version = COALESCE(?, amt_version), last_seen = COALESCE(?, last_seen) WHERE id = ?";

    private static void bindState(PreparedStatement ps, long id, DeviceState state) throws SQLException {
        ps.setString(1, state.powerState());
        ps.setString(2, state.amtVersion());
        ps.setTimestamp(3, state.lastSeen() == null ? null : Timestamp.from(state.lastSeen()));
        ps.setLong(4, id);
    }

    /**
     * Pins the device to the certificate the technician accepted; only the TLS columns change, so an edit
     * made meanwhile survives. Returns the device as stored now.
     */
    public synchronized Device pinCertificate(long id, String sha256) {
        Device pinned = findById(id).orElseThrow(() -> new StoreException("Device " + id + " no longer exists", null))
                .withTls(TlsMode.PINNED, sha256);
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE device SET tls_mode = 'PINNED', pinned_sha256 = ? WHERE id = ?")) {
            ps.setString(1, pinned.pinnedSha256());
            ps.setLong(2, id);
            ps.executeUpdate();
            return pinned;
        } catch (SQLException e) {
            throw new StoreException("Cannot pin the certificate of device " + id, e);
        }
    }

    /**
     * Switches how the console talks TLS to a device (after TLS was turned on or off on the device
     * itself); only the TLS columns change. Returns the device as stored now.
     */
    public synchronized Device changeTls(long id, TlsMode mode) {
        if (mode == TlsMode.PINNED) {
            throw new IllegalArgumentException("a pin is set with pinCertificate");
        }
        Device changed = findById(id).orElseThrow(() -> new StoreException("Device " + id + " no longer exists", null))
                .withTls(mode, null);
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE device SET tls_mode = ?, pinned_sha256 = NULL WHERE id = ?")) {
            ps.setString(1, mode.name());
            ps.setLong(2, id);
            ps.executeUpdate();
            return changed;
        } catch (SQLException e) {
            throw new StoreException("Cannot change the TLS mode of device " + id, e);
        }
    }

    /**
     * Claims a power action on device {@code id} at {@code now} unless one was sent less than {@code cooldown}
     * ago, by this process or another (one conditional UPDATE, so two claims cannot both succeed). Returns
     * empty when claimed, else when the device is free again.
     */
    public synchronized Optional<Instant> claimPowerAction(long id, Instant now, Duration cooldown) {
        try (PreparedStatement claim = connection.prepareStatement("UPDATE device SET last_power_action = ? "
                + "WHERE id = ? AND (last_power_action IS NULL OR last_power_action <= ? OR last_power_action > ?)")) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setLong(2, id);
            claim.setTimestamp(3, Timestamp.from(now.minus(cooldown)));
            // A time in the future (the clock was set back) blocks no longer than one cooldown.
            claim.setTimestamp(4, Timestamp.from(now.plus(cooldown)));
            if (claim.executeUpdate() == 1) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot record the power action on device " + id, e);
        }
        try (PreparedStatement last = connection.prepareStatement("SELECT last_power_action FROM device WHERE id = ?")) {
            last.setLong(1, id);
            try (ResultSet rs = last.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("Device " + id + " no longer exists", null);
                }
                return Optional.of(rs.getTimestamp(1).toInstant().plus(cooldown));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the last power action on device " + id, e);
        }
    }

    public synchronized boolean delete(long id) {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM device WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Cannot delete device " + id, e);
        }
    }

    public synchronized boolean deleteByName(String name) {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM device WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Cannot delete device " + name, e);
        }
    }

    private Optional<Device> findOne(String where, Object key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM device WHERE " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read device " + key, e);
        }
    }

    private void bind(PreparedStatement ps, Device d, String passwordPlace) throws SQLException {
        ps.setString(1, d.name());
        ps.setString(2, d.host());
        ps.setString(3, String.join(TAG_SEPARATOR, d.tags()));
        ps.setString(4, d.user());
        if (d.password() == null) {
            ps.setNull(5, Types.VARBINARY);
        } else {
            ps.setBytes(5, d.password().sealedFor(box, passwordPlace));
        }
        ps.setString(6, d.tls().name());
        ps.setString(7, d.pinnedSha256());
        ps.setString(8, d.reach().kind().name());
        ps.setString(9, d.reach().id());
        ps.setString(10, d.state().powerState());
        ps.setString(11, d.state().amtVersion());
        ps.setTimestamp(12, d.state().lastSeen() == null ? null : Timestamp.from(d.state().lastSeen()));
        ps.setObject(13, d.wsmanPort(), Types.INTEGER);
        ps.setObject(14, d.kvmPort(), Types.INTEGER);
    }

    private Device read(ResultSet rs) throws SQLException {
        byte[] sealed = rs.getBytes("password_enc");
        Timestamp seen = rs.getTimestamp("last_seen");
        return new Device(rs.getLong("id"), rs.getString("name"), rs.getString("host"),
                Tags.parse(rs.getString("tags")), rs.getString("amt_user"),
                sealed == null ? null : box.wrap(sealed, passwordPlace(rs.getLong("id"))),
                TlsMode.valueOf(rs.getString("tls_mode")), rs.getString("pinned_sha256"),
                new Reach(Reach.Kind.valueOf(rs.getString("reach_kind")), rs.getString("reach_id")),
                new DeviceState(rs.getString("power_state"), rs.getString("amt_version"),
                        seen == null ? null : seen.toInstant()),
                rs.getObject("wsman_port", Integer.class), rs.getObject("kvm_port", Integer.class));
    }

    private RuntimeException translate(SQLException e, String name) {
        // 23505: unique index violated, i.e. the name is taken.
        if ("23505".equals(e.getSQLState())) {
            return new DuplicateNameException(name);
        }
        return new StoreException("Cannot save device " + name, e);
    }

    private boolean autoCommit() {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new StoreException("Store connection lost", e);
        }
    }

    private void setAutoCommit(boolean value) {
        try {
            connection.setAutoCommit(value);
        } catch (SQLException e) {
            throw new StoreException("Store connection lost", e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreException("Cannot roll back", e);
        }
    }
}
