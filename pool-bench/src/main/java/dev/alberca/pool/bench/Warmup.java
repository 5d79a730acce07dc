package dev.alberca.pool.bench;

import dev.alberca.persona.dao.PersonaDao;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The database cases' warm-up, before the benchmark threads start ({@link PkSelect}, {@link PkSelectInterleaved}):
 * {@code calls} calls on the setup thread, the same for every contestant; then a short burst on
 * {@code threads} threads; then more calls on the setup thread until the JIT compiler is idle (at most
 * {@code settleSeconds}; with 0, neither the burst nor the wait). With 8 or 16 threads and as many server
 * processes on two cores, the compiler threads get little CPU: the calls/ms were still climbing after 4
 * warmup iterations of 2 s, the more so the more code a contestant runs per call (DBCP2's wrappers: its
 * compiler threads took 15 % of the client's CPU in the measurement, async-profiler). On one thread the
 * hot code is compiled within a few seconds.
 */
final class Warmup {

    /** Where a thread's DAO comes from: a new one per thread, ended when that thread is done. */
    interface Daos {
        ThreadDao open() throws SQLException;
    }

    /** What a thread closes when it is done with its DAO. */
    interface Ending {
        void end() throws SQLException;
    }

    /** One thread's DAO, and what to close when the thread is done (nothing for a DAO on the pool). */
    record ThreadDao(PersonaDao dao, Ending held) {
        void end() throws SQLException {
            if (held != null) {
                held.end();
            }
        }
    }

    private final Daos daos;
    private final Ids ids;

    /** Calls {@code findById} on DAOs from {@code daos} with ids drawn from {@code ids}. */
    Warmup(Daos daos, Ids ids) {
        this.daos = daos;
        this.ids = ids;
    }

    /**
     * The warm-up with the calls and seconds {@link Bench} passes in system properties
     * {@value PkSelect#WARM_CALLS} and {@value PkSelect#SETTLE_SECONDS} (none without them).
     */
    void run(int threads) throws SQLException {
        run(Integer.getInteger(PkSelect.WARM_CALLS, 0), threads, Integer.getInteger(PkSelect.SETTLE_SECONDS, 0));
    }

    void run(int calls, int threads, int settleSeconds) throws SQLException {
        if (calls == 0) {
            return;
        }
        ThreadDao warm = daos.open();
        try {
            call(warm.dao(), calls);
            if (settleSeconds > 0) {
                burst(threads, 200);
                settle(warm.dao(), settleSeconds);
            }
        } finally {
            warm.end();
        }
    }

    /**
     * {@code callsEach} calls on each of {@code threads} threads at once. The first contended lock loads
     * classes (the lock's queue nodes) that the optimized code of one thread assumed absent: at 16 threads
     * the benchmark's start made the compiler throw away most of DBCP2's and pgjdbc's hot code at once
     * (-XX:+PrintCompilation), and compile it again while starved of CPU. The burst moves that here.
     */
    private void burst(int threads, int callsEach) throws SQLException {
        List<Thread> running = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(new Thread(() -> {
                try {
                    ThreadDao own = daos.open();
                    try {
                        call(own.dao(), callsEach);
                    } finally {
                        own.end();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "alberca-bench-burst-" + t));
        }
        running.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Thread t : running) {
            join(t, deadline);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the warm-up burst failed on " + errors.size() + " of " + threads
                    + " threads", errors.get(0));
        }
    }

    private static void join(Thread t, long deadline) {
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the warm-up burst", e);
        }
        if (t.isAlive()) {
            t.interrupt();
            throw new IllegalStateException(t.getName() + " still running after 60 s of the warm-up burst");
        }
    }

    private void call(PersonaDao dao, int calls) {
        for (int i = 0; i < calls; i++) {
            if (dao.findById(ids.pick()).isEmpty()) {
                throw new IllegalStateException("the benchmark's rows are missing: no persona found in ids " + ids);
            }
        }
    }

    /**
     * Goes on calling, in rounds of 1,000 calls and a pause, until a round in which the compiler did no work.
     * The warm-up calls queue the hot methods for the optimizing compiler (C2), which on this machine was still
     * compiling them when the benchmark threads started; with 16 threads and 16 server processes on two cores
     * it then got so little CPU that the whole measurement of a pool could run on the first tier's profiling
     * code and the optimized code arrived in a burst after the last iteration (-XX:+PrintCompilation). The
     * contestant with the least code (no pool) was optimized first, the one with the most (DBCP2) last.
     */
    private void settle(PersonaDao dao, int seconds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            call(dao, 1_000);
            sleep(250);
            long now = jit.getTotalCompilationTime();
            if (now == before) {
                System.out.printf("(compiler idle after %d ms of settling)%n", (System.nanoTime() - start) / 1_000_000);
                return;
            }
            before = now;
        }
        System.out.printf("(compiler still busy after %d s of settling; measuring anyway)%n", seconds);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the compiler", e);
        }
    }
}
