package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.contract.TestDatabase;
import org.apache.commons.dbcp2.AbandonedTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter lends its own subclasses of DBCP2's statement wrappers, for every kind of statement (not
 * finalizable, printing no SQL, stamping no time of last use; the contract's
 * {@code boundValuesNeverShowInTheTextOfStatements} checks the text): each kind must be the adapter's and
 * still work.
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

    /**
     * DBCP2 stamps the time of last use (a clock read, dear on this kind of VM) on the handle for every
     * statement made and every execution, and on the statement for every result set; nothing reads those
     * stamps here, so the adapter's handle and statements skip them and keep DBCP2's "never" (the epoch).
     */
    @Test
    void theHandleAndItsStatementsStampNoTimeOfLastUse() throws SQLException {
        try (ConnectionPool pool = open("dbcp-no-stamps"); Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select 1");
                 PreparedStatement p = c.prepareStatement("select ?");
                 CallableStatement k = c.prepareCall("{ ? = call upper(?) }")) {
                assertThat(r.next()).isTrue();
                p.setInt(1, 7);
                try (ResultSet q = p.executeQuery()) {
                    assertThat(q.next()).isTrue();
                }
                k.registerOutParameter(1, java.sql.Types.VARCHAR);
                k.setString(2, "x");
                k.execute();
                for (Object used : new Object[] {c, s, p, k}) {
                    assertThat(((AbandonedTrace) used).getLastUsedInstant()).as(used.getClass().getSimpleName())
                            .isEqualTo(Instant.EPOCH);
                }
            }
        }
    }
}
