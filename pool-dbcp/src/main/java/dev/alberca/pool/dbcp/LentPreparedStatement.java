package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.DelegatingConnection;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;

import java.sql.PreparedStatement;

/** {@link LentStatement} for prepared statements: not finalizable, and a text without the driver's. */
final class LentPreparedStatement extends DelegatingPreparedStatement {

    LentPreparedStatement(DelegatingConnection<?> connection, PreparedStatement statement) {
        super(connection, statement);
    }

    /** Not finalizable: see {@link LentStatement#finalize()}. */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
        // intentionally empty: see above
    }

    /** Nothing, as {@link LentStatement#setLastUsed()}. */
    @Override
    protected void setLastUsed() {
        // intentionally empty: see above
    }

    /** The class and identity only, as {@link LentStatement#toString()}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(this));
    }
}
