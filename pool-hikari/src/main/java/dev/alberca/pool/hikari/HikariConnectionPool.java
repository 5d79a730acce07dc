package dev.alberca.pool.hikari;

import com.zaxxer.hikari.pool.HikariPool;
import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.PoolStats;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.TooManyWaitersException;
import dev.alberca.pool.api.spi.PhysicalConnection;
import dev.alberca.pool.api.spi.PhysicalConnections;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A HikariCP pool seen through the Alberca API: errors, stats, release, check and close translated. */
final class HikariConnectionPool extends PaddedBorrowFields implements ConnectionPool {

    // The borrow path's fields (pool, counters, timeoutMillis, closed) are in PaddedBorrowFields.
    private final PoolConfig config;
    private final PhysicalConnections physical;
    private final Waiters waiters = new Waiters();

    HikariConnectionPool(PoolConfig config, HikariPool pool, PhysicalConnections physical) {
        super(pool, config.acquireTimeout().toMillis());
        this.config = config;
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return borrow(timeoutMillis);
    }

    @Override
    public Connection getConnection(Duration timeout) throws SQLException {
        return borrow(timeout.toMillis());
    }

    /**
     * The common case, kept small so that it inlines: a free connection, taken at once; it counts as a
     * borrow with no wait. Anything else goes to {@link #borrowSlow}.
     */
    private Connection borrow(long millis) throws SQLException {
        if (closed) {
            throw new PoolClosedException(config.poolName());
        }
        Connection c;
        try {
            c = pool.getConnection(0);
        } catch (SQLException none) {
            return borrowSlow(millis, none);
        }
        PhysicalConnection physical = c.unwrap(PhysicalConnection.class);
        counters.borrowedAtOnce(physical);
        physical.borrowed(); // a no-op unless leak detection is on
        return c;
    }

    private Connection borrowSlow(long millis, SQLException none) throws SQLException {
        if (none.getCause() instanceof InterruptedException) {
            throw none;
        }
        // A failed first try may have spent up to the validation timeout checking an idle connection.
        long start = System.nanoTime() - PhysicalConnections.recentCheckNanos(50_000_000L);
        // It will wait: only now register, so that close() can wake it.
        if (config.maxWaiting() != PoolConfig.UNLIMITED && pool.getThreadsAwaitingConnection() >= config.maxWaiting()) {
            throw new TooManyWaitersException(config.poolName(), config.maxWaiting(), stats());
        }
        long left = Math.max(1, millis - (System.nanoTime() - start) / 1_000_000);
        Connection c;
        PhysicalConnections.setDeadline(start + millis * 1_000_000L); // a check must not outlast the wait
        try {
            c = waiters.await(() -> pool.getConnection(left), this::closedError, e -> translate(e, start));
        } finally {
            PhysicalConnections.clearDeadline();
        }
        long waited = System.nanoTime() - start;
        PhysicalConnection physical = c.unwrap(PhysicalConnection.class);
        counters.borrowed(physical, waited);
        physical.borrowed(); // a no-op unless leak detection is on
        return c;
    }

    private SQLException closedError() {
        return new PoolClosedException(config.poolName());
    }

    private SQLException translate(SQLException e, long start) {
        if (closed) {
            return new PoolClosedException(config.poolName());
        }
        if (e.getCause() instanceof InterruptedException) {
            return e;
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        counters.timedOut();
        if (e.getCause() instanceof SQLException) {
            return new DatabaseUnavailableException(config.poolName(), waited, (SQLException) e.getCause());
        }
        PoolStats now = stats();
        if (now.total() < now.max()) {
            // Room to grow, yet no connection came: the attempts to connect are still hanging.
            return DatabaseUnavailableException.noAnswer(config.poolName(), waited);
        }
        return new PoolTimeoutException(config.poolName(), waited, now);
    }

    @Override
    public void release(Connection connection) throws SQLException {
        // Only HikariCP's handles; a raw connection would pass as "already closed" once closed.
        physical.release(connection instanceof com.zaxxer.hikari.pool.ProxyConnection ? connection : null);
    }

    @Override
    public void check() throws SQLException {
        if (closed) {
            throw new PoolClosedException(config.poolName());
        }
        int seconds = (int) Math.max(1, config.validationTimeout().toSeconds());
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = pool.getIdleConnections(); i > 0; i--) {
                taken.add(pool.getConnection(config.validationTimeout().toMillis()));
            }
        } catch (SQLException e) {
            // Fewer idle connections than counted: others borrowed some meanwhile.
        }
        for (Connection c : taken) {
            if (!c.isValid(seconds)) {
                pool.evictConnection(c);
            }
            c.close();
        }
        long end = System.nanoTime() + config.acquireTimeout().toNanos();
        while (pool.getTotalConnections() < config.minSize() && System.nanoTime() < end && !closed) {
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PoolStats stats() {
        int active = closed ? 0 : pool.getActiveConnections();
        int idle = closed ? 0 : pool.getIdleConnections();
        return counters.stats(config, physical, active, idle, closed ? 0 : pool.getThreadsAwaitingConnection());
    }

    @Override
    public String name() {
        return config.poolName();
    }

    @Override
    public String providerName() {
        return "hikari";
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
        waiters.cancelAll();
        physical.close();
        try {
            pool.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + config.poolName() + ", provider=hikari, url=" + config.maskedUrl() + ", " + stats() + "]";
    }
}
