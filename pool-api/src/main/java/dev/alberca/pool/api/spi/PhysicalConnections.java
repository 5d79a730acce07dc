package dev.alberca.pool.api.spi;

import dev.alberca.pool.api.PoolConfig;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes a pool's physical connections, for providers that adapt a pool library: the library calls
 * {@link #getConnection()} and gets {@link PhysicalConnection}s that know their pool, notice when they
 * break, and can put back the session state a borrower changed. Counts what it made and what broke.
 *
 * <pre>{@code
 * PhysicalConnections physical = new PhysicalConnections(config);
 * hikariConfig.setDataSource(physical);          // or a DBCP ConnectionFactory: physical::getConnection
 * ...
 * boolean mine = physical.owns(handleFromCaller); // for ConnectionPool.release
 * }</pre>
 *
 * <p>Connections come from the driver that accepts the URL, with {@link PoolConfig#connectionProperties()}:
 * credentials and the safe timeouts travel as driver properties, never through JVM-wide
 * {@code DriverManager.setLoginTimeout}.
 */
public final class PhysicalConnections implements DataSource {

    private final String url;
    private final String poolName;
    private final Properties properties;
    private final LongAdder created = new LongAdder();
    private final LongAdder lost = new LongAdder();

    /** @param config the pool's checked config */
    public PhysicalConnections(PoolConfig config) {
        this.url = config.url();
        this.poolName = config.poolName();
        this.properties = config.connectionProperties();
    }

    /** Opens a new physical connection. */
    @Override
    public PhysicalConnection getConnection() throws SQLException {
        Driver driver = DriverManager.getDriver(url);
        Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("no JDBC driver accepts the URL of pool '" + poolName + "'", "08001");
        }
        try {
            PhysicalConnection p = new PhysicalConnection(c, this);
            created.increment();
            return p;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Whether {@code handle} is a pooled connection made here (not a physical connection itself). */
    public boolean owns(Connection handle) {
        if (handle == null || handle instanceof PhysicalConnection) {
            return false;
        }
        try {
            return handle.isWrapperFor(PhysicalConnection.class)
                    && handle.unwrap(PhysicalConnection.class).owner() == this;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Physical connections opened so far. */
    public long created() {
        return created.sum();
    }

    /** Physical connections found broken: a failed validity check or a connection error. */
    public long lost() {
        return lost.sum();
    }

    /** The name of the pool these connections belong to. */
    public String poolName() {
        return poolName;
    }

    void lost(PhysicalConnection c) {
        lost.increment();
    }

    /** Not supported: a pool's connections all use its configured user. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("pool '" + poolName + "' connects with its configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through System.Logger.
    }

    /** Ignored: the login timeout is the driver property {@code loginTimeout} of the pool's config. */
    @Override
    public void setLoginTimeout(int seconds) {
        // Pool libraries call this; the driver property already bounds the login, JVM-wide state stays untouched.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
