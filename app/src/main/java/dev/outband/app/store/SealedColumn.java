package dev.outband.app.store;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongFunction;

/** A table's sealed column ({@code password_enc} unless named), each value sealed for its row's place (see {@link SecretBox}). */
final class SealedColumn {
    /** How the value is opened with the old key: some tables still hold values of older seal versions. */
    @FunctionalInterface
    interface Opener {
        byte[] open(SecretBox from, byte[] sealed, String place) throws GeneralSecurityException;
    }

    private SealedColumn() {
    }

    /** Seals every stored value of {@code table} anew for {@code to}, in one transaction of {@code database}. */
    static void reseal(Connection database, String table, LongFunction<String> placeOf, Opener opener,
                       SecretBox from, SecretBox to) throws SQLException, GeneralSecurityException {
        reseal(database, table, "password_enc", placeOf, opener, from, to);
    }

    /** Seals every stored value of {@code table}'s {@code column} anew for {@code to}, in one transaction. */
    static void reseal(Connection database, String table, String column, LongFunction<String> placeOf, Opener opener,
                       SecretBox from, SecretBox to) throws SQLException, GeneralSecurityException {
        database.setAutoCommit(false);
        try (Statement st = database.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
             PreparedStatement update = database.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
            while (rs.next()) {
                String place = placeOf.apply(rs.getLong(1));
                update.setBytes(1, to.encrypt(opener.open(from, rs.getBytes(2), place), place));
                update.setLong(2, rs.getLong(1));
                update.executeUpdate();
            }
        }
        database.commit();
    }
}
