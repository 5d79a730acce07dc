package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.PoolStats;
import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.time.Duration;

import static dev.alberca.pool.contract.PoolFixture.backendPid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter checks the maximum lifetime itself, from the time DBCP2 already read for the borrow (not
 * DBCP2's {@code maxConn}, which reads the clock three more times per cycle): a connection past it must
 * still be closed, not lent, and the counts must survive its closing.
 */
class LifetimeTest {

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aConnectionPastItsLifetimeIsClosedInsteadOfLent() throws Exception {
        TestDatabase db = TestDatabase.get();
        String name = TestDatabase.uniqueName("dbcp-lifetime");
        try (ConnectionPool pool = ConnectionPools.open(db.config(name).provider("dbcp").minSize(0).maxSize(1)
                .maxLifetime(Duration.ofMillis(700)).acquireTimeout(Duration.ofSeconds(5)).build())) {
            int first;
            try (Connection c = pool.getConnection()) {
                first = backendPid(c);
            }
            try (Connection c = pool.getConnection()) {
                assertThat(backendPid(c)).as("a young connection is lent again").isEqualTo(first);
            }
            Thread.sleep(900);
            try (Connection c = pool.getConnection()) {
                assertThat(backendPid(c)).as("past its lifetime: a new connection").isNotEqualTo(first);
            }
            assertThat(db.sessions(name)).as("the old session is closed on the server").isEqualTo(1);
            PoolStats s = pool.stats();
            assertThat(s.connectionsCreated()).isEqualTo(2);
            assertThat(s.connectionsLost()).as("a retired connection is not a lost one").isZero();
            assertThat(s.borrows()).as("borrows of a closed connection still count").isEqualTo(3);
        }
    }
}
