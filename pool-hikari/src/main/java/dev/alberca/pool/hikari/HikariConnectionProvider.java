package dev.alberca.pool.hikari;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.pool.HikariPool;
import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.spi.ConnectionProvider;
import dev.alberca.pool.api.spi.PhysicalConnections;

import java.time.Duration;
import java.util.Properties;

/**
 * Opens HikariCP pools ({@code hikari}). Every HikariCP setting is given explicitly from the
 * {@link PoolConfig}; values HikariCP would silently change are refused by name instead.
 */
public final class HikariConnectionProvider implements ConnectionProvider {

    @Override
    public String name() {
        return "hikari";
    }

    @Override
    public ConnectionPool open(PoolConfig config) {
        PhysicalConnections physical = new PhysicalConnections(config);
        HikariConfig hikari = map(config, physical);
        EvictOnBreak evictOnBreak = new EvictOnBreak();
        hikari.setExceptionOverride(evictOnBreak);
        hikari.validate();
        HikariPool pool = new HikariPool(hikari);
        evictOnBreak.start(pool);
        physical.onBreak(evictOnBreak);
        return new HikariConnectionPool(config, pool, physical);
    }

    /** The one place where our settings become HikariCP's. */
    static HikariConfig map(PoolConfig config, PhysicalConnections physical) {
        refuseBelow(config.acquireTimeout(), 250, "acquire-timeout");
        refuseBelow(config.validationTimeout(), 250, "validation-timeout");
        refuseBelow(config.maxLifetime(), 30_000, "max-lifetime");
        refuseBelow(config.idleTimeout(), 10_000, "idle-timeout");
        Properties extras = new Properties();
        extras.putAll(config.extrasFor("hikari"));
        HikariConfig h = new HikariConfig(extras);
        h.setPoolName(config.poolName());
        h.setDataSource(physical);
        h.setMinimumIdle(config.minSize());
        h.setMaximumPoolSize(config.maxSize());
        h.setConnectionTimeout(config.acquireTimeout().toMillis());
        h.setValidationTimeout(config.validationTimeout().toMillis());
        h.setMaxLifetime(config.maxLifetime().toMillis());
        h.setIdleTimeout(config.idleTimeout().toMillis());
        h.setLeakDetectionThreshold(0);          // the adapter reports leaks itself, as every provider does
        h.setInitializationFailTimeout(-1);      // open even while the database is down; borrows report it
        h.setAutoCommit(true);
        h.setReadOnly(false);
        h.setIsolateInternalQueries(false);
        h.setAllowPoolSuspension(false);
        h.setRegisterMbeans(false);
        h.setKeepaliveTime(0);
        // HikariCP resets the schema on return only when one is configured.
        h.setSchema(config.driverProperties().getOrDefault("currentSchema", "public"));
        config.initSql().ifPresent(h::setConnectionInitSql);
        h.setThreadFactory(r -> {
            Thread t = new Thread(r, "alberca-hikari-" + config.poolName());
            t.setDaemon(true);
            return t;
        });
        return h;
    }

    private static void refuseBelow(Duration value, long minimumMillis, String key) {
        if (!value.isZero() && value.toMillis() < minimumMillis) {
            throw new IllegalArgumentException("Provider hikari cannot honour " + key + "=" + value.toMillis()
                    + "ms: HikariCP's minimum is " + minimumMillis + "ms" + (key.endsWith("timeout")
                    && !key.equals("idle-timeout") ? "" : " (0 turns it off)") + "; raise it or use provider simple");
        }
    }
}
