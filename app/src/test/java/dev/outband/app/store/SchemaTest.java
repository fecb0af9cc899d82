package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    private static final String ONE = "classpath:db/schema-test/one";
    private static final String TWO = "classpath:db/schema-test/two";

    @TempDir
    Path folder;

    private String url() {
        return "jdbc:h2:file:" + folder.resolve("schema").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    }

    @Test
    void theDeviceSchemaIsCurrentOnceFlywayAppliedEveryMigration() throws Exception {
        try (Connection c = connect()) {
            Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").load().migrate();
            assertThat(Schema.DEVICES.isCurrent(c)).as("Schema.DEVICES names the newest migration").isTrue();
        }
    }

    @Test
    void aStoreAnOlderBuildLeftIsMigrated() throws Exception {
        try (Connection c = connect()) {
            new Schema("1", ONE).migrate(c, url());
            Schema newer = new Schema("2", ONE, TWO);
            assertThat(newer.isCurrent(c)).isFalse();

            newer.migrate(c, url());

            assertThat(newer.isCurrent(c)).isTrue();
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO gadget (id, colour) VALUES (1, 'red')");
            }
        }
    }

    @Test
    void aCurrentStoreOpensWithoutFlyway() throws Exception {
        Schema schema = new Schema("1", ONE);
        try (Connection c = connect()) {
            schema.migrate(c, url());
            try (Statement st = c.createStatement()) {
                // A checksum Flyway would refuse: only a skipped Flyway lets the store open.
                st.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42");
            }
            assertThatThrownBy(() -> Flyway.configure().dataSource(url(), "sa", "").locations(ONE).load().migrate())
                    .isInstanceOf(FlywayValidateException.class);

            schema.migrate(c, url());
            assertThat(schema.isCurrent(c)).isTrue();
        }
    }

    @Test
    void aNewDatabaseIsNotCurrent() throws Exception {
        try (Connection c = connect()) {
            assertThat(Schema.DEVICES.isCurrent(c)).isFalse();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }
}
