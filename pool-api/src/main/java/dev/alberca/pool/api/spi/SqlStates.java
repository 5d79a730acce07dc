package dev.alberca.pool.api.spi;

import java.sql.SQLException;

/**
 * How providers read an {@link SQLException}: did the connection break, and is the database the reason
 * a connection could not be made. One reading for every provider, so all evict and report alike.
 *
 * <pre>{@code
 * catch (SQLException e) {
 *     if (SqlStates.isConnectionBroken(e)) { discard(connection); }
 * }
 * }</pre>
 */
public final class SqlStates {

    private SqlStates() {
    }

    /**
     * True when the connection that threw can't be trusted again: SQLState class 08 (connection
     * exception) or 57P01-57P03 (administrator shutdown, crash shutdown, cannot connect now), anywhere in
     * the cause chain. A statement timeout (57014) or a constraint error does not count.
     */
    public static boolean isConnectionBroken(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String s = ((SQLException) t).getSQLState();
                if (s != null && (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the failure of a connection attempt is the database's answer that retrying soon won't
     * change: bad credentials (class 28, or 08004 when no password was given) or an unknown database (3D000).
     */
    public static boolean isLoginRefused(SQLException e) {
        String s = e.getSQLState();
        return s != null && (s.startsWith("28") || s.equals("3D000") || s.equals("08004"));
    }
}
