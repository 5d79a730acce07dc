package dev.alberca.pool.simple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads on few connections: each connection has one borrower at a time, and the counts add up. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrencyTest {

    @Test
    void everyConnectionHasOneBorrowerAtATime() throws Exception {
        run(16, 4, 2_000);
    }

    @Test
    void eightThreadsOnAPoolOfFour() throws Exception {
        run(8, 4, 5_000);
    }

    private void run(int threads, int max, int borrowsEach) throws Exception {
        StubDatabase db = new StubDatabase();
        try (SimplePool pool = db.open(StubDatabase.config("busy").maxSize(max)
                .acquireTimeout(Duration.ofSeconds(20)).build())) {
            Map<Connection, Thread> owners = new ConcurrentHashMap<>();
            AtomicInteger violations = new AtomicInteger();
            AtomicInteger maxInUse = new AtomicInteger();
            AtomicInteger inUse = new AtomicInteger();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < borrowsEach; i++) {
                            try (Connection c = pool.getConnection()) {
                                Connection physical = c.unwrap(Connection.class) == c ? StubDatabase.physicalOf(c) : null;
                                if (owners.putIfAbsent(physical, Thread.currentThread()) != null) {
                                    violations.incrementAndGet();
                                }
                                maxInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                                if (i % 7 == 0) {
                                    Thread.yield();
                                }
                                inUse.decrementAndGet();
                                owners.remove(physical, Thread.currentThread());
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                thread.start();
                all.add(thread);
            }
            go.countDown();
            for (Thread t : all) {
                t.join(50_000);
            }
            assertThat(errors).isEmpty();
            assertThat(violations).hasValue(0);
            assertThat(maxInUse.get()).isLessThanOrEqualTo(max);
            assertThat(db.connections.size()).isLessThanOrEqualTo(max);
            assertThat(pool.stats().borrows()).isEqualTo((long) threads * borrowsEach);
            assertThat(pool.stats().inUse()).isZero();
            assertThat(pool.stats().total()).isEqualTo(pool.stats().idle());
            assertThat(pool.stats().timeouts()).isZero();
        }
    }
}
