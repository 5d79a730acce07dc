package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolStats;
import dev.alberca.pool.api.PoolTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.time.Duration;

import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stats mean the same for every provider and add up after a known sequence. */
public interface StatsContract extends ContractBase {

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void statsAddUpAfterBorrowsTimeoutsAndReturns(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(1).maxSize(2).acquireTimeout(Duration.ofMillis(800))
                .validationTimeout(Duration.ofMillis(400)));
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        PoolStats full = pool.stats();
        assertThat(full.inUse()).isEqualTo(2);
        assertThat(full.idle()).isZero();
        assertThat(full.total()).isEqualTo(2);
        assertThat(full.borrows()).isEqualTo(2);
        assertThatThrownBy(pool::getConnection).isInstanceOf(PoolTimeoutException.class);
        a.close();
        PoolStats oneBack = pool.stats();
        assertThat(oneBack.inUse()).isEqualTo(1);
        assertThat(oneBack.idle()).isEqualTo(1);
        try (Connection c = pool.getConnection()) {
            selectOne(c);
        }
        b.close();
        PoolStats end = pool.stats();
        assertThat(end.min()).isEqualTo(1);
        assertThat(end.max()).isEqualTo(2);
        assertThat(end.borrows()).isEqualTo(3);
        assertThat(end.timeouts()).isEqualTo(1);
        assertThat(end.connectionsCreated()).isEqualTo(2);
        assertThat(end.connectionsLost()).isZero();
        assertThat(end.total()).isEqualTo(2);
        assertThat(end.inUse()).isZero();
        assertThat(end.idle()).isEqualTo(2);
        assertThat(end.waiting()).isZero();
        assertThat(end.totalWait()).isGreaterThanOrEqualTo(end.maxWait());
        assertThat(end.maxWait()).isLessThan(Duration.ofMillis(800));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void connectionsKilledOnTheServerCountAsLost(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(2).maxSize(2));
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            selectOne(a);
            selectOne(b);
        }
        long createdBefore = pool.stats().connectionsCreated();
        assertThat(f.database().terminate(f.name())).isEqualTo(2);
        pool.check();
        PoolStats s = pool.stats();
        assertThat(s.connectionsLost()).isEqualTo(2);
        assertThat(s.connectionsCreated()).isGreaterThanOrEqualTo(createdBefore + 1);
        try (Connection c = pool.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void waitingCallersShowInStats(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().maxSize(1).acquireTimeout(Duration.ofSeconds(10)));
        Connection held = pool.getConnection();
        var waiter = f.threads(1).submit(() -> {
            try (Connection c = pool.getConnection()) {
                return selectOne(c);
            }
        });
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.stats().waiting() < 1 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(pool.stats().waiting()).isEqualTo(1);
        held.close();
        assertThat(waiter.get()).isEqualTo(1);
        assertThat(pool.stats().waiting()).isZero();
        assertThat(pool.stats().maxWait()).isGreaterThan(Duration.ZERO);
    }
}
