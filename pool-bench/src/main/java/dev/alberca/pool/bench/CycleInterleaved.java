package dev.alberca.pool.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * A diagnostic: {@link ConnectionCycle} with a contestant and the library it is raced against in the same fork,
 * taking turns in slices of {@value Turns#SLICE_MILLIS} ms ({@link Turns}): {@code hikari} and {@code simple}
 * against HikariCP used directly, {@code dbcp} against DBCP2 used directly, and each library against a second
 * pool of its own, the calibration, whose ratio must read 1. Both pools have {@code maxPoolSize} connections.
 *
 * <p>Why: the adapters' targets (0.97× their library) are smaller than what the machine's slow periods move
 * between forks of their own (0.88-1.03× from one full run to the next with no code change); in one fork,
 * both sides see the same machine. What it cannot price: what differs between the two JVMs as a whole. Here
 * both pools' code is compiled in one JVM, and HikariCP's, shared by {@code hikari} and {@code raw-hikari},
 * sees two kinds of connection under its proxy where each alone sees one; so the targets are read from
 * {@link ConnectionCycle}, and this tells a per-cycle cost from the machine.
 *
 * <p>Each call of the benchmark makes {@value #BATCH} cycles on one side: the clock is read once per batch,
 * so that its cost (tens of ns, near a cycle's) does not dilute the difference between the sides.
 * {@link Split} books the batches; {@link Report} prints the contestant's cycles per unit of time over the
 * library's, per fork. The primary score, cycles/ms of both sides together, means nothing alone.
 *
 * <pre>
 * java -Dalberca.bench.cases=cycle-2 -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Bench full interleaved-cycles
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CycleInterleaved {

    /** Cycles per turn of the clock. */
    static final int BATCH = 64;

    /** The contestant; its library is {@link #library}. */
    @Param({"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"})
    public String contestant;

    /** Each pool's maximum size; 4 with 8 threads is the contended case. */
    @Param("32")
    public int maxPoolSize;

    private Contestant pool;
    private Contestant library;
    private DataSource contestantSide;
    private DataSource librarySide;
    /** The slices' origin, the same for every thread, so that all switch at once. */
    private long epoch;

    /** The library {@code contestant} is raced against: DBCP2 for DBCP2's, HikariCP for the others. */
    static String library(String contestant) {
        return contestant.endsWith("dbcp") ? "raw-dbcp" : "raw-hikari";
    }

    @Setup
    public void open() throws SQLException {
        StubDriver.install();
        pool = Contestant.open(contestant, Contestant.config(StubDriver.URL, null, null, 0, maxPoolSize));
        library = Contestant.open(library(contestant), Contestant.config(StubDriver.URL, null, null, 0, maxPoolSize));
        contestantSide = pool.dataSource();
        librarySide = library.dataSource();
        epoch = System.nanoTime();
    }

    @TearDown
    public void close() throws Exception {
        try (Contestant a = pool; Contestant b = library) {
            // both closed, the second even if the first fails
        }
    }

    /** One thread's sums for the current iteration, as {@link PkSelectInterleaved.Split}'s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split extends Turns {
        public long contestantCalls;
        public long contestantNanos;
        public long libraryCalls;
        public long libraryNanos;

        @Setup(Level.Iteration)
        public void clear() {
            contestantCalls = 0;
            contestantNanos = 0;
            libraryCalls = 0;
            libraryNanos = 0;
            restart();
        }

        @Override
        void book(boolean contestantSide, long calls, long nanos) {
            if (contestantSide) {
                contestantCalls += calls;
                contestantNanos += nanos;
            } else {
                libraryCalls += calls;
                libraryNanos += nanos;
            }
        }
    }

    /** {@link ConnectionCycle#cycle}'s borrow and give back, {@value #BATCH} times on one side. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Connection cycles(Split split) throws SQLException {
        return split.next(System.nanoTime(), epoch, BATCH) ? contestantCycles(contestantSide, false)
                : libraryCycles(librarySide, false);
    }

    /** {@link ConnectionCycle#cycleYielding}'s, for virtual threads: the carrier is given up while held. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Connection cyclesYielding(Split split) throws SQLException {
        return split.next(System.nanoTime(), epoch, BATCH) ? contestantCycles(contestantSide, true)
                : libraryCycles(librarySide, true);
    }

    // The two sides' loops are the same code in two methods on purpose: each call site of getConnection()
    // then sees one pool class, as in ConnectionCycle, where one loop would see two. The constant flags
    // fold away once a loop is inlined into its benchmark method.

    private static Connection contestantCycles(DataSource dataSource, boolean yielding) throws SQLException {
        Connection c = null;
        for (int i = 0; i < BATCH; i++) {
            c = dataSource.getConnection();
            if (yielding) {
                Thread.yield();
            }
            c.close();
        }
        return c;
    }

    private static Connection libraryCycles(DataSource dataSource, boolean yielding) throws SQLException {
        Connection c = null;
        for (int i = 0; i < BATCH; i++) {
            c = dataSource.getConnection();
            if (yielding) {
                Thread.yield();
            }
            c.close();
        }
        return c;
    }
}
