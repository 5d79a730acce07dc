package dev.alberca.pool.bench;

import dev.alberca.persona.dao.Persona;
import dev.alberca.persona.dao.PersonaDao;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A primary-key SELECT through {@link PersonaDao#findById}, against a real PostgreSQL: each call borrows,
 * prepares, binds, runs, maps and gives back. {@code none} is the ceiling: the same DAO on a connection
 * each thread opened once and keeps (no pool). {@code raw-hikari} and {@code raw-dbcp}, the libraries used
 * directly, tell what the adapters cost from what the libraries cost. The pool has as many connections as
 * there are threads, all opened before measuring. The launcher ({@link Bench}) starts the server and passes where it is in
 * system properties {@value #URL}, {@value #USER}, and the ids to pick from in {@value #IDS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PkSelect {

    static final String URL = "alberca.bench.url";
    static final String USER = "alberca.bench.user";
    static final String IDS = "alberca.bench.ids";
    static final String WARM_CALLS = "alberca.bench.warmcalls";
    static final String SETTLE_SECONDS = "alberca.bench.settleseconds";

    /** The {@code contestant} values, in the order tables list them. */
    static final String[] CONTESTANTS = {"none", "simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"};

    /** {@code none} (a connection held per thread), or a pool (see {@link Contestant}). */
    @Param({"none", "simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"})
    public String contestant;

    private Contestant pool;
    private long firstId;
    private long ids;

    @Setup
    public void open(BenchmarkParams params) throws SQLException {
        String[] range = System.getProperty(IDS, "1-1000").split("-");
        firstId = Long.parseLong(range[0]);
        ids = Long.parseLong(range[1]) - firstId + 1;
        if (!contestant.equals("none")) {
            int n = params.getThreads();
            pool = Contestant.open(contestant, Contestant.config(url(), user(), null, n, n));
            fill(pool.dataSource(), n);
        }
        warm(Integer.getInteger(WARM_CALLS, 0), params.getThreads(), Integer.getInteger(SETTLE_SECONDS, 0));
    }

    /**
     * Makes {@code calls} calls on this one thread before the benchmark threads start, the same for every
     * contestant; then a short burst on {@code threads} threads; then more calls on this thread until the
     * JIT compiler is idle (at most {@code settleSeconds}; with 0, neither the burst nor the wait). With 8 or
     * 16 threads and as many server processes on two cores, the compiler threads get little CPU: the calls/ms
     * were still climbing after 4 warmup iterations of 2 s, the more so the more code a contestant runs per
     * call (DBCP2's wrappers: its compiler threads took 15 % of the client's CPU in the measurement,
     * async-profiler). On one thread the hot code is compiled within a few seconds.
     */
    private void warm(int calls, int threads, int settleSeconds) throws SQLException {
        if (calls == 0) {
            return;
        }
        ThreadDao warm = dao();
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

    /** One thread's DAO: on the pool, or for {@code none} on a connection of its own, which {@link #end()} closes. */
    record ThreadDao(PersonaDao dao, HeldConnection held) {
        void end() throws SQLException {
            if (held != null) {
                held.end();
            }
        }
    }

    private ThreadDao dao() throws SQLException {
        if (pool != null) {
            return new ThreadDao(new PersonaDao(pool.dataSource()), null);
        }
        HeldConnection held = new HeldConnection(DriverManager.getConnection(url(),
                Contestant.config(url(), user(), null, 1, 1).connectionProperties()));
        return new ThreadDao(new PersonaDao(new OneConnection(held)), held);
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
                    ThreadDao own = dao();
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
            if (dao.findById(firstId + ThreadLocalRandom.current().nextLong(ids)).isEmpty()) {
                throw new IllegalStateException("the benchmark's rows are missing: no persona found in ids "
                        + firstId + "-" + (firstId + ids - 1));
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

    /**
     * Holds {@code n} connections at once, then gives them back: all {@code n} are open before the first
     * warmup iteration, whether the pool fills to its minimum in the background (Alberca's pools, HikariCP)
     * or at open (DBCP2's {@code preparePool}), so that no contestant measures its own filling.
     */
    private static void fill(DataSource dataSource, int n) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(dataSource.getConnection());
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @TearDown
    public void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    static String url() {
        String url = System.getProperty(URL);
        if (url == null) {
            throw new IllegalStateException("PkSelect needs -D" + URL + "=jdbc:postgresql://...; run it through"
                    + " dev.alberca.pool.bench.Bench, which starts the database");
        }
        return url;
    }

    static String user() {
        return System.getProperty(USER, "postgres");
    }

    /** One benchmark thread's DAO: on the shared pool, or on a connection of its own. */
    @State(Scope.Thread)
    public static class Caller {
        ThreadDao own;
        PersonaDao dao;

        @Setup
        public void start(PkSelect bench) throws SQLException {
            own = bench.dao();
            dao = own.dao();
        }

        @TearDown
        public void stop() throws SQLException {
            own.end();
        }
    }

    @Benchmark
    public Optional<Persona> findById(Caller caller) {
        return caller.dao.findById(firstId + ThreadLocalRandom.current().nextLong(ids));
    }

    /** A data source that always answers the same connection. */
    static final class OneConnection implements DataSource {
        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no logging
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the driver properties bound the login
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("dev.alberca.pool.bench");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
