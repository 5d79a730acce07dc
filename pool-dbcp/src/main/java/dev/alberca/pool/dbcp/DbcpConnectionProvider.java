package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.spi.ConnectionProvider;
import dev.alberca.pool.api.spi.PhysicalConnections;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.time.Duration;
import java.util.List;

/**
 * Opens Commons DBCP2 pools ({@code dbcp}). DBCP2's defaults wait forever and never evict; every setting
 * is given here explicitly from the {@link PoolConfig}.
 */
public final class DbcpConnectionProvider implements ConnectionProvider {

    @Override
    public String name() {
        return "dbcp";
    }

    @Override
    public ConnectionPool open(PoolConfig config) {
        if (!config.extrasFor("dbcp").isEmpty()) {
            throw new IllegalArgumentException("Provider dbcp takes no extras, but got " + config.extrasFor("dbcp")
                    .keySet() + "; remove the dbcp.* extras");
        }
        PhysicalConnections physical = new PhysicalConnections(config);
        ResettingConnectionFactory factory = map(config, physical);
        RefillingObjectPool pool = new RefillingObjectPool(factory, poolSettings(config), config.poolName(), factory::broke);
        factory.setPool(pool);
        physical.onBreak(factory::broke);
        return new DbcpConnectionPool(config, pool, factory, physical);
    }

    /** The one place where our settings become DBCP2's: how connections are made, checked and reset. */
    static ResettingConnectionFactory map(PoolConfig config, PhysicalConnections physical) {
        ResettingConnectionFactory f = new ResettingConnectionFactory(physical::getConnection, config.maxLifetime());
        f.setDefaultAutoCommit(true);
        f.setDefaultReadOnly(false);
        f.setRollbackOnReturn(true);
        f.setAutoCommitOnReturn(true);
        f.setCacheState(false);                             // the borrower's handle sits below it (LentConnection)
        f.setFastFailValidation(true);                     // a connection error on the handle skips the round trip
        f.setValidationQueryTimeout(config.validationTimeout());
        f.setPoolStatements(false);
        config.initSql().ifPresent(sql -> f.setConnectionInitSql(List.of(sql)));
        return f;
    }

    /** How the object pool sizes, waits and evicts. */
    static GenericObjectPoolConfig<PoolableConnection> poolSettings(PoolConfig config) {
        GenericObjectPoolConfig<PoolableConnection> p = new GenericObjectPoolConfig<>();
        p.setMaxTotal(config.maxSize());
        p.setMaxIdle(config.maxSize());
        p.setMinIdle(config.minSize());
        p.setMaxWait(config.acquireTimeout());             // DBCP2 waits forever by default
        p.setBlockWhenExhausted(true);
        // Not a fair lock: DBCP2 takes its idle-deque lock on every borrow and return, and a fair lock hands
        // it to the longest waiter even when that thread is off-core, a convoy that cut DAO throughput by
        // half at 8 threads on 2 cores. Waiters are still woken oldest first; a newcomer may take a free
        // connection before a woken waiter does, and every wait stays bounded by the acquire timeout.
        p.setFairness(false);
        p.setLifo(true);
        p.setTestOnCreate(false);
        p.setTestOnBorrow(true);                           // unless given back < 500 ms ago (the factory)
        p.setTestOnReturn(false);
        p.setTestWhileIdle(false);
        // The evictor (off by default) keeps min-size and retires idle connections past idle-timeout.
        p.setTimeBetweenEvictionRuns(Duration.ofSeconds(1));
        p.setNumTestsPerEvictionRun(config.maxSize());
        p.setMinEvictableIdleDuration(Duration.ofMillis(-1));
        p.setSoftMinEvictableIdleDuration(config.idleTimeout().isZero() ? Duration.ofMillis(-1) : config.idleTimeout());
        p.setJmxEnabled(false);
        // pool2's mean idle, active and wait times (clock reads, Durations, a shared ring on every borrow and
        // return): nobody reads them, the pool's stats() counts borrows and waits in the connections.
        p.setCollectDetailedStatistics(false);
        return p;
    }
}
