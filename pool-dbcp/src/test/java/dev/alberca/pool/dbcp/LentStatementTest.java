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

/**
 * The adapter lends its own subclasses of DBCP2's statement wrappers, for every kind of statement (not
 * finalizable, and printing no SQL; the contract's {@code boundValuesNeverShowInTheTextOfStatements}
 * checks the text): each kind must be the adapter's and still work.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LentStatementTest {

    private static final String SECRET = "ana.secret@example.com";

    private static ConnectionPool open(String name) throws SQLException {
        return ConnectionPools.open(TestDatabase.get().config(TestDatabase.uniqueName(name)).provider("dbcp")
                .maxSize(1).build());
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
