package dev.alberca.pool.api.spi;

import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.PoolStats;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of {@link PoolStats} an adapter keeps itself, because its library does not count them the
 * same way: borrows, timeouts, and the waits of borrows. A borrow costs no write to memory that other
 * threads write: it is counted in the connection the borrower holds ({@link PhysicalConnection#countBorrow}),
 * and the maximum wait is written only when it grows.
 *
 * <pre>{@code
 * counters.borrowed(physical, System.nanoTime() - start);   // or borrowedAtOnce(physical) on a path that never waits
 * return counters.stats(config, physical, active, idle, waiting);
 * }</pre>
 */
public final class BorrowCounters {

    private final LongAdder notUsers = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final AtomicLong maxWaitNanos = new AtomicLong();

    /** A borrow of {@code connection} that got it without waiting. */
    public void borrowedAtOnce(PhysicalConnection connection) {
        connection.countBorrow(0);
    }

    /** A borrow of {@code connection} that got it after waiting {@code waitedNanos}. */
    public void borrowed(PhysicalConnection connection, long waitedNanos) {
        connection.countBorrow(waitedNanos);
        if (waitedNanos > maxWaitNanos.get()) {
            maxWaitNanos.accumulateAndGet(waitedNanos, Math::max);
        }
    }

    /** Takes back a borrow the pool made for itself (a check), which is not a user's. */
    public void unborrowed() {
        notUsers.increment();
    }

    /** A borrow that failed for want of a connection: the pool was exhausted or the database unreachable. */
    public void timedOut() {
        timeouts.increment();
    }

    /** The snapshot, with the gauges the library reports and the connection counts of {@code physical}. */
    public PoolStats stats(PoolConfig config, PhysicalConnections physical, int active, int idle, int waiting) {
        return new PoolStats(config.minSize(), config.maxSize(), active + idle, active, idle, waiting,
                physical.borrows() - notUsers.sum(), timeouts.sum(), physical.created(), physical.lost(),
                Duration.ofNanos(physical.waitNanos()), Duration.ofNanos(maxWaitNanos.get()));
    }
}
