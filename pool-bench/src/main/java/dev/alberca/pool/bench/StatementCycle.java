package dev.alberca.pool.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Create a statement, execute it, close it, on a connection each thread holds: what the pool's statement
 * wrapper costs (wrapping, tracking the open statement so that return can close it, noting the work a
 * rollback would undo). The pool has exactly one connection per thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatementCycle {

    /** The pool in the race (see {@link Contestant}). */
    @Param({"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"})
    public String contestant;

    private Contestant pool;

    @Setup
    public void open(BenchmarkParams params) throws SQLException {
        StubDriver.install();
        int threads = params.getThreads();
        pool = Contestant.open(contestant, Contestant.config(StubDriver.URL, null, null, 0, threads));
    }

    @TearDown
    public void close() throws Exception {
        pool.close();
    }

    /** The connection one benchmark thread holds for an iteration. */
    @State(Scope.Thread)
    public static class Held {
        Connection connection;

        @Setup(Level.Iteration)
        public void borrow(StatementCycle bench) throws SQLException {
            connection = bench.pool.dataSource().getConnection();
        }

        @TearDown(Level.Iteration)
        public void giveBack() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public boolean cycle(Held held) throws SQLException {
        Statement s = held.connection.createStatement();
        boolean result = s.execute("INSERT INTO test (column) VALUES (1)");
        s.close();
        return result;
    }
}
