package dev.alberca.pool.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Borrow, then give back: the pool's whole round trip for a caller, and nothing else (the driver is a
 * stub). Run at 1, 2 and 8 threads on a pool of 32, and at 8 threads on a pool of 4 (contended). The
 * pool starts empty and grows on demand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConnectionCycle {

    /** The pool in the race (see {@link Contestant}). */
    @Param({"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"})
    public String contestant;

    /** The pool's maximum size; 4 with 8 threads is the contended case. */
    @Param("32")
    public int maxPoolSize;

    private Contestant pool;
    private DataSource dataSource;

    @Setup
    public void open() throws SQLException {
        StubDriver.install();
        pool = Contestant.open(contestant, Contestant.config(StubDriver.URL, null, null, 0, maxPoolSize));
        dataSource = pool.dataSource();
    }

    @TearDown
    public void close() throws Exception {
        pool.close();
    }

    /** Returning the handle keeps the JIT from dropping the cycle. */
    @Benchmark
    public Connection cycle() throws SQLException {
        Connection c = dataSource.getConnection();
        c.close();
        return c;
    }
}
