package dev.alberca.pool.bench;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A statement (plain or prepared) that runs nothing; queries answer a {@link StubResultSet} of one row. */
final class StubStatement implements PreparedStatement {

    private final Connection connection;
    private boolean closed;
    private int maxRows;
    private int fetchSize;
    private int queryTimeout;

    StubStatement(Connection connection) {
        this.connection = connection;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return new StubResultSet(this);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return 1;
    }

    @Override
    public void setNull(int a0, int a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBoolean(int a0, boolean a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setByte(int a0, byte a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setShort(int a0, short a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setInt(int a0, int a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setLong(int a0, long a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setFloat(int a0, float a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setDouble(int a0, double a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBigDecimal(int a0, BigDecimal a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setString(int a0, String a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBytes(int a0, byte[] a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setDate(int a0, Date a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setTime(int a0, Time a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setTimestamp(int a0, Timestamp a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setUnicodeStream(int a0, InputStream a1, int a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void clearParameters() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setObject(int a0, Object a1, int a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setObject(int a0, Object a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public boolean execute() throws SQLException {
        return true;
    }

    @Override
    public void addBatch() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setCharacterStream(int a0, Reader a1, int a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setRef(int a0, Ref a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBlob(int a0, Blob a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setClob(int a0, Clob a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setArray(int a0, Array a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return null;
    }

    @Override
    public void setDate(int a0, Date a1, Calendar a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setTime(int a0, Time a1, Calendar a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setTimestamp(int a0, Timestamp a1, Calendar a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNull(int a0, int a1, String a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setURL(int a0, URL a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return null;
    }

    @Override
    public void setRowId(int a0, RowId a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNString(int a0, String a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNClob(int a0, NClob a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setClob(int a0, Reader a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBlob(int a0, InputStream a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNClob(int a0, Reader a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setSQLXML(int a0, SQLXML a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setCharacterStream(int a0, Reader a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNCharacterStream(int a0, Reader a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setClob(int a0, Reader a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setBlob(int a0, InputStream a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void setNClob(int a0, Reader a1) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public ResultSet executeQuery(String a0) throws SQLException {
        return new StubResultSet(this);
    }

    @Override
    public int executeUpdate(String a0) throws SQLException {
        return 1;
    }

    @Override
    public void close() throws SQLException {
        closed = true;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return 0;
    }

    @Override
    public void setMaxFieldSize(int a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public int getMaxRows() throws SQLException {
        return maxRows;
    }

    @Override
    public void setMaxRows(int a0) throws SQLException {
        maxRows = a0;
    }

    @Override
    public void setEscapeProcessing(boolean a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int a0) throws SQLException {
        queryTimeout = a0;
    }

    @Override
    public void cancel() throws SQLException {
        // nothing to do: no server
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
    public void setCursorName(String a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public boolean execute(String a0) throws SQLException {
        return !a0.isEmpty();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return null;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return -1;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return false;
    }

    @Override
    public void setFetchDirection(int a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return 0;
    }

    @Override
    public void setFetchSize(int a0) throws SQLException {
        fetchSize = a0;
    }

    @Override
    public int getFetchSize() throws SQLException {
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return 0;
    }

    @Override
    public int getResultSetType() throws SQLException {
        return 0;
    }

    @Override
    public void addBatch(String a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public void clearBatch() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return new int[0];
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public boolean getMoreResults(int a0) throws SQLException {
        return false;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return null;
    }

    @Override
    public int executeUpdate(String a0, int a1) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String a0, int[] a1) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String a0, String[] a1) throws SQLException {
        return 0;
    }

    @Override
    public boolean execute(String a0, int a1) throws SQLException {
        return !a0.isEmpty();
    }

    @Override
    public boolean execute(String a0, int[] a1) throws SQLException {
        return !a0.isEmpty();
    }

    @Override
    public boolean execute(String a0, String[] a1) throws SQLException {
        return !a0.isEmpty();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return 0;
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed;
    }

    @Override
    public void setPoolable(boolean a0) throws SQLException {
        // nothing to do: no server
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        // nothing to do: no server
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return false;
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
