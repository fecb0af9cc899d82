package dev.outband.app.store;

import dev.outband.app.store.ActivationProfile.Consent;
import dev.outband.app.store.ActivationProfile.ControlMode;
import dev.outband.app.store.ActivationProfile.Network;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Activation profiles in the H2 store, on the device repository's connection and lock. Each secret is sealed for
 * its row and column, as device passwords are; names are unique and found whatever their case (as DMT's).
 */
public final class ProfileRepository {
    private static final String TABLE = "activation_profile";
    private static final List<String> SEALED = List.of("password_enc", "mebx_password_enc", "pkcs12_enc",
            "pkcs12_password_enc");
    private static final String COLUMNS = "id, name, control_mode, " + String.join(", ", SEALED)
            + ", dns_suffix, tls, cira_address, cira_port, user_consent, kvm, sol, ider, network";
    private static final String UNSAVED = TABLE + "/unsaved";

    private final DeviceRepository devices;

    ProfileRepository(DeviceRepository devices) {
        this.devices = devices;
    }

    /** Seals a clear-text password or certificate with this store's key. */
    public Secret seal(String clearText) {
        return devices.box().seal(clearText, UNSAVED);
    }

    static String place(long id, String column) {
        return TABLE + "/" + id + "/" + column;
    }

    /** Every profile, ordered by name. */
    public List<ActivationProfile> findAll() {
        synchronized (devices) {
            try (Statement st = devices.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY name")) {
                List<ActivationProfile> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs));
                }
                return all;
            } catch (SQLException e) {
                throw new StoreException("Cannot read activation profiles", e);
            }
        }
    }

    public Optional<ActivationProfile> findByName(String name) {
        return findAll().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Inserts a new profile ({@code id} null) or replaces the stored one with the same id, secrets sealed for the row. */
    public ActivationProfile save(ActivationProfile profile) {
        synchronized (devices) {
            // The client names profiles in any case (rps finds them so): two that differ only in case could not be told apart.
            if (findAll().stream().anyMatch(p -> p.name().equalsIgnoreCase(profile.name()) && !p.id().equals(profile.id()))) {
                throw new DuplicateNameException(profile.name());
            }
            Connection c = devices.connection();
            try {
                c.setAutoCommit(false);
                long id = profile.id() == null ? insertRow(c, profile) : profile.id();
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET name = ?, control_mode = ?, "
                        + String.join(" = ?, ", SEALED) + " = ?, dns_suffix = ?, tls = ?, cira_address = ?, cira_port = ?, "
                        + "user_consent = ?, kvm = ?, sol = ?, ider = ?, network = ? WHERE id = ?")) {
                    ps.setString(1, profile.name());
                    ps.setString(2, profile.controlMode().name());
                    List<Secret> secrets = secrets(profile);
                    for (int i = 0; i < SEALED.size(); i++) {
                        Secret s = secrets.get(i);
                        if (s == null) {
                            ps.setNull(3 + i, Types.VARBINARY);
                        } else {
                            ps.setBytes(3 + i, s.sealedFor(devices.box(), place(id, SEALED.get(i))));
                        }
                    }
                    ps.setString(7, profile.dnsSuffix());
                    ps.setBoolean(8, profile.tls());
                    ps.setString(9, profile.callHomeAddress());
                    ps.setInt(10, profile.callHomePort());
                    ps.setString(11, profile.userConsent().name());
                    ps.setBoolean(12, profile.kvm());
                    ps.setBoolean(13, profile.sol());
                    ps.setBoolean(14, profile.ider());
                    ps.setString(15, profile.network().name());
                    ps.setLong(16, id);
                    if (ps.executeUpdate() != 1) {
                        throw new StoreException("Activation profile " + profile.name() + " no longer exists", null);
                    }
                }
                c.commit();
                return findAll().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
            } catch (SQLException e) {
                Transactions.rollback(c);
                if ("23505".equals(e.getSQLState())) {
                    throw new DuplicateNameException(profile.name());
                }
                throw new StoreException("Cannot save activation profile " + profile.name(), e);
            } finally {
                Transactions.autoCommit(c);
            }
        }
    }

    public boolean delete(String name) {
        synchronized (devices) {
            try (PreparedStatement ps = devices.connection().prepareStatement(
                    "DELETE FROM " + TABLE + " WHERE LOWER(name) = LOWER(?)")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new StoreException("Cannot delete activation profile " + name, e);
            }
        }
    }

    /** Records that the AMT with this UUID became {@code deviceId}, activated with {@code profile}. */
    public void recordActivation(String uuid, long deviceId, String profile, Instant at) {
        synchronized (devices) {
            try (PreparedStatement ps = devices.connection().prepareStatement("MERGE INTO activation_record "
                    + "(uuid, device_id, profile, activated_at) KEY (uuid) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, uuid.toLowerCase(Locale.ROOT));
                ps.setLong(2, deviceId);
                ps.setString(3, profile);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("Cannot record the activation of " + uuid, e);
            }
        }
    }

    /** The stored device the AMT with this UUID was activated as, if it still is. */
    public Optional<Device> activatedDevice(String uuid) {
        synchronized (devices) {
            try (PreparedStatement ps = devices.connection().prepareStatement(
                    "SELECT device_id FROM activation_record WHERE uuid = ?")) {
                ps.setString(1, uuid.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? devices.findById(rs.getLong(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("Cannot read the activation of " + uuid, e);
            }
        }
    }

    public void forgetActivation(String uuid) {
        synchronized (devices) {
            try (PreparedStatement ps = devices.connection().prepareStatement(
                    "DELETE FROM activation_record WHERE uuid = ?")) {
                ps.setString(1, uuid.toLowerCase(Locale.ROOT));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("Cannot forget the activation of " + uuid, e);
            }
        }
    }

    /** Seals every profile secret anew for {@code to}, in {@code database}; a store from before profiles has none. */
    static void resealSecrets(Connection database, SecretBox from, SecretBox to)
            throws SQLException, GeneralSecurityException {
        try (ResultSet tables = database.getMetaData().getTables(null, null, TABLE.toUpperCase(), null)) {
            if (!tables.next()) {
                return;
            }
        }
        for (String column : SEALED) {
            SealedColumn.reseal(database, TABLE, column, id -> place(id, column), SecretBox::decrypt, from, to);
        }
    }

    private static long insertRow(Connection c, ActivationProfile profile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (name, control_mode) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, profile.name());
            ps.setString(2, profile.controlMode().name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<Secret> secrets(ActivationProfile p) {
        return java.util.Arrays.asList(p.adminPassword(), p.mebxPassword(), p.pkcs12(), p.pkcs12Password());
    }

    private ActivationProfile read(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Secret> secrets = new ArrayList<>();
        for (String column : SEALED) {
            byte[] sealed = rs.getBytes(column);
            secrets.add(sealed == null ? null : devices.box().wrap(sealed, place(id, column)));
        }
        return new ActivationProfile(id, rs.getString("name"), ControlMode.valueOf(rs.getString("control_mode")),
                secrets.get(0), secrets.get(1), secrets.get(2), secrets.get(3), rs.getString("dns_suffix"),
                rs.getBoolean("tls"), rs.getString("cira_address"), rs.getInt("cira_port"),
                Consent.valueOf(rs.getString("user_consent")), rs.getBoolean("kvm"), rs.getBoolean("sol"),
                rs.getBoolean("ider"), Network.valueOf(rs.getString("network")));
    }
}
