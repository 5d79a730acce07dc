package dev.alberca.pool.api.spi;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * One physical connection made by {@link PhysicalConnections}, seen by a provider's pool as the driver's
 * connection. It tells the provider what the pool library underneath can't: which pool made it (for
 * {@code release}), whether it broke (a failed validity check or a connection error: SQLState class 08,
 * 57P01-57P03), and which session settings a borrower changed, so they can be put back on return. Its
 * prepared and callable statements print no SQL: pgjdbc prints a prepared statement with its bound values
 * filled in, and pool libraries print their wrappers as the driver's statement.
 *
 * <pre>{@code
 * PhysicalConnection p = handle.unwrap(PhysicalConnection.class);
 * if (p.owner() == myConnections) { ... }
 * p.restoreSessionState();   // on return, after the rollback
 * }</pre>
 */
public final class PhysicalConnection extends PhysicalConnectionFields implements Connection {

    private static final int READ_ONLY = 1;
    private static final int CATALOG = 2;
    private static final int ISOLATION = 4;
    private static final int SCHEMA = 8;
    private static final int NETWORK_TIMEOUT = 16;
    private final boolean readOnly;
    private final String catalog;
    private final int isolation;
    private final String schema;
    private final int networkTimeout;
    // Written and read by the one thread that holds the connection; the pool's hand-off publishes it.
    private int dirty;
    private volatile boolean broken;
    // Leak tracking, only when the pool's leak detection is on.
    private volatile long borrowedAt;
    private volatile Throwable borrowStack;
    private volatile String borrower;
    private volatile boolean leakReported;
    // A cache line between the fields a borrow touches (in the superclass) and the next object; with the
    // cold fields above, at least 64 bytes.
    private long q1, q2, q3, q4, q5;

    PhysicalConnection(Connection delegate, PhysicalConnections owner) throws SQLException {
        super(delegate, owner);
        this.readOnly = delegate.isReadOnly();
        this.catalog = delegate.getCatalog();
        this.isolation = delegate.getTransactionIsolation();
        this.schema = delegate.getSchema();
        this.networkTimeout = delegate.getNetworkTimeout();
    }

    /** The factory that made this connection: one per pool. */
    public PhysicalConnections owner() {
        return owner;
    }

    /** Whether the connection failed a validity check or a call failed with a connection error. */
    public boolean isBroken() {
        return broken;
    }

