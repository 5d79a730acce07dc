package dev.alberca.pool.simple;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * What a borrower holds: a connection that delegates to the pooled one, notes which session state the
 * borrower changed and which statements it left open, and on {@link #close()} rolls back, restores what
 * changed, closes those statements and gives the connection back. Closed, it refuses every use with
 * "Connection is closed".
 *
 * <p>It is the only object a borrow allocates, so it stays small: four fields.
 */
final class PooledConnection implements Connection {

    // The session state a borrower may change, one bit each; WORK: a transaction may hold uncommitted work.
    private static final int AUTO_COMMIT = 1;
    private static final int READ_ONLY = 1 << 1;
    private static final int ISOLATION = 1 << 2;
    private static final int SCHEMA = 1 << 3;
    private static final int CATALOG = 1 << 4;
    private static final int NETWORK_TIMEOUT = 1 << 5;
    private static final int WORK = 1 << 6;
    private static final int ALL = (1 << 7) - 1;

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(PooledConnection.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PoolEntry entry;
    private final Connection delegate;
    private int dirty;
    private volatile boolean closed;

    PooledConnection(PoolEntry entry) {
        this.entry = entry;
        this.delegate = entry.connection;
    }

    SimplePool pool() {
        return entry.pool;
    }

    // ---- the pool's part: closing, resetting, error tracking ----

    /**
     * Gives the connection back to the pool: open statements closed, uncommitted work rolled back, changed
     * state restored. A connection whose reset fails is closed instead. Closing again does nothing.
     */
    @Override
    public void close() {
        if (closed || !CLOSED.compareAndSet(this, false, true)) {
            return;
        }
        PoolEntry e = entry;
        try {
            e.closeStatements();
            if (!e.broken) {
                reset(e);
            }
        } catch (SQLException | RuntimeException failure) {
            // The connection's state is unknown now: nobody else may get it.
            e.broken = true;
        } finally {
            e.pool.recycle(e);
        }
    }

    private void reset(PoolEntry e) throws SQLException {
        int d = dirty;
        if (d == ALL) {
            e.autoCommit = delegate.getAutoCommit(); // unwrapped: the borrower may have changed it unseen
        }
        // Roll back before restoring autoCommit: setAutoCommit(true) would commit the abandoned work.
        if (!e.autoCommit && (d & WORK) != 0) {
            delegate.rollback();
        }
        if ((d & ~WORK) != 0) {
            ConnectionDefaults defaults = e.pool.defaults();
            if ((d & AUTO_COMMIT) != 0 && e.autoCommit != defaults.autoCommit()) {
                delegate.setAutoCommit(defaults.autoCommit());
                e.autoCommit = defaults.autoCommit();
            }
            if ((d & READ_ONLY) != 0) {
                delegate.setReadOnly(defaults.readOnly());
            }
            if ((d & ISOLATION) != 0) {
                delegate.setTransactionIsolation(defaults.isolation());
            }
            if ((d & SCHEMA) != 0 && defaults.schema() != null) {
                delegate.setSchema(defaults.schema());
            }
            if ((d & CATALOG) != 0 && defaults.catalog() != null) {
                delegate.setCatalog(defaults.catalog());
            }
            if ((d & NETWORK_TIMEOUT) != 0 && defaults.networkTimeout() >= 0) {
                delegate.setNetworkTimeout(SimplePool.directExecutor(), defaults.networkTimeout());
            }
        }
        delegate.clearWarnings();
    }

    /** The pooled connection, or the error every method of a closed handle answers with. */
    private Connection open() throws SQLException {
        if (closed) {
            throw new SQLException("Connection is closed: it was given back to pool '" + entry.pool.name()
                    + "'; get another one from the pool", "08003");
        }
        return delegate;
    }

    /** Notes a failure; a connection error means the connection is evicted when given back. */
    SQLException failed(SQLException e) {
        // After close the entry may be someone else's: a late error on an old statement must not touch it.
        if (!closed) {
            entry.pool.failed(entry, e);
        }
        return e;
    }

    /** A statement ran: with autoCommit off there may be work to roll back. */
    void worked() {
        dirty |= WORK;
    }

    void statementClosed(Statement s) {
        if (!closed) {
            entry.closed(s);
        }
    }

    private <S extends Statement> S track(S s) {
        entry.opened(s);
        dirty |= WORK;
        return s;
    }

    // ---- statements ----

    @Override
    public Statement createStatement() throws SQLException {
        try {
            return track(new StatementHandle<>(this, open().createStatement()));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        try {
            return track(new StatementHandle<>(this, open().createStatement(resultSetType, resultSetConcurrency)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        try {
            return track(new StatementHandle<>(this,
                    open().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        try {
            return track(new PreparedStatementHandle<>(this, open().prepareStatement(sql)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        try {
            return track(new PreparedStatementHandle<>(this,
                    open().prepareStatement(sql, resultSetType, resultSetConcurrency)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        try {
            return track(new PreparedStatementHandle<>(this,
                    open().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        try {
            return track(new PreparedStatementHandle<>(this, open().prepareStatement(sql, autoGeneratedKeys)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        try {
            return track(new PreparedStatementHandle<>(this, open().prepareStatement(sql, columnIndexes)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        try {
            return track(new PreparedStatementHandle<>(this, open().prepareStatement(sql, columnNames)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        try {
            return track(new CallableStatementHandle(this, open().prepareCall(sql)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        try {
            return track(new CallableStatementHandle(this, open().prepareCall(sql, resultSetType, resultSetConcurrency)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        try {
            return track(new CallableStatementHandle(this,
                    open().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability)));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ---- transactions ----

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        try {
            open().setAutoCommit(autoCommit);
            entry.autoCommit = autoCommit;
            dirty |= AUTO_COMMIT;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        try {
            return open().getAutoCommit();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void commit() throws SQLException {
        try {
            open().commit();
            dirty &= ~WORK;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try {
            open().rollback();
            dirty &= ~WORK;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        try {
            Savepoint s = open().setSavepoint();
            dirty |= WORK;
            return s;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Savepoint setSavepoint(String savepointName) throws SQLException {
        try {
            Savepoint s = open().setSavepoint(savepointName);
            dirty |= WORK;
            return s;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        try {
            open().rollback(savepoint);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        try {
            open().releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ---- session state the pool restores ----

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        try {
            open().setReadOnly(readOnly);
            dirty |= READ_ONLY;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        try {
            return open().isReadOnly();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        try {
            open().setTransactionIsolation(level);
            dirty |= ISOLATION;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        try {
            return open().getTransactionIsolation();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        try {
            open().setSchema(schema);
            dirty |= SCHEMA;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        try {
            return open().getSchema();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        try {
            open().setCatalog(catalog);
            dirty |= CATALOG;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        try {
            return open().getCatalog();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        try {
            open().setNetworkTimeout(executor, milliseconds);
            dirty |= NETWORK_TIMEOUT;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        try {
            return open().getNetworkTimeout();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ---- the connection itself ----

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** False once closed; a connection that fails the check is evicted when given back. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (closed) {
            return false;
        }
        try {
            boolean valid = delegate.isValid(timeout);
            if (!valid) {
                entry.broken = true;
            }
            return valid;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Ends the physical connection now (JDBC's abort) and gives the handle back; the pool replaces it. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (closed) {
            return;
        }
        entry.broken = true;
        try {
            delegate.abort(executor);
        } finally {
            close();
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        try {
            DatabaseMetaData m = open().getMetaData();
            dirty |= WORK; // its queries run in the borrower's transaction
            return new DatabaseMetaDataHandle(this, m);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        try {
            return open().nativeSQL(sql);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return open().getWarnings();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        try {
            open().clearWarnings();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        try {
            return open().getTypeMap();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        try {
            open().setTypeMap(map);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        try {
            open().setHoldability(holdability);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        try {
            return open().getHoldability();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Clob createClob() throws SQLException {
        try {
            Clob c = open().createClob();
            dirty |= WORK;
            return c;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Blob createBlob() throws SQLException {
        try {
            Blob b = open().createBlob();
            dirty |= WORK;
            return b;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public NClob createNClob() throws SQLException {
        try {
            NClob c = open().createNClob();
            dirty |= WORK;
            return c;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        try {
            return open().createSQLXML();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        try {
            return open().createArrayOf(typeName, elements);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        try {
            return open().createStruct(typeName, attributes);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", "08003", 0, Map.of());
        }
        delegate.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", "08003", 0, Map.of());
        }
        delegate.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        try {
            return open().getClientInfo(name);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        try {
            return open().getClientInfo();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * This handle for its own interfaces, else the driver's connection. The borrower can then change any
     * state behind the handle's back, so all of it is restored on close.
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        T inner = open().unwrap(iface);
        dirty = ALL;
        return inner;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || open().isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "PooledConnection[pool=" + entry.pool.name() + (closed ? ", closed]" : ", " + delegate + "]");
    }
}
