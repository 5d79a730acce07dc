package dev.alberca.pool.bench;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection to nowhere: every call returns at once. It keeps the state a pool resets (autoCommit,
 * isolation, readOnly, catalog, schema, network timeout, closed), so a pool's reset work is real work, and
 * makes a new {@link StubStatement} per statement, as a driver does.
 */
final class StubConnection implements Connection {

    private boolean autoCommit = true;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private boolean readOnly;
    private String catalog = "stub";
    private String schema = "public";
    private int networkTimeout;
    private boolean closed;

    @Override
    public Statement createStatement() throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String a0) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public CallableStatement prepareCall(String a0) throws SQLException {
        throw new SQLFeatureNotSupportedException("the stub has no stored procedures");
    }

    @Override
    public String nativeSQL(String a0) throws SQLException {
        return a0;
    }

    @Override
    public void setAutoCommit(boolean a0) throws SQLException {
        autoCommit = a0;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void rollback() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void close() throws SQLException {
        closed = true;
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return null;
    }

    @Override
    public void setReadOnly(boolean a0) throws SQLException {
        readOnly = a0;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return readOnly;
    }

    @Override
    public void setCatalog(String a0) throws SQLException {
        catalog = a0;
    }

    @Override
    public String getCatalog() throws SQLException {
        return catalog;
    }

    @Override
    public void setTransactionIsolation(int a0) throws SQLException {
        isolation = a0;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return isolation;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public Statement createStatement(int a0, int a1) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
        throw new SQLFeatureNotSupportedException("the stub has no stored procedures");
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setHoldability(int a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public int getHoldability() throws SQLException {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return null;
    }

    @Override
    public Savepoint setSavepoint(String a0) throws SQLException {
        return null;
    }

    @Override
    public void rollback(Savepoint a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void releaseSavepoint(Savepoint a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public Statement createStatement(int a0, int a1, int a2) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
        throw new SQLFeatureNotSupportedException("the stub has no stored procedures");
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
        return new StubStatement(this);
    }

    @Override
    public Clob createClob() throws SQLException {
        return null;
    }

    @Override
    public Blob createBlob() throws SQLException {
        return null;
    }

    @Override
    public NClob createNClob() throws SQLException {
        return null;
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return null;
    }

    @Override
    public boolean isValid(int a0) throws SQLException {
        return !closed;
    }

    @Override
    public void setClientInfo(String a0, String a1) throws SQLClientInfoException {
        // nothing to do: no server
    }

    @Override
    public void setClientInfo(Properties a0) throws SQLClientInfoException {
        // nothing to do: no server
    }

    @Override
    public String getClientInfo(String a0) throws SQLException {
        return null;
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return null;
    }

    @Override
    public Array createArrayOf(String a0, Object[] a1) throws SQLException {
        return null;
    }

    @Override
    public Struct createStruct(String a0, Object[] a1) throws SQLException {
        return null;
    }

    @Override
    public void setSchema(String a0) throws SQLException {
        schema = a0;
    }

    @Override
    public String getSchema() throws SQLException {
        return schema;
    }

    @Override
    public void abort(Executor a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNetworkTimeout(Executor a0, int a1) throws SQLException {
        networkTimeout = a1;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return networkTimeout;
    }

    @Override
    public <T> T unwrap(Class<T> a0) throws SQLException {
        if (a0.isInstance(this)) {
            return a0.cast(this);
        }
        throw new SQLException("not a wrapper for " + a0.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> a0) throws SQLException {
        return a0.isInstance(this);
    }
}