    /**
     * Puts back readOnly, catalog, isolation, schema and network timeout if a borrower changed them, to
     * their values when the connection was made. Call it after rolling back.
     *
     * @return whether anything had changed (a pool that caches session state must forget it)
     */
    public boolean restoreSessionState() throws SQLException {
        int d = dirty;
        if (d == 0) {
            return false;
        }
        try {
            if ((d & READ_ONLY) != 0 && delegate.isReadOnly() != readOnly) {
                delegate.setReadOnly(readOnly);
            }
            if ((d & CATALOG) != 0 && catalog != null) {
                delegate.setCatalog(catalog);
            }
            if ((d & ISOLATION) != 0) {
                delegate.setTransactionIsolation(isolation);
            }
            if ((d & SCHEMA) != 0 && schema != null) {
                delegate.setSchema(schema);
            }
            if ((d & NETWORK_TIMEOUT) != 0) {
                delegate.setNetworkTimeout(Runnable::run, networkTimeout);
            }
            dirty = 0;
            return true;
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    /**
     * Counts a borrow of this connection that waited {@code waitedNanos} (0 for one served at once). Call it
     * on the borrowing thread, after the borrow succeeded, while that thread holds the connection: the
     * count stays in this connection (no shared write) until {@link PhysicalConnections#borrows()} sums it.
     */
    public void countBorrow(long waitedNanos) {
        count(waitedNanos);
    }

    /** Marks the start of a borrow, for leak detection; a no-op when it is off. */
    public void borrowed() {
        if (leaks) {
            leakReported = false;
            borrower = Thread.currentThread().getName();
            borrowStack = new Throwable("connection borrowed here");
            borrowedAt = System.nanoTime();
        }
    }

    /** Marks the end of a borrow. Pool libraries call {@code clearWarnings()} on return, which ends it too. */
    public void returned() {
        // Only when leak detection is on: two volatile writes on every return cost the fast path dearly.
        if (leaks) {
            borrowedAt = 0;
            borrowStack = null;
        }
    }

    boolean closedByDriver() {
        try {
            return borrowedAt == 0 && delegate.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    void reportIfLeaked(long now, long thresholdNanos) {
        long since = borrowedAt;
        Throwable stack = borrowStack;
        if (since == 0 || stack == null || leakReported || now - since < thresholdNanos) {
            return;
        }
        leakReported = true;
        LeakReport.report(owner.poolName(), (now - since) / 1_000_000, thresholdNanos / 1_000_000, borrower, stack);
    }

    private SQLException seen(SQLException e) {
        if (!broken && SqlStates.isConnectionBroken(e)) {
            markBroken();
        }
        return e;
    }

    private void markBroken() {
        // Counted when found, not when closed: pool libraries skip close() on a connection the driver
        // already closed after the failure.
        if (!broken) {
            broken = true;
            owner.lost(this);
        }
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        boolean valid;
        long start = System.nanoTime();
        long left = PhysicalConnections.millisLeft(100);
        try {
            if (left >= 0 && (timeout == 0 || left < timeout * 1000L)) {
                // The borrower's deadline is nearer than the check's own timeout: lower the socket's read
                // timeout for the check (pgjdbc keeps a lower one), then put it back.
                int before = delegate.getNetworkTimeout();
                delegate.setNetworkTimeout(Runnable::run, (int) left);
                try {
                    valid = delegate.isValid(timeout);
                } finally {
                    if (!delegate.isClosed()) {
                        delegate.setNetworkTimeout(Runnable::run, before);
                    }
                }
            } else {
                valid = delegate.isValid(timeout);
            }
        } catch (SQLException e) {
            markBroken();
            throw e;
        } finally {
            PhysicalConnections.checked(start);
        }
        if (!valid) {
            markBroken();
        }
        return valid;
    }

    @Override
    public void close() throws SQLException {
        owner.gone(this);
        delegate.close();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        owner.gone(this);
        delegate.abort(executor);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public void setReadOnly(boolean value) throws SQLException {
        try {
            delegate.setReadOnly(value);
            dirty |= READ_ONLY;
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setCatalog(String value) throws SQLException {
        try {
            delegate.setCatalog(value);
            dirty |= CATALOG;
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setTransactionIsolation(int value) throws SQLException {
        try {
            delegate.setTransactionIsolation(value);
            dirty |= ISOLATION;
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setSchema(String value) throws SQLException {
        try {
            delegate.setSchema(value);
            dirty |= SCHEMA;
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        try {
            delegate.setNetworkTimeout(executor, milliseconds);
            dirty |= NETWORK_TIMEOUT;
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    /** Never shows credentials: the driver's own text is not used. */
    @Override
    public String toString() {
        return "PhysicalConnection[" + owner.poolName() + (broken ? ", broken" : "") + "]";
    }

    @Override
    public Statement createStatement() throws SQLException {
        try {
            return delegate.createStatement();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String a0) throws SQLException {
        try {
            return new MaskedPreparedStatement<>(this, delegate.prepareStatement(a0));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String a0) throws SQLException {
        try {
            return new MaskedCallableStatement(this, delegate.prepareCall(a0));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public String nativeSQL(String a0) throws SQLException {
        try {
            return delegate.nativeSQL(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setAutoCommit(boolean a0) throws SQLException {
        try {
            delegate.setAutoCommit(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        try {
            return delegate.getAutoCommit();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void commit() throws SQLException {
        try {
            delegate.commit();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try {
            delegate.rollback();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        try {
            return delegate.getMetaData();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        try {
            return delegate.isReadOnly();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        try {
            return delegate.getCatalog();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        try {
            return delegate.getTransactionIsolation();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return delegate.getWarnings();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        returned(); // HikariCP and DBCP2 clear the warnings of every connection given back
        try {
            delegate.clearWarnings();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Statement createStatement(int a0, int a1) throws SQLException {
        try {
            return delegate.createStatement(a0, a1);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
        try {
            return new MaskedPreparedStatement<>(this, delegate.prepareStatement(a0, a1, a2));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
        try {
            return new MaskedCallableStatement(this, delegate.prepareCall(a0, a1, a2));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        try {
            return delegate.getTypeMap();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> a0) throws SQLException {
        try {
            delegate.setTypeMap(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setHoldability(int a0) throws SQLException {
        try {
            delegate.setHoldability(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        try {
            return delegate.getHoldability();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        try {
            return delegate.setSavepoint();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Savepoint setSavepoint(String a0) throws SQLException {
        try {
            return delegate.setSavepoint(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void rollback(Savepoint a0) throws SQLException {
        try {
            delegate.rollback(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void releaseSavepoint(Savepoint a0) throws SQLException {
        try {
            delegate.releaseSavepoint(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Statement createStatement(int a0, int a1, int a2) throws SQLException {
        try {
            return delegate.createStatement(a0, a1, a2);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
        try {
            return new MaskedPreparedStatement<>(this, delegate.prepareStatement(a0, a1, a2, a3));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
        try {
            return new MaskedCallableStatement(this, delegate.prepareCall(a0, a1, a2, a3));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
        try {
            return new MaskedPreparedStatement<>(this, delegate.prepareStatement(a0, a1));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
        try {
            return new MaskedPreparedStatement<>(this, delegate.prepareStatement(a0, a1));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
        try {
            return new MaskedPreparedStatement<>(this, delegate.prepareStatement(a0, a1));
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Clob createClob() throws SQLException {
        try {
            return delegate.createClob();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Blob createBlob() throws SQLException {
        try {
            return delegate.createBlob();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public NClob createNClob() throws SQLException {
        try {
            return delegate.createNClob();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        try {
            return delegate.createSQLXML();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setClientInfo(String a0, String a1) throws SQLClientInfoException {
        delegate.setClientInfo(a0, a1);
    }

    @Override
    public void setClientInfo(Properties a0) throws SQLClientInfoException {
        delegate.setClientInfo(a0);
    }

    @Override
    public String getClientInfo(String a0) throws SQLException {
        try {
            return delegate.getClientInfo(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        try {
            return delegate.getClientInfo();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Array createArrayOf(String a0, Object[] a1) throws SQLException {
        try {
            return delegate.createArrayOf(a0, a1);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public Struct createStruct(String a0, Object[] a1) throws SQLException {
        try {
            return delegate.createStruct(a0, a1);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        try {
            return delegate.getSchema();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        try {
            return delegate.getNetworkTimeout();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void beginRequest() throws SQLException {
        try {
            delegate.beginRequest();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void endRequest() throws SQLException {
        try {
            delegate.endRequest();
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey a0, ShardingKey a1, int a2) throws SQLException {
        try {
            return delegate.setShardingKeyIfValid(a0, a1, a2);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey a0, int a1) throws SQLException {
        try {
            return delegate.setShardingKeyIfValid(a0, a1);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setShardingKey(ShardingKey a0, ShardingKey a1) throws SQLException {
        try {
            delegate.setShardingKey(a0, a1);
        } catch (SQLException e) {
            throw seen(e);
        }
    }

    @Override
    public void setShardingKey(ShardingKey a0) throws SQLException {
        try {
            delegate.setShardingKey(a0);
        } catch (SQLException e) {
            throw seen(e);
        }
    }
}
