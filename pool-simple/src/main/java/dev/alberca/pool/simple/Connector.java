package dev.alberca.pool.simple;

import dev.alberca.pool.api.spi.SqlStates;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Opens physical connections on a background daemon thread, one at a time, while the pool wants them:
 * below its minimum, or more waiters than connections on the way. Borrowers never connect themselves, so a
 * driver that hangs cannot keep them past their deadline. After a failure it waits with {@link Backoff}
 * (100 ms doubling to 5 s) before the next attempt, so a database that is down is not hammered.
 */
final class Connector {

    private static final System.Logger LOG = System.getLogger(SimplePool.LOGGER);
    private static final long FIRST_DELAY = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_DELAY = TimeUnit.SECONDS.toNanos(5);

    private final SimplePool pool;
    private final ConnectionFactory factory;
    private final String initSql;
    private final ThreadPoolExecutor thread;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Backoff backoff = new Backoff(FIRST_DELAY, MAX_DELAY);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean kicked;

    /** The last attempt's error, or null once one succeeds. */
    private volatile SQLException lastFailure;
    private volatile long lastFailureAt;
    /** When the attempt in progress began; {@code Long.MIN_VALUE} when none is. */
    private volatile long attemptStartedAt = Long.MIN_VALUE;

    Connector(SimplePool pool, ConnectionFactory factory, String initSql) {
        this.pool = pool;
        this.factory = factory;
        this.initSql = initSql;
        this.thread = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                SimplePool.daemons("alberca-" + pool.name() + "-connector"));
    }

    /** Makes sure the loop runs if the pool wants connections; cheap when it already runs. */
    void request() {
        if (!pool.isClosed() && pool.wantsConnection() && running.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException closing) {
                running.set(false);
            }
        }
    }

    /** Cuts a backoff pause short: {@code check()} wants the refill now. */
    void kick() {
        lock.lock();
        try {
            kicked = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        request();
    }

    /** Waits until a connection was added or an attempt failed, at most {@code nanos}. */
    void awaitChange(long nanos) throws InterruptedException {
        lock.lock();
        try {
            changed.awaitNanos(nanos);
        } finally {
            lock.unlock();
        }
    }

    void shutdown() {
        thread.shutdownNow(); // interrupts a backoff pause; a connect in progress is bounded by loginTimeout
    }

    SQLException lastFailure() {
        return lastFailure;
    }

    long lastFailureAt() {
        return lastFailureAt;
    }

    long attemptStartedAt() {
        return attemptStartedAt;
    }

    /** A login refusal that is still fresh: the next attempt is not due yet, so waiting can't help. */
    SQLException activeRefusal(long now) {
        SQLException f = lastFailure;
        if (f == null || !SqlStates.isLoginRefused(f)) {
            return null;
        }
        return now - lastFailureAt < Math.max(backoff.current(), FIRST_DELAY) ? f : null;
    }

    private void run() {
        try {
            while (pool.reserveForCreation()) {
                PoolEntry entry;
                try {
                    attemptStartedAt = pool.now();
                    entry = open();
                } catch (SQLException e) {
                    pool.creationFailed();
                    failed(e);
                    if (!pause(backoff.next())) {
                        return;
                    }
                    continue;
                } finally {
                    attemptStartedAt = Long.MIN_VALUE;
                }
                if (lastFailure != null) {
                    LOG.log(Level.INFO, "pool ''{0}'': connected to {1} again", pool.name(), pool.config().maskedUrl());
                }
                lastFailure = null;
                backoff.reset();
                pool.created(entry);
                signal();
            }
        } finally {
            running.set(false);
            // A request made while this loop was ending saw it running and left: look once more.
            request();
        }
    }

    private PoolEntry open() throws SQLException {
        Connection c;
        try {
            c = factory.connect();
        } catch (RuntimeException e) {
            throw new SQLException("the JDBC driver failed: " + e, "08001", e);
        }
        try {
            if (initSql != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(initSql);
                }
            }
            return pool.newEntry(c);
        } catch (SQLException | RuntimeException e) {
            SimplePool.closeQuietly(c);
            throw e instanceof SQLException ? (SQLException) e
                    : new SQLException("setting up a new connection failed: " + e, "08001", e);
        }
    }

    private void failed(SQLException e) {
        boolean first = lastFailure == null;
        lastFailureAt = pool.now();
        lastFailure = e;
        // The message is the driver's; pgjdbc does not put the password in it, and the URL is masked.
        LOG.log(first ? Level.WARNING : Level.DEBUG, "pool ''{0}'' could not connect to {1}: {2} (SQLState {3});"
                + " retrying in the background", pool.name(), pool.config().maskedUrl(), e.getMessage(), e.getSQLState());
        if (SqlStates.isLoginRefused(e)) {
            pool.refused(e);
        }
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps for the backoff; false when the pool closed meanwhile. */
    private boolean pause(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!kicked && left > 0 && !pool.isClosed()) {
                left = changed.awaitNanos(left);
            }
            kicked = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
        return !pool.isClosed();
    }
}
