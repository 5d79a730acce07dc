package dev.alberca.pool.simple;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The state of a fresh connection, read once from the first one the pool opens: what a returned
 * connection is restored to.
 */
record ConnectionDefaults(boolean autoCommit, boolean readOnly, int isolation, String schema, String catalog,
                          int networkTimeout) {

    static ConnectionDefaults capture(Connection c) throws SQLException {
        return new ConnectionDefaults(c.getAutoCommit(), c.isReadOnly(), c.getTransactionIsolation(), schema(c),
                c.getCatalog(), networkTimeout(c));
    }

    // Older drivers lack these two; a pool over them must still work, it just cannot restore them.
    private static String schema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    private static int networkTimeout(Connection c) {
        try {
            return c.getNetworkTimeout();
        } catch (SQLException | AbstractMethodError e) {
            return -1;
        }
    }
}
