package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.spi.PhysicalConnection;
import dev.alberca.pool.api.spi.SqlStates;
import org.apache.commons.dbcp2.DelegatingConnection;
import org.apache.commons.dbcp2.PoolableConnection;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection a borrower holds: DBCP2's own {@link DelegatingConnection} (statements and result sets
 * wrapped, tracked and closed on return; use after close refused; {@code Statement.getConnection()}
 * answers this handle) placed directly over the physical connection. Closing it gives DBCP2's pooled
 * connection back.
 *
 * <p>Why not DBCP2's {@code PoolingDataSource}: its guard sits over the pooled connection, which is itself
 * a {@code DelegatingConnection}, so every statement and result set was wrapped twice, and each wrapper
 * reads the clock and records a weak reference in its parent. In a profile of the database benchmark
 * (8 threads), that bookkeeping and the collector's work on the weak references were the largest part of
 * the CPU that DBCP2 spends beyond HikariCP per query; now it is paid once. The pooled connection must
 * then not cache session state (the borrower changes it here, below it): the provider turns DBCP2's
 * {@code cacheState} off, which costs nothing with pgjdbc, whose getters read fields.
 */
final class LentConnection extends DelegatingConnection<PhysicalConnection> {

    private static final VarHandle POOLED;

    static {
        try {
            POOLED = MethodHandles.lookup().findVarHandle(LentConnection.class, "pooled", PoolableConnection.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable onBreak;
    @SuppressWarnings("unused") // through POOLED: taken once, so two racing close() calls give it back once
    private volatile PoolableConnection pooled;

    LentConnection(PoolableConnection pooled, PhysicalConnection physical, Runnable onBreak) {
        super(physical);
        this.pooled = pooled;
        this.onBreak = onBreak;
    }

    @Override
    public void close() throws SQLException {
        PoolableConnection p = (PoolableConnection) POOLED.getAndSet(this, null);
        if (p == null) {
            return;
        }
        try {
            passivate(); // closes the statements left open
        } finally {
            setClosedInternal(true);
            setDelegate(null);
            p.close(); // back to DBCP2: rollback and reset in the factory, or invalidation if it broke
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return getDelegateInternal() == null || super.isClosed();
    }

    /** A statement's connection error: connections given back before now are checked before they are lent. */
    @Override
    protected void handleException(SQLException e) throws SQLException {
        if (SqlStates.isConnectionBroken(e)) {
            onBreak.run();
        }
        throw e;
    }

    /** Not handed out, as DBCP2's guard does by default: closing it would close the physical connection. */
    @Override
    public PhysicalConnection getDelegate() {
        return null;
    }

    @Override
    public Connection getInnermostDelegate() {
        return null;
    }

    /** DBCP2's text reads the driver's URL from the metadata, and may block: the pool's name is enough. */
    @Override
    public String toString() {
        PhysicalConnection p = getDelegateInternal();
        return "LentConnection[" + (p == null ? "closed" : p.toString()) + "]";
    }
}
