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
    private Ids ids;

    @Setup
    public void open(BenchmarkParams params) throws SQLException {
        ids = Ids.fromSystemProperty();
        pool = openFilled(contestant, params.getThreads());
        new Warmup(this::dao, ids).run(params.getThreads());
    }

    /** The pool {@code contestant} names, with {@code n} connections, all open; null for {@code none}. */
    static Contestant openFilled(String contestant, int n) throws SQLException {
        if (contestant.equals("none")) {
            return null;
        }
        Contestant pool = Contestant.open(contestant, Contestant.config(url(), user(), null, n, n));
        fill(pool.dataSource(), n);
        return pool;
    }

    /** One DAO per thread: on the pool, or for {@code none} on a connection of the thread's own. */
    private Warmup.ThreadDao dao() throws SQLException {
        if (pool != null) {
            return new Warmup.ThreadDao(new PersonaDao(pool.dataSource()), null);
        }
        HeldConnection held = ownConnection();
        return new Warmup.ThreadDao(new PersonaDao(new OneConnection(held)), held::end);
    }

    /** A connection of the calling thread's own, opened with the pools' connection properties. */
    static HeldConnection ownConnection() throws SQLException {
        return new HeldConnection(DriverManager.getConnection(url(),
                Contestant.config(url(), user(), null, 1, 1).connectionProperties()));
    }

    /**
     * Holds {@code n} connections at once, then gives them back: all {@code n} are open before the first
     * warmup iteration, whether the pool fills to its minimum in the background (Alberca's pools, HikariCP)
     * or at open (DBCP2's {@code preparePool}), so that no contestant measures its own filling.
     */
    static void fill(DataSource dataSource, int n) throws SQLException {
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
        Warmup.ThreadDao own;
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
        return caller.dao.findById(ids.pick());
    }

    /** A data source that always answers the same connection. */
    static final class OneConnection extends PlainDataSource {
        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return connection;
        }
    }

    /** What a data source must have besides {@code getConnection()}, for the benchmark's own ones. */
    abstract static class PlainDataSource implements DataSource {

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("the benchmark's data sources connect as one user: call getConnection()");
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
