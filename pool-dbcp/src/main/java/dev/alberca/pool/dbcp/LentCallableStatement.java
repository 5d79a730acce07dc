package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.DelegatingConnection;
import org.apache.commons.dbcp2.DelegatingCallableStatement;

import java.sql.CallableStatement;

/** {@link LentStatement} for callable statements: not finalizable, and a text without the driver's. */
final class LentCallableStatement extends DelegatingCallableStatement {

    LentCallableStatement(DelegatingConnection<?> connection, CallableStatement statement) {
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
