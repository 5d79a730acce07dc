package dev.alberca.pool.simple;

import dev.alberca.pool.api.PoolConfig;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens one physical connection: the driver in production, a stub in tests. */
@FunctionalInterface
interface ConnectionFactory {

    /** A new physical connection; may block up to the driver's login timeout. */
    Connection connect() throws SQLException;

    /** Connections from the JDBC driver that accepts the config's URL, with its properties. */
    static ConnectionFactory driver(PoolConfig config) {
        String url = config.url();
        Properties properties = config.connectionProperties(); // holds the password: never log it
        String shown = config.maskedUrl();
        return () -> {
            // Looked up per connect, not once at open: a driver registered after the pool opened is found too.
            Driver driver = DriverManager.getDriver(url);
            Connection c = driver.connect(url, properties);
            if (c == null) {
                throw new SQLException("the JDBC driver " + driver.getClass().getName() + " does not accept " + shown,
                        "08001");
            }
            return c;
        };
    }
}
