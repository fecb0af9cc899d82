package dev.outband.app.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Ending a transaction on the store's connection, a failure said as the store says it. */
final class Transactions {
    private Transactions() {
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new StoreException("Cannot roll back", e);
        }
    }

    static void autoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("Store connection lost", e);
        }
    }
}
