package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.alberca.pool.contract.PoolFixture.backendPid;
import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A returned connection comes back to the next borrower as fresh: work rolled back, JDBC state restored,
 * statements closed. The pool holds one connection so the next borrow gets the same session.
 */
public interface ResetContract extends ContractBase {

    private static ConnectionPool onePool(PoolFixture f) throws SQLException {
        return f.open(f.config().minSize(1).maxSize(1));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void uncommittedWorkIsRolledBackOnReturn(PoolFixture f) throws Exception {
        String table = "contract_reset_" + f.name().replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        try (Connection admin = f.database().admin(); Statement s = admin.createStatement()) {
            s.execute("create table if not exists " + table + " (id int)");
        }
        ConnectionPool pool = onePool(f);
        int pid;
        try (Connection c = pool.getConnection()) {
            pid = backendPid(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into " + table + " values (1)");
            }
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), txid_current_if_assigned() from " + table)) {
            assertThat(backendPid(c)).isEqualTo(pid);
            r.next();
            assertThat(r.getInt(1)).as("rows left by the uncommitted insert").isZero();
            assertThat(r.getObject(2)).as("no transaction left open").isNull();
            assertThat(c.getAutoCommit()).isTrue();
        } finally {
            try (Connection admin = f.database().admin(); Statement s = admin.createStatement()) {
                s.execute("drop table if exists " + table);
            }
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void abortedTransactionIsCleanedOnReturn(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("select 1/0")).isInstanceOf(SQLException.class);
            }
        }
        try (Connection c = pool.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void autoCommitIsRestoredOnReturn(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void readOnlyIsRestoredOnReturn(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.isReadOnly()).isFalse();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show transaction_read_only")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("off");
            }
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void isolationIsRestoredOnReturn(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        int original;
        try (Connection c = pool.getConnection()) {
            original = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.getTransactionIsolation()).isEqualTo(original).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void schemaIsRestoredOnReturn(PoolFixture f) throws Exception {
        try (Connection admin = f.database().admin(); Statement s = admin.createStatement()) {
            s.execute("create schema if not exists contract_other");
        }
        ConnectionPool pool = onePool(f);
        String original;
        try (Connection c = pool.getConnection()) {
            original = c.getSchema();
            c.setSchema("contract_other");
            assertThat(c.getSchema()).isEqualTo("contract_other");
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.getSchema()).isEqualTo(original).isEqualTo("public");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void networkTimeoutIsRestoredOnReturn(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        int original;
        try (Connection c = pool.getConnection()) {
            original = c.getNetworkTimeout();
            c.setNetworkTimeout(Runnable::run, 12345);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.getNetworkTimeout()).isEqualTo(original);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void openStatementsAreClosedOnReturn(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        Statement s;
        ResultSet r;
        try (Connection c = pool.getConnection()) {
            s = c.createStatement();
            r = s.executeQuery("select 1");
        }
        assertThat(s.isClosed()).isTrue();
        assertThat(r.isClosed()).isTrue();
    }

    /**
     * Every way back from a statement, a result set or the metadata leads to the borrower's handle, never
     * to the physical connection: closing that would close the session under the pool, and keeping it
     * would use the session after it went back to the pool.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void everyWayBackLeadsToTheHandle(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             PreparedStatement p = c.prepareStatement("select 1");
             ResultSet fromStatement = s.executeQuery("select 1"); ResultSet fromPrepared = p.executeQuery()) {
            assertThat(s.getConnection()).as("Statement.getConnection()").isSameAs(c);
            assertThat(p.getConnection()).as("PreparedStatement.getConnection()").isSameAs(c);
            assertThat(fromStatement.getStatement()).as("ResultSet.getStatement() of a Statement").isSameAs(s);
            assertThat(fromPrepared.getStatement()).as("ResultSet.getStatement() of a PreparedStatement").isSameAs(p);
            assertThat(c.getMetaData().getConnection()).as("DatabaseMetaData.getConnection()").isSameAs(c);
            assertThat(s.execute("select 2")).isTrue();
            assertThat(s.getResultSet().getStatement()).as("Statement.getResultSet().getStatement()").isSameAs(s);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void closedConnectionCannotBeUsed(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        Connection c = pool.getConnection();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isValid(1)).isFalse();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> c.setAutoCommit(false)).isInstanceOf(SQLException.class);
        try (Connection next = pool.getConnection()) {
            assertThat(selectOne(next)).isEqualTo(1);
            assertThat(c.isClosed()).as("the old handle stays closed while another borrower holds the session")
                    .isTrue();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void closingAConnectionTwiceIsHarmless(PoolFixture f) throws Exception {
        ConnectionPool pool = onePool(f);
        Connection c = pool.getConnection();
        c.close();
        c.close();
        assertThat(pool.stats().inUse()).isZero();
        try (Connection next = pool.getConnection()) {
            assertThat(selectOne(next)).isEqualTo(1);
        }
        assertThat(pool.stats().inUse()).isZero();
    }
}
