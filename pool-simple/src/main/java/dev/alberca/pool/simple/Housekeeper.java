package dev.alberca.pool.simple;

import dev.alberca.pool.api.spi.LeakReport;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The pool's background chores, on one daemon thread: every tick it retires idle connections past their
 * lifetime or idle too long (down to the minimum), reports connections held past the leak threshold, and
 * asks for a refill to the minimum. It also closes broken connections, so that no borrower waits on a
 * close over a dead network.
 */
final class Housekeeper {

    private static final System.Logger LOG = System.getLogger(SimplePool.LOGGER);
    private static final long MIN_PERIOD = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MAX_PERIOD = TimeUnit.SECONDS.toNanos(1);

    private final SimplePool pool;
    private final int min;
    private final long idleNanos;
    private final long leakNanos;
    private final long periodNanos;
    private final ScheduledThreadPoolExecutor thread;
    /** Where leak reports go: the log, or a test's listener. Gets the message and the borrower's stack. */
    private volatile BiConsumer<String, Throwable> leakSink =
            (message, stack) -> System.getLogger(LeakReport.LOGGER).log(Level.WARNING, message, stack);

    Housekeeper(SimplePool pool, int min, long idleNanos, long leakNanos, long lifetimeNanos) {
        this.pool = pool;
        this.min = min;
        this.idleNanos = idleNanos;
        this.leakNanos = leakNanos;
        // Often enough that a leak is reported soon after its threshold and timeouts are roughly kept.
        long period = MAX_PERIOD;
        period = leakNanos > 0 ? Math.min(period, leakNanos / 4) : period;
        period = idleNanos > 0 ? Math.min(period, idleNanos / 4) : period;
        period = lifetimeNanos > 0 ? Math.min(period, lifetimeNanos / 4) : period;
        this.periodNanos = Math.max(MIN_PERIOD, period);
        this.thread = new ScheduledThreadPoolExecutor(1, SimplePool.daemons(pool.name() + "-housekeeper"));
        this.thread.setRemoveOnCancelPolicy(true);
    }

    void start() {
        thread.scheduleWithFixedDelay(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    void shutdown() {
        thread.shutdownNow();
    }

    /** Closes the connection off the caller's thread; on the caller's when the pool is shutting down. */
    void closeInBackground(Connection c) {
        try {
            thread.execute(() -> SimplePool.closeQuietly(c));
        } catch (RejectedExecutionException shutDown) {
            SimplePool.closeQuietly(c);
        }
    }

    /** Replaces the leak report's destination (tests). */
    void onLeak(BiConsumer<String, Throwable> sink) {
        leakSink = sink;
    }

    /** One round of chores; scheduled, and called directly by tests that drive the clock. */
    void tick() {
        try {
            if (pool.isClosed()) {
                return;
            }
            long now = pool.now();
            EntryStore store = pool.store();
            for (int i = 0; i < store.scanLimit(); i++) {
                PoolEntry e = store.get(i);
                if (e == null) {
                    continue;
                }
                int state = e.state();
                if (state == PoolEntry.IDLE) {
                    retireIfDue(e, now);
                } else if (state == PoolEntry.IN_USE && leakNanos > 0) {
                    reportIfLeaked(e, now);
                }
            }
            pool.connector().request();
        } catch (RuntimeException e) {
            // One bad round must not end the chores: a scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "pool '" + pool.name() + "': housekeeping failed; trying again next round", e);
        }
    }

    private void retireIfDue(PoolEntry e, long now) {
        // A first look without taking it, so that the chores don't get in the way of borrowers.
        if (!due(e, now) || !e.reserve()) {
            return;
        }
        // Again after the reserve: lastUsed is the last owner's write, now published to us.
        if (due(e, now)) {
            pool.remove(e, false); // not a loss: the refill replaces it if the pool needs it
        } else {
            e.own();
            pool.giveBack(e);
        }
    }

    private boolean due(PoolEntry e, long now) {
        return e.expired(now) || idleNanos > 0 && now - e.lastUsed >= idleNanos && pool.openConnections() > min;
    }

    private void reportIfLeaked(PoolEntry e, long now) {
        PooledConnection h = e.holder;
        if (h == null) {
            return;
        }
        // Read after the volatile holder: these belong to this borrow or a later one, never an earlier.
        long heldNanos = now - e.borrowedAt;
        Thread borrower = e.borrower;
        Throwable stack = e.borrowStack;
        if (e.leakReported || heldNanos < leakNanos || stack == null || e.holder != h) {
            return;
        }
        e.leakReported = true;
        leakSink.accept(LeakReport.message(pool.name(), TimeUnit.NANOSECONDS.toMillis(heldNanos),
                TimeUnit.NANOSECONDS.toMillis(leakNanos), borrower == null ? "?" : borrower.getName()), stack);
    }
}
