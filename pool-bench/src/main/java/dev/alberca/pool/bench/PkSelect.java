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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        warm(Integer.getInteger(WARM_CALLS, 0));
    }

    /**
     * Makes {@code calls} calls on this one thread before the benchmark threads start, the same for every
     * contestant. With 8 or 16 threads and as many server processes on two cores, the compiler threads get
     * little CPU: the calls/ms were still climbing after 4 warmup iterations of 2 s, the more so the more
     * code a contestant runs per call (DBCP2's wrappers: its compiler threads took 15 % of the client's CPU
     * in the measurement, async-profiler). On one thread the hot code is compiled within a few seconds.
     */
    private void warm(int calls) throws SQLException {
        if (calls == 0) {
            return;
        }
        HeldConnection own = pool == null ? new HeldConnection(DriverManager.getConnection(url(),
                Contestant.config(url(), user(), null, 1, 1).connectionProperties())) : null;
        try {
            PersonaDao dao = new PersonaDao(own == null ? pool.dataSource() : new OneConnection(own));
            for (int i = 0; i < calls; i++) {
                if (dao.findById(firstId + ThreadLocalRandom.current().nextLong(ids)).isEmpty()) {
                    throw new IllegalStateException("the benchmark's rows are missing: no persona found in ids "
                            + firstId + "-" + (firstId + ids - 1));
                }
            }
        } finally {
            if (own != null) {
                own.end();
            }
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
        PersonaDao dao;
        HeldConnection held;

        @Setup
        public void start(PkSelect bench) throws SQLException {
            if (bench.pool == null) {
                held = new HeldConnection(DriverManager.getConnection(url(),
                        Contestant.config(url(), user(), null, 1, 1).connectionProperties()));
                dao = new PersonaDao(new OneConnection(held));
            } else {
                dao = new PersonaDao(bench.pool.dataSource());
            }
        }

        @TearDown
        public void stop() throws SQLException {
            if (held != null) {
                held.end();
            }
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
