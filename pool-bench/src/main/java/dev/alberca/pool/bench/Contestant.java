package dev.alberca.pool.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.PoolConfig;
import org.apache.commons.dbcp2.DriverManagerConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.dbcp2.PoolingDataSource;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The pools in the race, by the name the benchmarks take as {@code @Param}: {@code simple}, {@code hikari}
 * and {@code dbcp} through Alberca's API, and {@code raw-hikari} and {@code raw-dbcp}, the libraries used
 * directly with the settings our adapters give them, which prices the adapters.
 *
 * <p>Equal obligations: every contestant starts with autoCommit on, rolls back work left open on return,
 * resets the session state a borrower changed, and closes the statements it left open. HikariCP lends a
 * connection used in the last 500 ms unchecked, as Alberca's pools do; DBCP2 used directly checks on
 * every borrow ({@code testOnBorrow}), as our adapter did before it learnt the same 500 ms rule.
 */
final class Contestant implements AutoCloseable {

    /** Every contestant, in the order tables list them. */
    static final String[] ALL = {"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"};

    private final DataSource dataSource;
    private final AutoCloseable closer;

    private Contestant(DataSource dataSource, AutoCloseable closer) {
        this.dataSource = dataSource;
        this.closer = closer;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Opens contestant {@code name} with {@code config}'s URL, credentials, sizes, timeouts and driver properties. */
    static Contestant open(String name, PoolConfig config) throws SQLException {
        switch (name) {
            case "simple":
            case "hikari":
            case "dbcp":
                ConnectionPool pool = ConnectionPools.open(config.toBuilder().provider(name).build());
                return new Contestant(pool, pool);
            case "raw-hikari":
                HikariDataSource hikari = new HikariDataSource(rawHikari(config));
                return new Contestant(hikari, hikari);
            case "raw-dbcp":
                return rawDbcp(config);
            default:
                throw new IllegalArgumentException("unknown contestant '" + name + "'; expected one of "
                        + String.join(", ", ALL));
        }
    }

    /** A config for a benchmark pool: {@code min} to {@code max} connections, an 8 s acquire timeout. */
    static PoolConfig config(String url, String user, String password, int min, int max) {
        PoolConfig.Builder b = PoolConfig.builder().url(url).minSize(min).maxSize(max)
                .acquireTimeout(Duration.ofSeconds(8)).poolName("bench-" + max);
        if (user != null) {
            b.user(user);
        }
        if (password != null) {
            b.password(password);
        }
        return b.build();
    }

    /** HikariCP as pool-hikari configures it, minus the adapter (and its PhysicalConnection wrapper). */
    private static HikariConfig rawHikari(PoolConfig config) {
        HikariConfig h = new HikariConfig();
        h.setPoolName(config.poolName());
        h.setJdbcUrl(config.url());
        h.setDataSourceProperties(config.connectionProperties()); // user, password, the safe driver timeouts
        h.setMinimumIdle(config.minSize());
        h.setMaximumPoolSize(config.maxSize());
        h.setConnectionTimeout(config.acquireTimeout().toMillis());
        h.setValidationTimeout(config.validationTimeout().toMillis());
        h.setMaxLifetime(config.maxLifetime().toMillis());
        h.setIdleTimeout(config.idleTimeout().toMillis());
        h.setLeakDetectionThreshold(0);
        h.setInitializationFailTimeout(-1);
        h.setAutoCommit(true);
        h.setReadOnly(false);
        h.setIsolateInternalQueries(false);
        h.setAllowPoolSuspension(false);
        h.setRegisterMbeans(false);
        h.setKeepaliveTime(0);
        h.setSchema("public");
        return h;
    }

    /** DBCP2 as pool-dbcp configures it, minus the adapter. */
    private static Contestant rawDbcp(PoolConfig config) {
        PoolableConnectionFactory f = new PoolableConnectionFactory(
                new DriverManagerConnectionFactory(config.url(), config.connectionProperties()), null);
        f.setDefaultAutoCommit(true);
        f.setDefaultReadOnly(false);
        f.setRollbackOnReturn(true);
        f.setAutoCommitOnReturn(true);
        f.setCacheState(true);
        f.setFastFailValidation(true);
        f.setValidationQueryTimeout(config.validationTimeout());
        f.setMaxConn(config.maxLifetime());
        f.setPoolStatements(false);
        GenericObjectPoolConfig<PoolableConnection> p = new GenericObjectPoolConfig<>();
        p.setMaxTotal(config.maxSize());
        p.setMaxIdle(config.maxSize());
        p.setMinIdle(config.minSize());
        p.setMaxWait(config.acquireTimeout());
        p.setBlockWhenExhausted(true);
        p.setFairness(false);
        p.setLifo(true);
        p.setTestOnCreate(false);
        p.setTestOnBorrow(true);
        p.setTestOnReturn(false);
        p.setTestWhileIdle(false);
        p.setTimeBetweenEvictionRuns(Duration.ofSeconds(1));
        p.setNumTestsPerEvictionRun(config.maxSize());
        p.setMinEvictableIdleDuration(Duration.ofMillis(-1));
        p.setSoftMinEvictableIdleDuration(config.idleTimeout());
        p.setJmxEnabled(false);
        p.setCollectDetailedStatistics(false);
        GenericObjectPool<PoolableConnection> pool = new GenericObjectPool<>(f, p);
        f.setPool(pool);
        try {
            pool.preparePool();
        } catch (Exception e) {
            throw new IllegalStateException("raw-dbcp could not fill to min-size " + config.minSize(), e);
        }
        return new Contestant(new PoolingDataSource<>(pool), pool);
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    @Override
    public String toString() {
        return dataSource.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
