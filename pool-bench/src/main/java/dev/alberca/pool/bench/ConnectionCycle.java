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
 * stub). Run at 1, 2 and 8 threads on a pool of 32, and at 8 threads on a pool of 4 (contended; on
 * virtual threads as {@link #cycleYielding}). The pool starts empty and grows on demand.
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

    /**
     * The contended case on virtual threads: the same cycle, with the borrower giving up its carrier while
     * it holds the connection, as a query's wait for the server does.
     *
     * <p>Why the yield: a carrier runs a virtual thread until it blocks, and {@link #cycle} never blocks. On
     * two carriers, two of the eight virtual threads ran the whole iteration and the other six began only
     * after it had ended, made one cycle each, and JMH added each of those as a rate of one cycle in a few
     * hundred nanoseconds: 3,900-6,600 ops/ms of the 12,100-18,000 it reported per iteration came from no
     * work (BENCHMARKS.md), and no borrower ever waited for a connection. With the yield, the eight take
     * turns on the carriers, four hold the pool's four connections, and the others wait in the pool; which
     * of them gets the next connection is the pool's policy (BENCHMARKS.md: who makes the cycles).
     */
    @Benchmark
    public Connection cycleYielding() throws SQLException {
        Connection c = dataSource.getConnection();
        Thread.yield();
        c.close();
        return c;
    }
}
