package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.alberca.pool.contract.PoolFixture.backendPid;
import static org.assertj.core.api.Assertions.assertThat;

/** Many threads on a small pool: every session has one owner at a time, and the pool never grows past max. */
public interface ConcurrencyContract extends ContractBase {

    /** Borrows {@code rounds} times on each of {@code threads} threads; returns the errors seen. */
    private static List<Throwable> hammer(PoolFixture f, ConnectionPool pool, int threads, int rounds,
                                          Set<Integer> pidsSeen, AtomicInteger violations) throws Exception {
        ConcurrentHashMap<Integer, Thread> owners = new ConcurrentHashMap<>();
        ExecutorService e = f.threads(threads);
        List<Future<?>> futures = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            futures.add(e.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    try (Connection c = pool.getConnection()) {
                        int pid = backendPid(c);
                        pidsSeen.add(pid);
                        if (owners.putIfAbsent(pid, Thread.currentThread()) != null) {
                            violations.incrementAndGet();
                        }
                        owners.remove(pid, Thread.currentThread());
                    } catch (SQLException | RuntimeException ex) {
                        errors.add(ex);
                    }
                }
                return null;
            }));
        }
        for (Future<?> fu : futures) {
            fu.get(60, TimeUnit.SECONDS);
        }
        return errors;
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void noSessionIsEverHeldByTwoThreads(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(1).maxSize(8).acquireTimeout(Duration.ofSeconds(20)));
        Set<Integer> pids = ConcurrentHashMap.newKeySet();
        AtomicInteger violations = new AtomicInteger();
        List<Throwable> errors = hammer(f, pool, 32, 300, pids, violations);
        assertThat(errors).isEmpty();
        assertThat(violations.get()).as("a session borrowed by two threads at once").isZero();
        assertThat(pool.stats().borrows()).isEqualTo(32L * 300);
        assertThat(pool.stats().inUse()).isZero();
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void neverMoreThanMaxServerSessions(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config().minSize(1).maxSize(8).acquireTimeout(Duration.ofSeconds(20)));
        Set<Integer> pids = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger most = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    most.accumulateAndGet(f.database().sessions(f.name()), Math::max);
                    Thread.sleep(20);
                } catch (SQLException | InterruptedException e) {
                    return;
                }
            }
        }, "session-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<Throwable> errors;
        try {
            errors = hammer(f, pool, 32, 150, pids, new AtomicInteger());
        } finally {
            running.set(false);
            sampler.join(5000);
        }
        assertThat(errors).isEmpty();
        assertThat(most.get()).as("server sessions seen at once").isBetween(1, 8);
        assertThat(pids).as("distinct sessions used").hasSizeLessThanOrEqualTo(8);
        assertThat(pool.stats().total()).isLessThanOrEqualTo(8);
    }
}
