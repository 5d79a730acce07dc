package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.spi.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.alberca.pool.contract.FaultKit.EPSILON_MILLIS;
import static dev.alberca.pool.contract.FaultKit.execute;
import static dev.alberca.pool.contract.FaultKit.letConnectionsAge;
import static dev.alberca.pool.contract.FaultKit.requireEmbedded;
import static dev.alberca.pool.contract.FaultKit.servesWithin;
import static dev.alberca.pool.contract.FaultKit.sqlState;
import static dev.alberca.pool.contract.FaultKit.untilItWorks;
import static dev.alberca.pool.contract.FaultKit.warm;
import static dev.alberca.pool.contract.PoolFixture.backendPid;
import static dev.alberca.pool.contract.PoolFixture.millis;
import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The contract under faults, with the suite's settings: acquire timeout 2 s, validation 1 s, driver
 * connect 2 s, login 3 s, socket 5 s, cancel 2 s. Every test runs under a hard time limit.
 */
public interface FaultContract extends ContractBase {

    /** Acquire timeout of the fault tests, in milliseconds. */
    long CT = 2000;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void databaseDownFailsTheBorrowWithinTheTimeoutAsUnreachable(PoolFixture f) throws Exception {
        requireEmbedded(f);
        ConnectionPool pool = f.open(f.config().minSize(2).maxSize(4));
        warm(pool, 2);
        f.database().stop();
        try {
            letConnectionsAge();
            long start = System.nanoTime();
            Throwable e = catchThrowable(pool::getConnection);
            assertThat(millis(start)).as("failed within the acquire timeout").isLessThanOrEqualTo(CT + EPSILON_MILLIS);
            assertThat(e).as("the database is named as the reason, not an exhausted pool")
                    .isInstanceOf(DatabaseUnavailableException.class).isNotInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("the database is unreachable");
            assertThat(sqlState(e)).startsWith("08");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
        } finally {
            f.database().start();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void afterARestartThePoolServesWithinFiveSecondsAndNeverHandsOutAStaleConnection(PoolFixture f)
            throws Exception {
        requireEmbedded(f);
        ConnectionPool pool = f.open(f.config().minSize(3).maxSize(3));
        warm(pool, 3);
        f.database().stop();
        f.database().start();
        long recovered = servesWithin(pool, Duration.ofSeconds(5));
        assertThat(recovered).isLessThanOrEqualTo(5000);
        Thread.sleep(1000);
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection c = pool.getConnection();
                all.add(c);
                assertThat(selectOne(c)).as("connection %d after the restart", i).isEqualTo(1);
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void terminatedBackendsAreNeverHandedOutOnceTheFaultIsOneSecondOld(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(3).maxSize(3));
        Set<Integer> victims = new HashSet<>();
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.getConnection());
            victims.add(backendPid(held.get(i)));
        }
        for (Connection c : held) {
            c.close();
        }
        assertThat(f.database().terminate(f.name())).isEqualTo(3);
        Thread.sleep(1000);
        held.clear();
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Connection c = pool.getConnection();
                held.add(c);
                assertThat(millis(start)).isLessThanOrEqualTo(CT + EPSILON_MILLIS);
                assertThat(backendPid(c)).as("a session that was terminated").isNotIn(victims);
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(f.database().awaitSessions(f.name(), 3, Duration.ofSeconds(5))).as("refilled to min-size").isEqualTo(3);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aCrashedBackendTakesNoBorrowerDownOnceOneSecondOldAndThePoolRefills(PoolFixture f) throws Exception {
        requireEmbedded(f);
        ConnectionPool pool = f.open(f.config().minSize(2).maxSize(2));
        int victim;
        try (Connection c = pool.getConnection(); Connection d = pool.getConnection()) {
            victim = backendPid(c);
            selectOne(d);
        }
        // SIGKILL of one backend: the server ends every session and recovers from the crash.
        f.database().killBackend(victim);
        untilItWorks(Duration.ofSeconds(10), () -> {
            try (Connection admin = f.database().admin()) {
                return selectOne(admin);
            }
        });
        Thread.sleep(1000);
        try (Connection c = pool.getConnection(); Connection d = pool.getConnection()) {
            assertThat(selectOne(c) + selectOne(d)).isEqualTo(2);
        }
        assertThat(f.database().awaitSessions(f.name(), 2, Duration.ofSeconds(5))).isEqualTo(2);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aFrozenNetworkFailsTheBorrowWithinTheTimeoutAndThePoolServesAfterwards(PoolFixture f)
            throws Exception {
        f.requires(Capability.BOUNDED_BORROW_UNDER_HANGS);
        try (FaultProxy proxy = FaultProxy.to(host(f), port(f))) {
            ConnectionPool pool = f.open(f.config().url(proxy.url(database(f))).minSize(2).maxSize(2));
            warm(pool, 2);
            letConnectionsAge();
            proxy.freeze();
            try {
                long start = System.nanoTime();
                Throwable e = catchThrowable(pool::getConnection);
                assertThat(millis(start)).as("failed within the acquire timeout").isLessThanOrEqualTo(CT + EPSILON_MILLIS);
                assertThat(e).isInstanceOf(SQLTransientConnectionException.class);
            } finally {
                proxy.unfreeze();
            }
            servesWithin(pool, Duration.ofMillis(CT + 1000));
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aQueryInFlightOnAFrozenNetworkFailsWithinTheSocketTimeout(PoolFixture f) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(host(f), port(f))) {
            ConnectionPool pool = f.open(f.config().url(proxy.url(database(f))).minSize(1).maxSize(2));
            Connection c = pool.getConnection();
            Future<Throwable> query = f.threads(1).submit(() -> catchThrowable(() -> execute(c, "select pg_sleep(2)")));
            Thread.sleep(300);
            proxy.freeze();
            long start = System.nanoTime();
            try {
                Throwable e = query.get(20, TimeUnit.SECONDS);
                assertThat(millis(start)).as("failed within the socket timeout (5 s)")
                        .isLessThanOrEqualTo(5000 + EPSILON_MILLIS);
                assertThat(e).isInstanceOf(SQLException.class);
                assertThat(sqlState(e)).startsWith("08");
            } finally {
                proxy.unfreeze();
                c.close();
            }
            servesWithin(pool, Duration.ofMillis(CT + 1000));
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void closingAConnectionBrokenByAFrozenNetworkDoesNotBlock(PoolFixture f) throws Exception {
        f.requires(Capability.NON_BLOCKING_CLOSE_OF_BROKEN);
        try (FaultProxy proxy = FaultProxy.to(host(f), port(f))) {
            ConnectionPool pool = f.open(f.config().url(proxy.url(database(f))).minSize(1).maxSize(2));
            Connection c = pool.getConnection();
            f.closeLater(c);
            proxy.freeze();
            try {
                assertThatThrownBy(() -> execute(c, "select 1")).isInstanceOf(SQLException.class);
                long closing = System.nanoTime();
                c.close();
                assertThat(millis(closing)).as("close() of the broken connection").isLessThanOrEqualTo(EPSILON_MILLIS);
                assertThat(c.isClosed()).isTrue();
            } finally {
                proxy.unfreeze();
            }
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aCutNetworkFailsTheQueryInFlightAtOnceAndTheNextBorrowSucceeds(PoolFixture f) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(host(f), port(f))) {
            ConnectionPool pool = f.open(f.config().url(proxy.url(database(f))).minSize(2).maxSize(2));
            warm(pool, 2);
            Connection c = pool.getConnection();
            Future<Throwable> query = f.threads(1).submit(() -> catchThrowable(() -> execute(c, "select pg_sleep(3)")));
            Thread.sleep(300);
            long start = System.nanoTime();
            proxy.cut(true);
            Throwable e = query.get(20, TimeUnit.SECONDS);
            assertThat(millis(start)).as("failed at once").isLessThanOrEqualTo(1000);
            assertThat(sqlState(e)).as("SQLState of %s", e).startsWith("08");
            c.close();
            long borrow = System.nanoTime();
            try (Connection d = pool.getConnection()) {
                assertThat(selectOne(d)).isEqualTo(1);
            }
            assertThat(millis(borrow)).isLessThanOrEqualTo(CT + EPSILON_MILLIS);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void idleConnectionsCutWithAFinAreReplacedOnTheNextBorrow(PoolFixture f) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(host(f), port(f))) {
            ConnectionPool pool = f.open(f.config().url(proxy.url(database(f))).minSize(2).maxSize(2));
            warm(pool, 2);
            proxy.cut(false);
            Thread.sleep(1000);
            try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
                assertThat(selectOne(a) + selectOne(b)).isEqualTo(2);
            }
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aHungServerFailsTheBorrowWithinTheTimeoutAndServesAfterItResumes(PoolFixture f) throws Exception {
        requireEmbedded(f);
        f.requires(Capability.BOUNDED_BORROW_UNDER_HANGS);
        ConnectionPool pool = f.open(f.config().minSize(2).maxSize(2));
        warm(pool, 2);
        letConnectionsAge();
        List<Long> stopped = f.database().suspend(false);
        try {
            long start = System.nanoTime();
            Throwable e = catchThrowable(pool::getConnection);
            assertThat(millis(start)).as("failed within the acquire timeout").isLessThanOrEqualTo(CT + EPSILON_MILLIS);
            assertThat(e).isInstanceOf(SQLTransientConnectionException.class);
        } finally {
            f.database().resume(stopped);
        }
        servesWithin(pool, Duration.ofMillis(CT + 2000));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aServerThatAcceptsAndNeverAnswersFailsTheFirstBorrowWithinTheLoginTimeout(PoolFixture f)
            throws Exception {
        try (DeadListener silent = DeadListener.silent()) {
            ConnectionPool pool = f.open(f.config().url(silent.url()).minSize(1));
            long start = System.nanoTime();
            Throwable e = catchThrowable(pool::getConnection);
            assertThat(millis(start)).as("failed within the login timeout (3 s)").isLessThanOrEqualTo(3000 + EPSILON_MILLIS);
            assertThat(e).isInstanceOf(SQLTransientConnectionException.class);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aListenerThatNeverAcceptsFailsTheFirstBorrowWithinTheConnectTimeout(PoolFixture f) throws Exception {
        try (DeadListener deaf = DeadListener.notAccepting()) {
            ConnectionPool pool = f.open(f.config().url(deaf.url()).minSize(1));
            long start = System.nanoTime();
            Throwable e = catchThrowable(pool::getConnection);
            assertThat(millis(start)).as("failed within the connect timeout (2 s)").isLessThanOrEqualTo(2000 + EPSILON_MILLIS);
            assertThat(e).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(sqlState(e)).startsWith("08");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void exhaustionAndAnUnreachableDatabaseAreDifferentErrors(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().maxSize(1));
        f.closeLater(pool.getConnection());
        assertThatThrownBy(pool::getConnection).isInstanceOf(PoolTimeoutException.class)
                .isNotInstanceOf(DatabaseUnavailableException.class);
        try (DeadListener deaf = DeadListener.notAccepting()) {
            ConnectionPool down = f.open(f.config().poolName(f.name() + "-down").url(deaf.url()));
            assertThatThrownBy(down::getConnection).isInstanceOf(DatabaseUnavailableException.class)
                    .isNotInstanceOf(PoolTimeoutException.class);
        }
    }

    private static String hostPort(PoolFixture f) {
        String url = f.database().url();
        int from = "jdbc:postgresql://".length();
        return url.substring(from, url.indexOf('/', from));
    }

    private static String host(PoolFixture f) {
        String hp = hostPort(f);
        return hp.contains(":") ? hp.substring(0, hp.lastIndexOf(':')) : hp;
    }

    private static int port(PoolFixture f) {
        String hp = hostPort(f);
        return hp.contains(":") ? Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1)) : 5432;
    }

    private static String database(PoolFixture f) {
        String url = f.database().url();
        String rest = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1);
        return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    }
}
