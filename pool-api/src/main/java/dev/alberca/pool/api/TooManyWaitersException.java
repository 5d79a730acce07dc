package dev.alberca.pool.api;

import java.sql.SQLTransientConnectionException;

/**
 * The borrow was refused at once because max-waiting callers were already waiting: shed load instead of
 * queueing without end.
 *
 * <pre>{@code
 * PoolConfig.builder()...maxWaiting(20).build();
 * try { pool.getConnection(); } catch (TooManyWaitersException e) { return busyResponse(); }
 * }</pre>
 */
public class TooManyWaitersException extends SQLTransientConnectionException {

    private static final long serialVersionUID = 1L;

    private final String poolName;
    private final int maxWaiting;
    private final transient PoolStats stats;

    /**
     * @param poolName the pool's name
     * @param maxWaiting the configured limit
     * @param stats the pool's state when the borrow was refused
     */
    public TooManyWaitersException(String poolName, int maxWaiting, PoolStats stats) {
        super("pool '" + poolName + "' refused the borrow at once: " + maxWaiting + " callers already wait"
                + " (max-waiting=" + maxWaiting + ", max=" + stats.max() + ", inUse=" + stats.inUse()
                + "); raise max-waiting or max-size, or send less work at once");
        this.poolName = poolName;
        this.maxWaiting = maxWaiting;
        this.stats = stats;
    }

    /** The pool's state when the borrow was refused. */
    public PoolStats stats() {
        return stats;
    }

    /** The pool's name. */
    public String poolName() {
        return poolName;
    }

    /** The configured limit of waiting callers. */
    public int maxWaiting() {
        return maxWaiting;
    }
}
