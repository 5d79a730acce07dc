package dev.alberca.pool.api;

import java.time.Duration;

/**
 * A snapshot of a pool: gauges at this moment and counters since it opened. Every provider gives each
 * field the same meaning.
 *
 * <pre>{@code
 * PoolStats s = pool.stats();
 * System.out.printf("%d in use, %d idle, %d waiting%n", s.inUse(), s.idle(), s.waiting());
 * }</pre>
 *
 * @param min configured minimum size
 * @param max configured maximum size
 * @param total open physical connections (in use + idle)
 * @param inUse connections borrowed and not given back
 * @param idle connections ready to be borrowed
 * @param waiting callers waiting for a connection now
 * @param borrows borrows that got a connection
 * @param timeouts borrows that failed because none came in time (exhausted or database unreachable)
 * @param connectionsCreated physical connections opened
 * @param connectionsLost physical connections closed because they broke (failed a check or a statement
 *        failed with a connection error); retirement by lifetime, idle timeout or close is not a loss
 * @param totalWait time borrowers spent waiting, summed over successful borrows
 * @param maxWait the longest wait of a successful borrow
 */
public record PoolStats(int min, int max, int total, int inUse, int idle, int waiting,
                        long borrows, long timeouts, long connectionsCreated, long connectionsLost,
                        Duration totalWait, Duration maxWait) {

    /** One line for logs: {@code max=5 total=3 inUse=2 idle=1 waiting=0 borrows=7 timeouts=1 ...}. */
    @Override
    public String toString() {
        return "min=" + min + " max=" + max + " total=" + total + " inUse=" + inUse + " idle=" + idle
                + " waiting=" + waiting + " borrows=" + borrows + " timeouts=" + timeouts
                + " created=" + connectionsCreated + " lost=" + connectionsLost
                + " totalWait=" + totalWait.toMillis() + "ms maxWait=" + maxWait.toMillis() + "ms";
    }
}
