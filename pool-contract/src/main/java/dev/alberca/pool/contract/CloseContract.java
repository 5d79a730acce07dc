package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.time.Duration;

import static dev.alberca.pool.contract.PoolFixture.millis;
import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing a pool leaves nothing behind on the server. */
public interface CloseContract extends ContractBase {

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void closeEndsTheIdleSessions(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(3).maxSize(5));
        Connection[] c = {pool.getConnection(), pool.getConnection(), pool.getConnection()};
        for (Connection x : c) {
            x.close();
        }
        assertThat(f.database().awaitSessions(f.name(), 3, Duration.ofSeconds(5))).isEqualTo(3);
        pool.close();
        assertThat(f.database().awaitSessions(f.name(), 0, Duration.ofSeconds(3))).isZero();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void noSessionRemainsAfterCloseAndTheReturnOfBorrowedConnections(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(1).maxSize(5));
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        selectOne(a);
        selectOne(b);
        long start = System.nanoTime();
        pool.close();
        assertThat(millis(start)).as("close() returns without waiting for borrowers").isLessThan(1000);
        assertThatThrownBy(pool::getConnection).isInstanceOf(PoolClosedException.class);
        a.close();
        b.close();
        assertThat(a.isClosed()).isTrue();
        assertThat(f.database().awaitSessions(f.name(), 0, Duration.ofSeconds(3))).isZero();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void statsAfterCloseShowNothingIdle(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(2).maxSize(5));
        try (Connection c = pool.getConnection()) {
            selectOne(c);
        }
        pool.close();
        assertThat(pool.stats().idle()).isZero();
        assertThat(pool.stats().inUse()).isZero();
    }
}
