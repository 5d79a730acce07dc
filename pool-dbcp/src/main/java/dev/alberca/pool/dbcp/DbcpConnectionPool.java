package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.PoolStats;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.TooManyWaitersException;
import dev.alberca.pool.api.spi.BorrowCounters;
import dev.alberca.pool.api.spi.PhysicalConnection;
import dev.alberca.pool.api.spi.PhysicalConnections;
import org.apache.commons.dbcp2.PoolableConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** A DBCP2 pool seen through the Alberca API: errors, stats, release, check and close translated. */
final class DbcpConnectionPool implements ConnectionPool {

    private final PoolConfig config;
    private final RefillingObjectPool pool;
    private final ResettingConnectionFactory factory;
    private final Runnable onBreak; // made once: a method reference per borrow was one more object per borrow
    private final PhysicalConnections physical;
    private final BorrowCounters counters = new BorrowCounters();
    private volatile boolean closed;

    DbcpConnectionPool(PoolConfig config, RefillingObjectPool pool, ResettingConnectionFactory factory,
                       PhysicalConnections physical) {
        this.config = config;
        this.pool = pool;
        this.factory = factory;
        this.onBreak = factory::broke;
        this.physical = physical;
        try {
            pool.preparePool(); // start filling to min-size; a database that is down only fails borrows
        } catch (Exception e) {
            // The evictor keeps trying every second.
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return borrow(null);
    }

    @Override
    public Connection getConnection(Duration timeout) throws SQLException {
        return borrow(timeout);
    }

    private Connection borrow(Duration wait) throws SQLException {
        if (closed) {
            throw new PoolClosedException(config.poolName());
        }
        if (config.maxWaiting() != PoolConfig.UNLIMITED && pool.getNumWaiters() >= config.maxWaiting()
                && pool.getNumIdle() == 0) {
            throw new TooManyWaitersException(config.poolName(), config.maxWaiting(), stats());
        }
        long start = System.nanoTime();
        PoolableConnection pooled;
        try {
            // DBCP2 checks and connects on this thread with no overall limit: bound both by the borrow's deadline.
            PhysicalConnections.setDeadline(start + (wait == null ? config.acquireTimeout() : wait).toNanos());
            pooled = wait == null ? pool.borrowObject() : pool.borrowObject(wait);
        } catch (Exception e) {
            throw translate(e, start);
        } finally {
            PhysicalConnections.clearDeadline();
        }
        PhysicalConnection physical = ResettingConnectionFactory.physical(pooled);
        counters.borrowed(physical, System.nanoTime() - start);
        return new LentConnection(pooled, physical, onBreak);
    }

    /** What DBCP2's pool threw, as the API's errors. */
    private SQLException translate(Exception e, long start) {
        if (closed) {
            // close() interrupted the wait (an InterruptedException): that was not the caller's interrupt.
            return new PoolClosedException(config.poolName());
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new SQLException("pool '" + config.poolName() + "': the thread was interrupted while getting a"
                    + " connection; its interrupt flag stays set", null, e);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        counters.timedOut();
        // DBCP2 times out, or fails to activate or validate a new connection, with NoSuchElementException; a
        // connection attempt that failed comes as the driver's SQLException.
        Throwable cause = e instanceof NoSuchElementException ? e.getCause() : e;
        if (cause instanceof SQLException) {
            return new DatabaseUnavailableException(config.poolName(), waited, (SQLException) cause);
        }
        if (cause == null) {
            return new PoolTimeoutException(config.poolName(), waited, stats());
        }
        return new SQLException("pool '" + config.poolName() + "' failed to give a connection: " + cause, cause);
    }

    @Override
    public void release(Connection connection) throws SQLException {
        physical.release(connection);
    }

    @Override
    public void check() throws SQLException {
        if (closed) {
            throw new PoolClosedException(config.poolName());
        }
        // Each borrow below checks the connection (as if one had just broken, even one given back a moment
        // ago): the broken ones are dropped on the way.
        factory.broke();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = pool.getNumIdle(); i > 0; i--) {
                taken.add(borrow(config.validationTimeout()));
                counters.unborrowed(); // the check's own borrows are not the users'
            }
        } catch (SQLException e) {
            // Fewer idle connections than counted, or the database is down: what was taken goes back.
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        try {
            pool.preparePool();
        } catch (Exception e) {
            throw new DatabaseUnavailableException(config.poolName(), Duration.ZERO,
                    e instanceof SQLException ? (SQLException) e : new SQLException(e.getMessage(), "08001", e));
        }
    }

    @Override
    public PoolStats stats() {
        int active = pool.getNumActive();
        int idle = closed ? 0 : pool.getNumIdle();
        return counters.stats(config, physical, active, idle, closed ? 0 : pool.getNumWaiters());
    }

    @Override
    public String name() {
        return config.poolName();
    }

    @Override
    public String providerName() {
        return "dbcp";
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        physical.close();
        pool.close(); // closes idle connections, wakes waiters; borrowed ones are closed when returned
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + config.poolName() + ", provider=dbcp, url=" + config.maskedUrl() + ", " + stats() + "]";
    }
}
