package dev.alberca.pool.simple;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool on a real PostgreSQL: what only a real server and pgjdbc can show. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresTest {

    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    private static PoolConfig.Builder config(String prefix) {
        return db.config(TestDatabase.uniqueName(prefix)).provider("simple").minSize(1).maxSize(4)
                .acquireTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(1));
    }

    private static Object query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getObject(1);
        }
    }

    @Test
    void theFacadeFindsThisProviderAndTheConnectionQueries() throws SQLException {
        try (ConnectionPool pool = ConnectionPools.open(config("facade").build());
             Connection c = pool.getConnection()) {
            assertThat(pool.providerName()).isEqualTo("simple");
            assertThat(query(c, "select 1")).isEqualTo(1);
            assertThat(query(c, "select current_setting('application_name')")).isEqualTo(pool.name());
        }
    }

    @Test
    void aStatementsTextNeverShowsItsBoundValues() throws SQLException {
        try (ConnectionPool pool = ConnectionPools.open(config("stmt-text").build());
             Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("select ?::text")) {
            s.setString(1, "ana.secret@example.com");
            // pgjdbc's own statement prints its SQL with the values bound in: the handle must not pass that on.
            assertThat(s.unwrap(org.postgresql.PGStatement.class).toString()).contains("ana.secret@example.com");
            assertThat(s.toString()).doesNotContain("ana.secret").doesNotContain("select")
                    .startsWith("PreparedStatementHandle@");
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.toString()).doesNotContain("ana.secret");
            }
        }
    }

    @Test
    void initSqlRunsOnEveryNewConnection() throws SQLException {
        try (ConnectionPool pool = ConnectionPools.open(config("init").initSql("set statement_timeout = 4321").build());
             Connection c = pool.getConnection()) {
            assertThat(query(c, "show statement_timeout")).isEqualTo("4321ms");
        }
    }

    @Test
    void uncommittedWorkIsRolledBackAndStateRestored() throws SQLException {
        try (ConnectionPool pool = ConnectionPools.open(config("reset").maxSize(1).build())) {
            Object pid;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                pid = query(c, "select pg_backend_pid()");
                s.execute("create temp table if not exists t (x int)");
                c.setAutoCommit(false);
                c.setReadOnly(true); // a temporary table may still be written
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                s.execute("insert into t values (1)");
                c.setSchema("pg_catalog");
                c.setNetworkTimeout(Runnable::run, 1234);
            }
            try (Connection c = pool.getConnection()) {
                assertThat(query(c, "select pg_backend_pid()")).isEqualTo(pid);
                assertThat(query(c, "select count(*) from t")).isEqualTo(0L);
                assertThat(query(c, "select txid_current_if_assigned()")).isNull();
                assertThat(c.getAutoCommit()).isTrue();
                assertThat(c.isReadOnly()).isFalse();
                assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
                assertThat(c.getSchema()).isEqualTo("public");
                assertThat(c.getNetworkTimeout()).isNotEqualTo(1234);
            }
        }
    }

    @Test
    void anAbortedTransactionIsCleanedUp() throws SQLException {
        try (ConnectionPool pool = ConnectionPools.open(config("aborted").maxSize(1).build())) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                assertThatThrownBy(() -> s.execute("select 1/0")).isInstanceOf(SQLException.class);
            }
            try (Connection c = pool.getConnection()) {
                assertThat(query(c, "select 2")).isEqualTo(2);
            }
            assertThat(pool.stats().connectionsLost()).isZero();
        }
    }

    @Test
    void terminatedBackendsAreReplacedAfterCheck() throws Exception {
        PoolConfig config = config("terminated").minSize(2).build();
        try (ConnectionPool pool = ConnectionPools.open(config)) {
            assertThat(db.awaitSessions(config.poolName(), 2, Duration.ofSeconds(10))).isEqualTo(2);
            assertThat(db.terminate(config.poolName())).isEqualTo(2);
            pool.check();
            try (Connection c = pool.getConnection()) {
                assertThat(query(c, "select 1")).isEqualTo(1);
            }
            assertThat(pool.stats().connectionsLost()).isEqualTo(2);
        }
    }

    @Test
    void aStatementOnAKilledBackendEvictsItsConnection() throws Exception {
        PoolConfig config = config("killed").minSize(0).maxSize(1).build();
        try (ConnectionPool pool = ConnectionPools.open(config)) {
            Object pid;
            try (Connection c = pool.getConnection()) {
                pid = query(c, "select pg_backend_pid()");
                db.terminate(config.poolName());
                assertThatThrownBy(() -> query(c, "select 1")).isInstanceOf(SQLException.class);
            }
            assertThat(pool.stats().connectionsLost()).isEqualTo(1);
            try (Connection c = pool.getConnection()) {
                assertThat(query(c, "select pg_backend_pid()")).isNotEqualTo(pid);
            }
        }
    }

    @Test
    void closeLeavesNoSessionOnceBorrowedConnectionsAreBack() throws Exception {
        PoolConfig config = config("closing").minSize(2).build();
        ConnectionPool pool = ConnectionPools.open(config);
        Connection borrowed = pool.getConnection();
        assertThat(db.awaitSessions(config.poolName(), 2, Duration.ofSeconds(10))).isEqualTo(2);
        pool.close();
        assertThat(query(borrowed, "select 1")).isEqualTo(1);
        borrowed.close();
        assertThat(db.awaitSessions(config.poolName(), 0, Duration.ofSeconds(5))).isZero();
    }

    @Test
    void anUnknownDatabaseFailsTheBorrowAtOnce() throws SQLException {
        PoolConfig config = config("nodb").url(db.url().replaceAll("/[^/]+$", "/no_such_db")).build();
        try (ConnectionPool pool = ConnectionPools.open(config)) {
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("does not exist")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3D000"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1900);
        }
    }

    @Test
    void nothingListeningIsReportedAsDatabaseUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PoolConfig config = config("nothing").url("jdbc:postgresql://127.0.0.1:" + port + "/postgres")
                .password("secret-pw").build();
        try (ConnectionPool pool = ConnectionPools.open(config)) {
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("unreachable").hasMessageNotContaining("secret-pw")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1900L, 3000L);
        }
    }
}
