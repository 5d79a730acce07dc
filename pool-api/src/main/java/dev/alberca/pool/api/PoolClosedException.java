package dev.alberca.pool.api;

import java.sql.SQLNonTransientConnectionException;

/**
 * The pool is closed: it hands out no more connections. Thrown at once to later borrowers, and to callers
 * that were waiting when the pool closed.
 *
 * <pre>{@code
 * pool.close();
 * pool.getConnection();   // throws PoolClosedException
 * }</pre>
 */
public class PoolClosedException extends SQLNonTransientConnectionException {

    private static final long serialVersionUID = 1L;

    private final String poolName;

    /** @param poolName the pool's name */
    public PoolClosedException(String poolName) {
        super("pool '" + poolName + "' is closed: it hands out no more connections; open a new pool", "08003");
        this.poolName = poolName;
    }

    /** The pool's name. */
    public String poolName() {
        return poolName;
    }
}
