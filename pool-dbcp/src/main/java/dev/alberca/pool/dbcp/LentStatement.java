package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.DelegatingConnection;
import org.apache.commons.dbcp2.DelegatingStatement;

import java.sql.Statement;

/**
 * DBCP2's statement wrapper as the borrower gets it, with three things taken out (see {@link #finalize()},
 * {@link #setLastUsed()} and {@link #toString()}); {@link LentPreparedStatement} and
 * {@link LentCallableStatement} do the same for the other two kinds.
 */
final class LentStatement extends DelegatingStatement {

    LentStatement(DelegatingConnection<?> connection, Statement statement) {
        super(connection, statement);
    }

    /**
     * Nothing to do: DBCP2 closes a forgotten statement here for the sake of its statement pool, which is off
     * (the connection's return closes the statements left open). A class whose {@code finalize()} is empty
     * is not finalizable, and a finalizable object costs, on every statement, a registration under one lock
     * that all threads share and a second garbage collection before it is freed.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
        // intentionally empty: see above
    }

    /**
     * Nothing: DBCP2 stamps here the making of each result set, a clock read that nothing reads (see
     * {@link LentConnection#setLastUsed()}).
     */
    @Override
    protected void setLastUsed() {
        // intentionally empty: see above
    }

    /** The class and identity only: DBCP2 prints the driver's statement, whose text may hold bound values. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(this));
    }
}
