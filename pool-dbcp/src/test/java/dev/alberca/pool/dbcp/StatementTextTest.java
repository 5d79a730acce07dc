package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DBCP2's statement wrappers print the driver's statement, and pgjdbc's prepared statement prints its SQL
 * with the bound values in it (personal data, secrets), which then reaches logs and, through DBCP2's own
 * "is closed" errors, exception messages. The adapter's statements print their class and identity only.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StatementTextTest {

    private static final String SECRET = "ana.secret@example.com";

    private static ConnectionPool open(String name) throws SQLException {
        return ConnectionPools.open(TestDatabase.get().config(TestDatabase.uniqueName(name)).provider("dbcp")
                .maxSize(1).build());
    }

    @Test
    void aPreparedStatementAndItsResultsNeverShowTheBoundValues() throws SQLException {
        try (ConnectionPool pool = open("dbcp-stmt-text"); Connection c = pool.getConnection()) {
            PreparedStatement s = c.prepareStatement("select ?::text");
            s.setString(1, SECRET);
            // pgjdbc's own statement prints the value: the handle must not pass that on.
            assertThat(s.unwrap(org.postgresql.PGStatement.class).toString()).contains(SECRET);
            assertThat(s.toString()).doesNotContain("ana.secret").doesNotContain("select")
                    .startsWith("LentPreparedStatement@");
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(SECRET);
                assertThat(r.toString()).doesNotContain("ana.secret");
                assertThat(r.getStatement()).isSameAs(s);
            }
            s.close(); // DBCP2's error for a closed statement quotes the statement's text
            assertThatThrownBy(() -> s.setString(1, "x")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("is closed").hasMessageNotContaining("ana.secret");
        }
    }

    @Test
    void everyKindOfStatementIsTheAdaptersAndWorks() throws SQLException {
        try (ConnectionPool pool = open("dbcp-stmt-kinds"); Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                 ResultSet r = s.executeQuery("select 41 + 1")) {
                assertThat(s.toString()).startsWith("LentStatement@");
                assertThat(s.getConnection()).isSameAs(c);
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
            try (CallableStatement s = c.prepareCall("{ ? = call upper(?) }")) {
                s.registerOutParameter(1, java.sql.Types.VARCHAR);
                s.setString(2, SECRET);
                s.execute();
                assertThat(s.getString(1)).isEqualTo(SECRET.toUpperCase());
                assertThat(s.toString()).startsWith("LentCallableStatement@").doesNotContain("ana.secret");
            }
            try (PreparedStatement s = c.prepareStatement("select 1", Statement.RETURN_GENERATED_KEYS)) {
                assertThat(s.toString()).startsWith("LentPreparedStatement@");
                assertThat(s.getConnection()).isSameAs(c);
            }
        }
    }
}
