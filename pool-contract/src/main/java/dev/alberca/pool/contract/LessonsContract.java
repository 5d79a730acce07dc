package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static dev.alberca.pool.contract.PoolFixture.backendPid;
import static dev.alberca.pool.contract.PoolFixture.millis;
import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The behaviour the two lessons teach, on a pool of min 1, max 5. */
public interface LessonsContract extends ContractBase {

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void sixSequentialScopedBorrowsSucceed(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        Set<Integer> pids = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            try (Connection c = pool.getConnection()) {
                assertThat(selectOne(c)).isEqualTo(1);
                pids.add(backendPid(c));
            }
        }
        assertThat(pids).hasSizeBetween(1, 5);
        assertThat(pool.stats().borrows()).isEqualTo(6);
        assertThat(pool.stats().inUse()).isZero();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void sequentialBorrowsReuseTheSameSession(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        int first;
        try (Connection c = pool.getConnection()) {
            first = backendPid(c);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(backendPid(c)).isEqualTo(first);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void scopedBorrowKnowsItsUrlAndUser(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        try (Connection c = pool.getConnection()) {
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:postgresql://");
            assertThat(c.getMetaData().getUserName()).isEqualTo(f.database().user());
        }
        assertThat(pool.name()).isEqualTo(f.name());
        assertThat(pool.providerName()).isEqualTo(f.provider());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void explicitBorrowAndReleaseGivesTheConnectionBack(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        Connection c = pool.getConnection();
        assertThat(selectOne(c)).isEqualTo(1);
        assertThat(pool.stats().inUse()).isEqualTo(1);
        pool.release(c);
        assertThat(c.isClosed()).isTrue();
        assertThat(pool.stats().inUse()).isZero();
        assertThat(pool.stats().idle()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void sixthBorrowWhileFiveAreHeldTimesOutAsExhausted(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(f.closeLater(pool.getConnection()));
        }
        long start = System.nanoTime();
        PoolTimeoutException e = catchThrowableOfType(PoolTimeoutException.class, pool::getConnection);
        long took = millis(start);
        assertThat((Throwable) e).isNotNull();
        assertThat(took).as("waited the acquire timeout, no less and not much more")
                .isGreaterThanOrEqualTo(2000).isLessThanOrEqualTo(2500);
        assertThat(e.getMessage()).startsWith("connection pool exhausted").contains("'" + f.name() + "'")
                .contains("max=5").contains("inUse=5").contains("idle=0");
        assertThat(e.poolName()).isEqualTo(f.name());
        assertThat(e.waited()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2500));
        assertThat(e.stats().inUse()).isEqualTo(5);
        assertThat(e.stats().max()).isEqualTo(5);
        for (Connection c : held) {
            c.close();
        }
        try (Connection c = pool.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void perCallTimeoutOverridesTheConfiguredOne(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().maxSize(1).acquireTimeout(Duration.ofSeconds(10)));
        f.closeLater(pool.getConnection());
        long start = System.nanoTime();
        assertThatThrownBy(() -> pool.getConnection(Duration.ofMillis(500))).isInstanceOf(PoolTimeoutException.class);
        assertThat(millis(start)).isGreaterThanOrEqualTo(500).isLessThanOrEqualTo(1000);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void releaseRefusesAConnectionOfAnotherPool(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        ConnectionPool other = f.open(f.config().poolName(f.name() + "-other"));
        Connection foreign = f.closeLater(other.getConnection());
        assertThatThrownBy(() -> pool.release(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.name());
        assertThat(foreign.isClosed()).as("a refused connection stays with its owner").isFalse();
        assertThat(selectOne(foreign)).isEqualTo(1);
        other.release(foreign);
        assertThat(other.stats().inUse()).isZero();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void releaseRefusesAConnectionOfNoPool(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        Properties p = new Properties();
        p.setProperty("user", f.database().user());
        if (f.database().password() != null) {
            p.setProperty("password", f.database().password());
        }
        Connection raw = f.closeLater(DriverManager.getConnection(f.database().url(), p));
        assertThatThrownBy(() -> pool.release(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.name());
        assertThat(raw.isClosed()).isFalse();
        assertThatThrownBy(() -> pool.release(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void checkReplacesABackendKilledOnTheServer(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        int before;
        try (Connection c = pool.getConnection()) {
            before = backendPid(c);
        }
        assertThat(f.database().terminate(f.name())).isGreaterThanOrEqualTo(1);
        pool.check();
        assertThat(pool.stats().total()).isGreaterThanOrEqualTo(1);
        try (Connection c = pool.getConnection()) {
            assertThat(backendPid(c)).isNotEqualTo(before);
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void borrowAfterCloseFailsAtOnceAsClosed(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().acquireTimeout(Duration.ofSeconds(10)));
        try (Connection c = pool.getConnection()) {
            selectOne(c);
        }
        pool.close();
        assertThat(pool.isClosed()).isTrue();
        long start = System.nanoTime();
        PoolClosedException e = catchThrowableOfType(PoolClosedException.class, pool::getConnection);
        assertThat(millis(start)).isLessThan(500);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getMessage()).contains(f.name()).contains("closed");
        assertThatThrownBy(pool::check).isInstanceOf(PoolClosedException.class);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void closingThePoolTwiceIsHarmless(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        pool.close();
        pool.close();
        assertThat(pool.isClosed()).isTrue();
    }
}
