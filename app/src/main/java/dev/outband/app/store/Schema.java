package dev.outband.app.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * Migrations and the version of the newest one. Flyway runs only when a database is behind: on a
 * current store one query on Flyway's history table replaces Flyway's start-up (classpath scan,
 * validation), a few hundred milliseconds of a two-core machine's cold start.
 */
final class Schema {
    /** The device store's; SchemaTest fails when a migration is added without raising the version here. */
    static final Schema DEVICES = new Schema("5", "classpath:db/migration");
    private static final String HISTORY = "flyway_schema_history";

    private final String latest;
    private final String[] locations;

    Schema(String latest, String... locations) {
        this.latest = latest;
        this.locations = locations.clone();
    }

    /** Migrates the database at {@code url} unless it is current; {@code connection} is open on it. */
    void migrate(Connection connection, String url) {
        migrate(connection, url, "");
    }

    /** The same for a database that needs a password (an encrypted file's). */
    void migrate(Connection connection, String url, String password) {
        if (!isCurrent(connection)) {
            Flyway.configure().dataSource(url, "sa", password).locations(locations).load().migrate();
        }
    }

    /** True when the last migration Flyway recorded is the newest one and succeeded. */
    boolean isCurrent(Connection connection) {
        // A new store has no history table; querying it anyway is an error H2 writes to outband.trace.db.
        if (!hasHistory(connection)) {
            return false;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\" "
                     + "ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() && latest.equals(rs.getString(1)) && rs.getBoolean(2);
        } catch (SQLException e) {
            // A history table this build does not understand: Flyway decides.
            return false;
        }
    }

    private static boolean hasHistory(Connection connection) {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, HISTORY, null)) {
            return tables.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
