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
import java.util.concurrent.locks.LockSupport;
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
 * <p>Each call of the benchmark makes up to {@value #BATCH} cycles on one side: the clock is read once per
 * batch, so that its cost (tens of ns, near a cycle's) does not dilute the difference between the sides. A
 * thread of the fork's own ({@link #keepTime}) says whose turn it is, and a batch stops at the first cycle
 * after the turn has passed: a batch that ran on into the other side's slice would compete with it for the
 * cores and be booked to its own side (on the contended pool on virtual threads, whole batches were
 * suspected of favouring the unfair pool; stopping them did not move that case: BENCHMARKS.md).
 * {@link Split} books the batches, and the wall-clock time of each side's turns; {@link Report} prints the
 * contestant's cycles per unit of that time over the library's, per fork (not per unit of the threads' time,
 * which favours an unfair pool: {@link Turns}). The primary score means nothing alone.
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

    /**
     * Whether the library's pool is opened first and runs in the first of the two loops, the contestant's in
     * the second. Bench alternates it by round: two identical pools in one fork read 0.95-1.04x of each other,
     * fork by fork (where each pool's objects lie, how the JIT laid out each loop), and a side that always had
     * the same place would carry whatever that place is worth.
     */
    @Param("false")
    public boolean swapped;

    private Contestant first;
    private Contestant second;
    private DataSource firstSide;
    private DataSource secondSide;
    /** Whose turn it is: the first loop's or the second's. Written by {@link #keepTime} only. */
    private volatile boolean firstTurn;
    private volatile boolean closed;
    private Thread timekeeper;
    /** The slices' origin. */
    long epoch;

    /** The library {@code contestant} is raced against: DBCP2 for DBCP2's, HikariCP for the others. */
    static String library(String contestant) {
        return contestant.endsWith("dbcp") ? "raw-dbcp" : "raw-hikari";
    }

    @Setup
    public void open() throws SQLException {
        StubDriver.install();
        first = Contestant.open(swapped ? library(contestant) : contestant,
                Contestant.config(StubDriver.URL, null, null, 0, maxPoolSize));
        second = Contestant.open(swapped ? contestant : library(contestant),
                Contestant.config(StubDriver.URL, null, null, 0, maxPoolSize));
        firstSide = first.dataSource();
        secondSide = second.dataSource();
        epoch = System.nanoTime();
        firstTurn = Turns.firstSlice(0);
        long origin = epoch;
        timekeeper = new Thread(() -> keepTime(origin), "turns");
        timekeeper.setDaemon(true);
        timekeeper.start();
    }

    /** Gives each slice of the clock to the side its coin toss names ({@link Turns#firstSlice}) until closed. */
    private void keepTime(long epoch) {
        while (!closed) {
            long now = System.nanoTime();
            long slice = Turns.slice(now, epoch);
            firstTurn = Turns.firstSlice(slice);
            LockSupport.parkNanos(epoch + (slice + 1) * Turns.SLICE_NANOS - now);
        }
    }

    @TearDown
    public void close() throws Exception {
        stopTimekeeper();
        try (Contestant a = first; Contestant b = second) {
            // both closed, the second even if the first fails
        }
    }

    private void stopTimekeeper() throws InterruptedException {
        closed = true;
        if (timekeeper != null) {
            LockSupport.unpark(timekeeper);
            timekeeper.join(1_000); // it sleeps at most one slice
        }
    }

    /** For a test: no more timekeeper; the first side's turn, which passes at its {@code borrows}-th borrow. */
    void passTurnAfter(int borrows) throws InterruptedException {
        stopTimekeeper();
        firstTurn = true;
        DataSource side = firstSide;
        int[] left = {borrows};
        firstSide = new PkSelect.PlainDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                if (--left[0] == 0) {
                    firstTurn = false;
                }
                return side.getConnection();
            }
        };
    }

    /** One thread's sums for the current iteration, as {@link PkSelectInterleaved.Split}'s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split extends Turns {
        public long contestantCalls;
        public long contestantNanos;
        public long libraryCalls;
        public long libraryNanos;
        /** The iteration's wall-clock time in the contestant's turns and in the library's; what Report divides by. */
        public long contestantWallNanos;
        public long libraryWallNanos;

        /** Whether the first loop is the library's ({@link #swapped}). */
        private boolean swapped;
        private long epoch;

        @Setup
        public void start(CycleInterleaved bench) {
            swapped = bench.swapped;
            epoch = bench.epoch;
        }

        @Setup(Level.Iteration)
        public void clear() {
            clear(System.nanoTime());
        }

        /** A new iteration from {@code now}. */
        void clear(long now) {
            contestantCalls = 0;
            contestantNanos = 0;
            libraryCalls = 0;
            libraryNanos = 0;
            contestantWallNanos = 0;
            libraryWallNanos = 0;
            restart(now, epoch);
        }

        /** The iteration is over: its last batch, and its wall-clock time by side. JMH reads the sums after this. */
        @TearDown(Level.Iteration)
        public void finish() {
            end(System.nanoTime());
        }

        @Override
        void book(boolean firstSide, long calls, long nanos) {
            if (firstSide != swapped) {
                contestantCalls += calls;
                contestantNanos += nanos;
            } else {
                libraryCalls += calls;
                libraryNanos += nanos;
            }
        }

        @Override
        void bookWall(long firstNanos, long secondNanos) {
            contestantWallNanos += swapped ? secondNanos : firstNanos;
            libraryWallNanos += swapped ? firstNanos : secondNanos;
        }
    }

    /** {@link ConnectionCycle#cycle}'s borrow and give back, up to {@value #BATCH} times on one side. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Connection cycles(Split split) throws SQLException {
        boolean firstSide = firstTurn;
        split.turn(System.nanoTime(), firstSide);
        return firstSide ? firstCycles(split, false) : secondCycles(split, false);
    }

    /** {@link ConnectionCycle#cycleYielding}'s, for virtual threads: the carrier is given up while held. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Connection cyclesYielding(Split split) throws SQLException {
        boolean firstSide = firstTurn;
        split.turn(System.nanoTime(), firstSide);
        return firstSide ? firstCycles(split, true) : secondCycles(split, true);
    }

    // The two sides' loops are the same code in two methods on purpose: each call site of getConnection()
    // then sees one pool class, as in ConnectionCycle, where one loop would see two. The constant flags
    // fold away once a loop is inlined into its benchmark method.

    private Connection firstCycles(Split split, boolean yielding) throws SQLException {
        DataSource dataSource = firstSide;
        Connection c;
        int i = 0;
        do {
            c = dataSource.getConnection();
            if (yielding) {
                Thread.yield();
            }
            c.close();
            i++;
        } while (i < BATCH && firstTurn);
        split.ran(i);
        return c;
    }

    private Connection secondCycles(Split split, boolean yielding) throws SQLException {
        DataSource dataSource = secondSide;
        Connection c;
        int i = 0;
        do {
            c = dataSource.getConnection();
            if (yielding) {
                Thread.yield();
            }
            c.close();
            i++;
        } while (i < BATCH && !firstTurn);
        split.ran(i);
        return c;
    }
}
