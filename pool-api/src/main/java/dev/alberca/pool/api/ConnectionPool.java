package dev.alberca.pool.api;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An open pool of database connections: a {@link DataSource} that must be closed when done.
 *
 * <pre>{@code
 * try (ConnectionPool pool = ConnectionPools.open(config)) {
 *     try (Connection c = pool.getConnection()) {          // scoped: close() gives it back
 *         ...
 *     }
 *     Connection c = pool.getConnection(Duration.ofSeconds(1));   // explicit borrow ...
 *     pool.release(c);                                              // ... and release
 * }
 * }</pre>
 *
 * <p>Every connection handed out goes back to the pool on {@link Connection#close()}, rolled back and with
 * its state (autoCommit, readOnly, isolation, schema, catalog, network timeout) restored, and its open
 * statements closed. A closed handle can't be used again. All methods are safe to call from many threads.
 */
public interface ConnectionPool extends DataSource, AutoCloseable {

    /**
     * Borrows a connection, waiting at most the configured acquire timeout.
     *
     * @throws PoolTimeoutException if every connection stays in use for the whole wait
     * @throws DatabaseUnavailableException if the database refused or could not be reached
     * @throws TooManyWaitersException if max-waiting callers are already waiting
     * @throws PoolClosedException if the pool is closed, or closes while the caller waits
     * @throws SQLException with an {@link InterruptedException} cause if the waiting thread is interrupted;
     *         its interrupt flag stays set
     */
    @Override
    Connection getConnection() throws SQLException;

    /** As {@link #getConnection()}, waiting at most {@code timeout} instead of the configured timeout. */
    Connection getConnection(Duration timeout) throws SQLException;

    /**
     * Gives back a connection borrowed from this pool: the same as closing it, but refuses a connection
     * that did not come from this pool.
     *
     * @throws IllegalArgumentException if {@code connection} belongs to another pool or to none
     */
    void release(Connection connection) throws SQLException;

    /**
     * Validates the idle connections now, closes the broken ones and opens new ones up to the minimum.
     *
     * @throws PoolClosedException if the pool is closed
     */
    void check() throws SQLException;

    /** The pool's gauges and counters at this moment. */
    PoolStats stats();

    /** The pool's name, as configured. */
    String name();

    /** The name of the provider that runs this pool: {@code simple}, {@code hikari}, {@code dbcp}, ... */
    String providerName();

    /** The configuration this pool was opened with. */
    PoolConfig config();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /**
     * Closes the pool: callers waiting for a connection fail at once with {@link PoolClosedException},
     * idle connections are closed, borrowed ones are closed when they are given back. Later borrows fail
     * as closed. Calling it again does nothing.
     */
    @Override
    void close();

    /** Not supported: a pool hands out connections of its configured user only. */
    @Override
    default Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("pool '" + name() + "' hands out connections for its configured"
                + " user only; open another pool for another user");
    }

    /** Pools log through {@code System.Logger}; there is no log writer. */
    @Override
    default PrintWriter getLogWriter() {
        return null;
    }

    /** Ignored: pools log through {@code System.Logger}. */
    @Override
    default void setLogWriter(PrintWriter out) {
        // Nothing to do: see getLogWriter.
    }

    /** Not supported: set {@code loginTimeout} as a driver property in the {@link PoolConfig}. */
    @Override
    default void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("set the login timeout as driver property loginTimeout in the"
                + " PoolConfig (alberca.driver.loginTimeout); a pool's settings do not change once open");
    }

    /** The acquire timeout in whole seconds (at least 1). */
    @Override
    default int getLoginTimeout() {
        return (int) Math.max(1, config().acquireTimeout().toSeconds());
    }

    /** Not supported: pools log through {@code System.Logger}. */
    @Override
    default Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("pools log through System.Logger, not java.util.logging directly");
    }

    /** Unwraps to this pool only. */
    @Override
    default <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("pool '" + name() + "' is not a " + iface.getName());
    }

    /** True for the pool's own types. */
    @Override
    default boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
