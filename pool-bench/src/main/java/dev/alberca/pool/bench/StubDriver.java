package dev.alberca.pool.bench;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver with no server behind it, so that a benchmark measures the pool and nothing else. It
 * answers {@link #URL} only: a PostgreSQL-shaped URL, because every Alberca pool checks the URL's shape
 * before it connects, on a host that cannot exist ({@code .invalid}).
 */
public final class StubDriver implements Driver {

    /** The URL every stub benchmark's pool is given. */
    public static final String URL = "jdbc:postgresql://stub.invalid/bench";

    private static final StubDriver INSTANCE = new StubDriver();

    /**
     * Registers the stub and takes every other driver that would claim {@link #URL} (pgjdbc) out of
     * {@code DriverManager}, so that the pools, which look the driver up by URL, all find the stub. For
     * the benchmark JVMs only: afterwards no real PostgreSQL connection can be made in this JVM.
     */
    public static synchronized void install() throws SQLException {
        List<Driver> drivers = Collections.list(DriverManager.getDrivers());
        if (!drivers.contains(INSTANCE)) {
            DriverManager.registerDriver(INSTANCE);
        }
        for (Driver d : drivers) {
            if (d != INSTANCE && d.acceptsURL(URL)) {
                DriverManager.deregisterDriver(d);
            }
        }
    }

    @Override
    public Connection connect(String url, Properties info) {
        return acceptsURL(url) ? new StubConnection() : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the stub driver does not log");
    }
}
