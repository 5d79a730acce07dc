package dev.alberca.pool.simple;

import dev.alberca.pool.simple.StubDatabase.StubConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a borrower holds: closing, state reset, statements, errors that evict. */
@SuppressWarnings("try") // connections held open on purpose, unused in the body
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandleTest {

    private final StubDatabase db = new StubDatabase();
    private SimplePool pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private SimplePool pool(int max) {
        pool = db.open(StubDatabase.config("handle").maxSize(max).build());
        return pool;
    }

    private StubConnection physical() {
        return db.connections.get(db.connections.size() - 1);
    }

    @Test
    void closeGivesTheSameConnectionBackForTheNextBorrow() throws SQLException {
        pool(2);
        Connection first = pool.getConnection();
        first.close();
        Connection second = pool.getConnection();
        second.close();
        assertThat(db.connections).hasSize(1);
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void closedHandleRefusesUseAndDoubleCloseIsHarmless() throws SQLException {
        pool(1);
        Connection c = pool.getConnection();
        c.close();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isValid(1)).isFalse();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("Connection is closed");
        assertThatThrownBy(() -> c.setAutoCommit(false)).hasMessageStartingWith("Connection is closed");
        assertThat(pool.stats().inUse()).isZero();
        assertThat(pool.stats().idle()).isEqualTo(1);
    }

    @Test
    void rollbackComesBeforeAutoCommitIsRestored() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into t values (1)");
        }
        StubConnection p = physical();
        assertThat(p.calls).containsSubsequence("setAutoCommit:false", "rollback", "setAutoCommit:true");
        assertThat(p.autoCommit).isTrue();
    }

    @Test
    void noRollbackWhenAutoCommitStayedOn() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into t values (1)");
        }
        assertThat(physical().calls).doesNotContain("rollback");
    }

    @Test
    void onlyTheChangedStateIsRestored() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }
        StubConnection p = physical();
        assertThat(p.readOnly).isFalse();
        assertThat(p.isolation).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(p.calls).noneMatch(call -> call.startsWith("setSchema") || call.startsWith("setCatalog")
                || call.startsWith("setNetworkTimeout") || call.startsWith("setAutoCommit"));
    }

    @Test
    void schemaCatalogAndNetworkTimeoutAreRestored() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection()) {
            c.setSchema("other");
            c.setCatalog("elsewhere");
            c.setNetworkTimeout(Runnable::run, 1234);
        }
        StubConnection p = physical();
        assertThat(p.schema).isEqualTo("public");
        assertThat(p.catalog).isEqualTo("stub");
        assertThat(p.networkTimeout).isZero();
    }

    @Test
    void statementsLeftOpenAreClosedOnReturn() throws SQLException {
        pool(1);
        Statement s;
        PreparedStatement ps;
        CallableStatement cs;
        Statement closedEarly;
        try (Connection c = pool.getConnection()) {
            s = c.createStatement();
            ps = c.prepareStatement("select 1");
            cs = c.prepareCall("{call f()}");
            closedEarly = c.createStatement();
            closedEarly.close();
        }
        assertThat(s.isClosed()).isTrue();
        assertThat(ps.isClosed()).isTrue();
        assertThat(cs.isClosed()).isTrue();
        assertThat(physical().statements).allMatch(st -> st.closed);
    }

    @Test
    void statementsAnswerTheHandleAsTheirConnection() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection();
             Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement("select 1");
             CallableStatement cs = c.prepareCall("{call f()}")) {
            assertThat(s.getConnection()).isSameAs(c);
            assertThat(ps.getConnection()).isSameAs(c);
            assertThat(cs.getConnection()).isSameAs(c);
        }
    }

    @Test
    void unwrapReachesTheHandleAndTheDriverConnection() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection()) {
            assertThat(c.isWrapperFor(Connection.class)).isTrue();
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            Statement s = c.createStatement();
            assertThat(s.unwrap(Statement.class)).isSameAs(s);
        }
    }

    @Test
    void connectionErrorEvictsOnReturnAndCountsAsLost() throws SQLException {
        pool(1);
        Connection c = pool.getConnection();
        StubConnection p = physical();
        p.failStatements = new SQLException("socket closed", "08006");
        Statement s = c.createStatement();
        assertThatThrownBy(() -> s.execute("select 1")).hasMessage("socket closed");
        c.close();
        assertThat(pool.stats().connectionsLost()).isEqualTo(1);
        assertThat(pool.stats().total()).isZero();
        try (Connection next = pool.getConnection()) {
            assertThat(db.connections).hasSize(2);
            assertThat(next.isValid(1)).isTrue();
        }
    }

    @Test
    void adminShutdownEvictsButStatementTimeoutDoesNot() throws Exception {
        pool(1);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            physical().failStatements = new SQLException("canceling statement due to statement timeout", "57014");
            assertThatThrownBy(() -> s.execute("select pg_sleep(10)")).isInstanceOf(SQLException.class);
            physical().failStatements = null;
        }
        assertThat(pool.stats().connectionsLost()).isZero();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            physical().failStatements = new SQLException("terminating connection due to administrator command", "57P01");
            assertThatThrownBy(() -> s.execute("select 1")).isInstanceOf(SQLException.class);
        }
        assertThat(pool.stats().connectionsLost()).isEqualTo(1);
        assertThat(db.connections.get(0).awaitClosed()).as("closed in the background").isTrue();
    }

    @Test
    void failedResetDiscardsTheConnection() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("update t set x = 1");
            physical().failRollback = new SQLException("I/O error", "08006");
        }
        assertThat(pool.stats().total()).isZero();
        assertThat(pool.stats().connectionsLost()).isEqualTo(1);
    }

    @Test
    void releaseRefusesConnectionsOfOtherPoolsAndOfNone() throws SQLException {
        pool(1);
        try (SimplePool other = db.open(StubDatabase.config("other").build());
             Connection foreign = other.getConnection()) {
            assertThatThrownBy(() -> pool.release(foreign)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pool 'handle'").hasMessageContaining("pool 'other'");
            Connection raw = db.connect();
            assertThatThrownBy(() -> pool.release(raw)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pool 'handle' cannot take back a connection it did not hand out");
        }
    }

    @Test
    void releaseGivesBackLikeClose() throws SQLException {
        pool(1);
        Connection c = pool.getConnection();
        pool.release(c);
        assertThat(c.isClosed()).isTrue();
        assertThat(pool.stats().idle()).isEqualTo(1);
        pool.release(c); // already back: nothing happens
        assertThat(pool.stats().idle()).isEqualTo(1);
    }

    @Test
    void borrowedConnectionIsClosedWhenGivenBackAfterPoolClose() throws SQLException {
        pool(2);
        Connection c = pool.getConnection();
        Connection idle = pool.getConnection();
        idle.close();
        pool.close();
        assertThat(db.openCount()).isEqualTo(1);
        c.close();
        assertThat(db.openCount()).isZero();
        assertThatThrownBy(pool::getConnection).isInstanceOf(dev.alberca.pool.api.PoolClosedException.class);
    }

    @Test
    void passwordNeverShows() throws SQLException {
        pool(1);
        try (Connection c = pool.getConnection()) {
            assertThat(pool.toString()).doesNotContain("secret-pw");
            assertThat(c.toString()).doesNotContain("secret-pw");
        }
        assertThat(new PoolTimeoutProbe(pool).message()).doesNotContain("secret-pw");
    }

    /** Drains the pool and reads the exhaustion message. */
    private record PoolTimeoutProbe(SimplePool pool) {
        String message() throws SQLException {
            try (Connection held = pool.getConnection(java.time.Duration.ofMillis(10))) {
                pool.getConnection(java.time.Duration.ofMillis(10));
                return "no timeout";
            } catch (SQLTransientConnectionException e) {
                return e.getMessage();
            }
        }
    }
}
