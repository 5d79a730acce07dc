package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.TooManyWaitersException;
import dev.alberca.pool.api.spi.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.alberca.pool.contract.PoolFixture.millis;
import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Callers waiting for a connection: interrupts, close, the waiter limit, handoff, and timeouts that leave no trace. */
public interface WaitingContract extends ContractBase {

    /** Polls until {@code n} callers wait, so a test acts only once they really do. */
    private static void awaitWaiting(ConnectionPool pool, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.stats().waiting() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(pool.stats().waiting()).as("callers waiting").isGreaterThanOrEqualTo(n);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void interruptWhileWaitingFailsFastAndKeepsTheFlag(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().maxSize(1).acquireTimeout(Duration.ofSeconds(20)));
        f.closeLater(pool.getConnection());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try (Connection c = pool.getConnection()) {
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
            flag.complete(Thread.currentThread().isInterrupted());
        }, "interrupted-waiter");
        waiter.setDaemon(true);
        waiter.start();
        awaitWaiting(pool, 1);
        long start = System.nanoTime();
        waiter.interrupt();
        Throwable t = failure.get(5, TimeUnit.SECONDS);
        assertThat(millis(start)).isLessThan(1000);
        assertThat((Throwable) t).isInstanceOf(SQLException.class).hasRootCauseInstanceOf(InterruptedException.class);
        assertThat(flag.get(5, TimeUnit.SECONDS)).as("interrupt flag kept").isTrue();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void alreadyInterruptedCallerFailsAtOnceWhenItWouldWait(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().maxSize(1).acquireTimeout(Duration.ofSeconds(20)));
        f.closeLater(pool.getConnection());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try (Connection c = pool.getConnection()) {
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
            flag.complete(Thread.currentThread().isInterrupted());
        }, "pre-interrupted");
        caller.setDaemon(true);
        long start = System.nanoTime();
        caller.start();
        Throwable t = failure.get(5, TimeUnit.SECONDS);
        assertThat(millis(start)).isLessThan(1000);
        assertThat((Throwable) t).isInstanceOf(SQLException.class).hasRootCauseInstanceOf(InterruptedException.class);
        assertThat(flag.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void closeFailsWaitingCallersWithinOneSecond(PoolFixture f) throws Exception {
        f.requires(Capability.RELEASE_WAITERS_ON_CLOSE);
        ConnectionPool pool = f.open(f.config().minSize(0).maxSize(2).acquireTimeout(Duration.ofSeconds(10)));
        f.closeLater(pool.getConnection());
        f.closeLater(pool.getConnection());
        ExecutorService e = f.threads(3);
        List<Future<Connection>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(e.submit(() -> pool.getConnection()));
        }
        awaitWaiting(pool, 3);
        long start = System.nanoTime();
        pool.close();
        for (Future<Connection> w : waiters) {
            assertThatThrownBy(() -> w.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PoolClosedException.class).hasMessageContaining(f.name());
        }
        assertThat(millis(start)).as("all waiters failed within").isLessThan(1000);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void beyondMaxWaitingFailsAtOnce(PoolFixture f) throws Exception {
        f.requires(Capability.MAX_WAITING);
        ConnectionPool pool = f.open(f.config().maxSize(1).maxWaiting(2).acquireTimeout(Duration.ofSeconds(10)));
        Connection held = f.closeLater(pool.getConnection());
        ExecutorService e = f.threads(2);
        // Each waiter gives its connection back itself: which of the two is served first is the pool's
        // business, and a waiter that kept it would leave the other to time out.
        Callable<Boolean> borrowAndGiveBack = () -> {
            try (Connection c = pool.getConnection()) {
                return c.isValid(5);
            }
        };
        List<Future<Boolean>> waiters = List.of(e.submit(borrowAndGiveBack), e.submit(borrowAndGiveBack));
        awaitWaiting(pool, 2);
        long start = System.nanoTime();
        assertThatThrownBy(pool::getConnection).isInstanceOf(TooManyWaitersException.class)
                .hasMessageContaining(f.name()).hasMessageContaining("max-waiting=2");
        assertThat(millis(start)).isLessThan(500);
        held.close();
        for (Future<Boolean> w : waiters) {
            assertThat(w.get(15, TimeUnit.SECONDS)).as("the waiter's connection is valid").isTrue();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void returningAConnectionWakesAWaiter(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().maxSize(1).acquireTimeout(Duration.ofSeconds(10)));
        Connection held = pool.getConnection();
        ExecutorService e = f.threads(1);
        Future<Integer> waiter = e.submit(() -> {
            try (Connection c = pool.getConnection()) {
                return selectOne(c);
            }
        });
        awaitWaiting(pool, 1);
        long start = System.nanoTime();
        held.close();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(millis(start)).as("handoff, not a timeout").isLessThan(2000);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aCallerThatTimedOutLosesNoConnection(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(2).maxSize(2).acquireTimeout(Duration.ofMillis(500))
                .validationTimeout(Duration.ofMillis(250)));
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        assertThatThrownBy(pool::getConnection).isInstanceOf(PoolTimeoutException.class);
        a.close();
        b.close();
        assertThat(pool.stats().total()).isEqualTo(2);
        try (Connection c1 = pool.getConnection(); Connection c2 = pool.getConnection()) {
            assertThat(selectOne(c1) + selectOne(c2)).isEqualTo(2);
        }
        assertThat(pool.stats().inUse()).isZero();
    }
}
