package dev.alberca.pool.api;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * No connection came free within the acquire timeout: the pool is exhausted. The message starts with
 * "connection pool exhausted" and carries the pool's name, the wait and the pool's state.
 *
 * <pre>{@code
 * try (Connection c = pool.getConnection()) {
 *     ...
 * } catch (PoolTimeoutException e) {
 *     log.warn("busy: {} in use of {}", e.stats().inUse(), e.stats().max());
 * }
 * }</pre>
 *
 * <p>When the database rather than the pool is the reason, the pool throws
 * {@link DatabaseUnavailableException} instead.
 */
public class PoolTimeoutException extends SQLTransientConnectionException {

    private static final long serialVersionUID = 1L;

    private final String poolName;
    private final Duration waited;
    private final transient PoolStats stats;

    /**
     * @param poolName the pool's name
     * @param waited how long the caller waited
     * @param stats the pool's state when the wait ended
     */
    public PoolTimeoutException(String poolName, Duration waited, PoolStats stats) {
        super("connection pool exhausted: pool '" + poolName + "' had no free connection within "
                + waited.toMillis() + " ms (max=" + stats.max() + ", inUse=" + stats.inUse() + ", idle="
                + stats.idle() + ", waiting=" + stats.waiting() + "); close connections sooner, raise max-size,"
                + " or wait longer with acquire-timeout");
        this.poolName = poolName;
        this.waited = waited;
        this.stats = stats;
    }

    /** The pool's name. */
    public String poolName() {
        return poolName;
    }

    /** How long the caller waited. */
    public Duration waited() {
        return waited;
    }

    /** The pool's state when the wait ended. */
    public PoolStats stats() {
        return stats;
    }
}
