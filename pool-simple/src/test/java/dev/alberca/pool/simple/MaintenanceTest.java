package dev.alberca.pool.simple;

import dev.alberca.pool.simple.StubDatabase.StubConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Lifetime, idle timeout, validation after the bypass window and leak reports, on a clock the test drives. */
@SuppressWarnings("try") // connections held open on purpose, unused in the body
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MaintenanceTest {

    private final StubDatabase db = new StubDatabase();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private SimplePool pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    private void awaitTotal(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.stats().total() != n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(pool.stats().total()).isEqualTo(n);
    }

    @Test
    void idleConnectionsPastTheirLifetimeAreRetiredAndReplaced() throws Exception {
        pool = db.open(StubDatabase.config("life").minSize(1).maxSize(2).maxLifetime(Duration.ofMinutes(30))
                .build(), clock::get);
        awaitTotal(1);
        advance(Duration.ofMinutes(30));
        pool.housekeeper().tick();
        assertThat(db.connections.get(0).closed).isTrue();
        awaitTotal(1); // the refill to min
        assertThat(db.connections).hasSize(2);
        assertThat(pool.stats().connectionsLost()).as("retirement is not a loss").isZero();
    }

    @Test
    void aBorrowedConnectionIsRetiredWhenGivenBackNotBefore() throws Exception {
        pool = db.open(StubDatabase.config("life").maxLifetime(Duration.ofMinutes(30)).build(), clock::get);
        Connection c = pool.getConnection();
        advance(Duration.ofMinutes(31));
        pool.housekeeper().tick();
        assertThat(db.connections.get(0).closed).isFalse();
        assertThat(c.isValid(1)).isTrue();
        c.close();
        assertThat(db.connections.get(0).closed).isTrue();
        assertThat(pool.stats().total()).isZero();
    }

    @Test
    void anExpiredIdleConnectionIsNeverLent() throws SQLException {
        pool = db.open(StubDatabase.config("life").maxLifetime(Duration.ofMinutes(30)).build(), clock::get);
        pool.getConnection().close();
        advance(Duration.ofMinutes(31)); // no tick: the borrow itself notices
        try (Connection c = pool.getConnection()) {
            assertThat(db.connections).hasSize(2);
            assertThat(db.connections.get(0).closed).isTrue();
        }
    }

    @Test
    void idleTimeoutClosesConnectionsDownToTheMinimum() throws Exception {
        pool = db.open(StubDatabase.config("idle").minSize(1).maxSize(3).idleTimeout(Duration.ofMinutes(10))
                .maxLifetime(Duration.ZERO).build(), clock::get);
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        Connection c = pool.getConnection();
        a.close();
        b.close();
        c.close();
        assertThat(pool.stats().total()).isEqualTo(3);
        advance(Duration.ofMinutes(9));
        pool.housekeeper().tick();
        assertThat(pool.stats().total()).isEqualTo(3);
        advance(Duration.ofMinutes(2));
        pool.housekeeper().tick();
        assertThat(pool.stats().total()).isEqualTo(1);
        assertThat(db.openCount()).isEqualTo(1);
    }

    @Test
    void aConnectionUnusedPastTheBypassWindowIsCheckedAndABrokenOneReplaced() throws Exception {
        pool = db.open(StubDatabase.config("check").maxSize(2).build(), clock::get);
        pool.getConnection().close();
        StubConnection first = db.connections.get(0);
        first.valid = false;
        advance(Duration.ofMillis(SimplePool.BYPASS_MILLIS + 1));
        try (Connection c = pool.getConnection()) {
            assertThat(db.connections).hasSize(2);
            assertThat(first.awaitClosed()).isTrue();
        }
        assertThat(pool.stats().connectionsLost()).isEqualTo(1);
    }

    @Test
    void aConnectionUsedAMomentAgoIsNotChecked() throws SQLException {
        pool = db.open(StubDatabase.config("check").maxSize(2).build(), clock::get);
        pool.getConnection().close();
        StubConnection first = db.connections.get(0);
        first.valid = false; // a check would catch it; within the window there is none
        advance(Duration.ofMillis(SimplePool.BYPASS_MILLIS - 1));
        try (Connection c = pool.getConnection()) {
            assertThat(db.connections).hasSize(1);
        }
    }

    @Test
    void checkDropsBrokenIdleConnectionsAndRefillsToMin() throws Exception {
        pool = db.open(StubDatabase.config("check").minSize(2).maxSize(2).build());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.stats().total() < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        db.connections.forEach(c -> c.valid = false);
        pool.check();
        assertThat(pool.stats().total()).isEqualTo(2);
        assertThat(pool.stats().connectionsLost()).isEqualTo(2);
        assertThat(db.connections).hasSize(4);
        try (Connection c = pool.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void aConnectionHeldPastTheThresholdIsReportedOnceWithTheBorrowersStack() throws SQLException {
        pool = db.open(StubDatabase.config("leaky").leakDetectionThreshold(Duration.ofSeconds(2)).build(), clock::get);
        List<String> messages = new CopyOnWriteArrayList<>();
        List<Throwable> stacks = new CopyOnWriteArrayList<>();
        pool.housekeeper().onLeak((m, s) -> {
            messages.add(m);
            stacks.add(s);
        });
        try (Connection c = pool.getConnection()) {
            advance(Duration.ofSeconds(1));
            pool.housekeeper().tick();
            assertThat(messages).isEmpty();
            advance(Duration.ofSeconds(2));
            pool.housekeeper().tick();
            pool.housekeeper().tick();
        }
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).contains("pool 'leaky'").contains("leak").contains(Thread.currentThread().getName());
        assertThat(stacks.get(0).getStackTrace()).anyMatch(f -> f.getMethodName().contains("ReportedOnce"));
    }

    @Test
    void aConnectionGivenBackInTimeIsNeverReported() throws SQLException {
        pool = db.open(StubDatabase.config("tidy").leakDetectionThreshold(Duration.ofSeconds(2)).build(), clock::get);
        List<String> messages = new CopyOnWriteArrayList<>();
        pool.housekeeper().onLeak((m, s) -> messages.add(m));
        for (int i = 0; i < 5; i++) {
            try (Connection c = pool.getConnection()) {
                advance(Duration.ofSeconds(1));
                pool.housekeeper().tick();
            }
            advance(Duration.ofSeconds(5));
            pool.housekeeper().tick();
        }
        assertThat(messages).isEmpty();
    }
}
