package dev.alberca.pool.simple;

import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.TooManyWaitersException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Borrowers that find no idle connection: the queue, the deadline, and every way a wait ends. */
@SuppressWarnings("try") // connections held open on purpose, unused in the body
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WaitingTest {

    private final StubDatabase db = new StubDatabase();
    private SimplePool pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private SimplePool pool(int max, Duration timeout) {
        pool = db.open(StubDatabase.config("waiting").maxSize(max).acquireTimeout(timeout).build());
        return pool;
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.stats().waiting() != n && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        assertThat(pool.stats().waiting()).isEqualTo(n);
    }

    /** A pool of one connection on a clock the test moves (waiters' looks still pause in real time). */
    private void poolOfOne(AtomicLong clock) {
        pool = db.open(StubDatabase.config("waiting").maxSize(1).acquireTimeout(Duration.ofSeconds(20)).build(),
                clock::get);
    }

    /** The one connection of a pool, held by the test, and a borrower queued behind it in the background. */
    private record OneWaiting(Connection held, CompletableFuture<Connection> waiter) {
    }

    /** {@link OneWaiting} on {@link #poolOfOne}. */
    private OneWaiting oneHeldOneWaiting(AtomicLong clock) throws Exception {
        poolOfOne(clock);
        Connection held = pool.getConnection();
        CompletableFuture<Connection> waiter = borrowInBackground();
        awaitWaiting(1);
        return new OneWaiting(held, waiter);
    }

    private CompletableFuture<Connection> borrowInBackground() {
        CompletableFuture<Connection> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(pool.getConnection());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    @Test
    void waitersPastTheFairnessBoundAreServedFirstComeFirstServed() throws Exception {
        // On a clock the test moves, so that every waiter is past the bound however fast it queued.
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        poolOfOne(clock);
        Connection held = pool.getConnection();
        List<CompletableFuture<Connection>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(borrowInBackground());
            awaitWaiting(i + 1);
        }
        clock.addAndGet(TimeUnit.MICROSECONDS.toNanos(SimplePool.FAIR_MICROS));
        held.close();
        for (int i = 0; i < 4; i++) {
            Connection c = waiters.get(i).get(10, TimeUnit.SECONDS);
            for (int j = i + 1; j < 4; j++) {
                assertThat(waiters.get(j)).as("waiter %d served before waiter %d", j, i).isNotDone();
            }
            c.close();
        }
    }

    @Test
    void aWaiterPastTheFairnessBoundGetsTheNextReturnNotTheThreadThatGaveItBack() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        OneWaiting q = oneHeldOneWaiting(clock);
        clock.addAndGet(TimeUnit.MICROSECONDS.toNanos(SimplePool.FAIR_MICROS));
        q.held().close();
        assertThatThrownBy(() -> pool.getConnection(Duration.ZERO)).isInstanceOf(PoolTimeoutException.class);
        q.waiter().get(10, TimeUnit.SECONDS).close();
        assertThat(pool.stats().borrows()).isEqualTo(2);
    }

    @Test
    void aWaiterWithinTheFairnessBoundFindsAConnectionThatWentIdle() throws Exception {
        // The clock stands still: the waiter stays within the bound, so the return leaves the connection
        // idle instead of handing it over, and the waiter must find it by looking.
        OneWaiting q = oneHeldOneWaiting(new AtomicLong(1_000_000_000L));
        q.held().close();
        q.waiter().get(10, TimeUnit.SECONDS).close();
        assertThat(pool.stats().waiting()).isZero();
        assertThat(pool.stats().borrows()).isEqualTo(2);
        assertThat(pool.stats().timeouts()).isZero();
    }

    @Test
    void exhaustionFailsNotBeforeTheDeadlineAndPromptlyAfter() throws SQLException {
        pool(1, Duration.ofMillis(400));
        try (Connection held = pool.getConnection()) {
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection).isInstanceOf(PoolTimeoutException.class)
                    .hasMessageStartingWith("connection pool exhausted: pool 'waiting'");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(ms).isBetween(400L, 1400L);
        }
        assertThat(pool.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void perCallTimeoutOverridesTheConfiguredOne() throws SQLException {
        pool(1, Duration.ofSeconds(20));
        try (Connection held = pool.getConnection()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> pool.getConnection(Duration.ofMillis(100))).isInstanceOf(PoolTimeoutException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(100L, 5000L);
        }
    }

    @Test
    void aReturnHandsTheConnectionToTheWaiter() throws Exception {
        pool(1, Duration.ofSeconds(20));
        Connection held = pool.getConnection();
        CompletableFuture<Connection> waiter = borrowInBackground();
        awaitWaiting(1);
        held.close();
        waiter.get(10, TimeUnit.SECONDS).close();
        assertThat(pool.stats().borrows()).isEqualTo(2);
        assertThat(pool.stats().maxWait()).isPositive();
        assertThat(pool.stats().totalWait()).isGreaterThanOrEqualTo(pool.stats().maxWait());
    }

    @Test
    void maxWaitingRefusesOneMoreAtOnce() throws Exception {
        pool = db.open(StubDatabase.config("waiting").maxSize(1).maxWaiting(1)
                .acquireTimeout(Duration.ofSeconds(20)).build());
        Connection held = pool.getConnection();
        CompletableFuture<Connection> first = borrowInBackground();
        awaitWaiting(1);
        long start = System.nanoTime();
        assertThatThrownBy(pool::getConnection).isInstanceOf(TooManyWaitersException.class)
                .hasMessageContaining("max-waiting=1");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        held.close();
        first.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void maxWaitingZeroRefusesAtOnceWhenNoConnectionCanBeOpened() throws SQLException {
        pool = db.open(StubDatabase.config("waiting").maxSize(1).maxWaiting(0).build());
        try (Connection held = pool.getConnection()) {
            assertThatThrownBy(pool::getConnection).isInstanceOf(TooManyWaitersException.class);
        }
    }

    @Test
    void closeFailsEveryWaiterAtOnce() throws Exception {
        pool(1, Duration.ofSeconds(20));
        Connection held = pool.getConnection();
        List<CompletableFuture<Connection>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(borrowInBackground());
        }
        awaitWaiting(3);
        long start = System.nanoTime();
        pool.close();
        for (CompletableFuture<Connection> w : waiters) {
            assertThatThrownBy(() -> w.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(PoolClosedException.class);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        held.close();
        assertThat(db.openCount()).isZero();
    }

    @Test
    void interruptedWaiterFailsFastAndKeepsItsFlag() throws Exception {
        pool(1, Duration.ofSeconds(20));
        try (Connection held = pool.getConnection()) {
            AtomicReference<Throwable> error = new AtomicReference<>();
            AtomicBoolean flag = new AtomicBoolean();
            Thread t = new Thread(() -> {
                try {
                    pool.getConnection();
                } catch (SQLException e) {
                    error.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            t.start();
            awaitWaiting(1);
            long start = System.nanoTime();
            t.interrupt();
            t.join(5000);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
            assertThat(error.get()).isInstanceOf(SQLException.class).hasCauseInstanceOf(InterruptedException.class);
            assertThat(flag).isTrue();
            assertThat(pool.stats().waiting()).isZero();
        }
    }

    @Test
    void alreadyInterruptedThreadFailsAtOnceAndKeepsItsFlag() throws SQLException {
        pool(1, Duration.ofSeconds(20));
        pool.getConnection().close(); // an idle connection is there: still refused
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void databaseDownGivesDatabaseUnavailableWithTheDriversError() throws SQLException {
        db.refuse = new SQLException("Connection to stub refused", "08001");
        pool(2, Duration.ofMillis(500));
        long start = System.nanoTime();
        assertThatThrownBy(pool::getConnection).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("pool 'waiting'").hasMessageContaining("unreachable")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
                .hasCause(db.refuse);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(500L, 1500L);
        assertThat(pool.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void loginRefusalFailsWaitersAtOnce() throws SQLException {
        db.refuse = new SQLException("password authentication failed for user \"u\"", "28P01");
        pool(2, Duration.ofSeconds(20));
        long start = System.nanoTime();
        assertThatThrownBy(pool::getConnection).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("refused the login")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(6000);
    }

    @Test
    void openDoesNotFailWhileTheDatabaseIsDownAndTheRefillRecovers() throws Exception {
        db.refuse = new SQLException("Connection refused", "08001");
        pool = db.open(StubDatabase.config("waiting").minSize(2).maxSize(2).build());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.attempts.get() < 3 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(db.attempts.get()).as("retries in the background").isGreaterThanOrEqualTo(3);
        db.refuse = null;
        while (pool.stats().total() < 2 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(pool.stats().total()).isEqualTo(2);
        assertThat(pool.stats().connectionsCreated()).isEqualTo(2);
    }

    @Test
    void aHangingDriverDoesNotHoldTheBorrowerPastItsDeadline() throws SQLException {
        db.gate = new CountDownLatch(1);
        try {
            pool(1, Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 1300L);
        } finally {
            db.gate.countDown();
        }
    }

    @Test
    void coldStartServesAsManyBorrowersAsMaxSize() throws Exception {
        pool(8, Duration.ofSeconds(10));
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(8);
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    try (Connection c = pool.getConnection()) {
                        holding.countDown();
                        release.await(20, TimeUnit.SECONDS);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        assertThat(holding.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.stats().inUse()).isEqualTo(8);
        release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(errors).isEmpty();
        assertThat(db.connections).hasSize(8);
    }
}
