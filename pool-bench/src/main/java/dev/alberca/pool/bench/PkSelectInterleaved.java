package dev.alberca.pool.bench;

import dev.alberca.persona.dao.Persona;
import dev.alberca.persona.dao.PersonaDao;
import org.openjdk.jmh.annotations.AuxCounters;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A diagnostic: {@link PkSelect} with the no-pool ceiling in the same fork, taking turns with the pool in
 * slices of {@value Turns#SLICE_MILLIS} ms ({@link Turns}). Each benchmark thread has the pool and a connection of
 * its own; every slice goes to one side for all threads. The machine's slow periods last seconds to minutes
 * (the no-pool figure moved by 30-70 % between the forks of one run), so the pool and its ceiling,
 * milliseconds apart, see the same machine, where forks of their own do not. What it cannot see is what
 * differs between a pool's JVM and a no-pool one as a whole (compiled code, heap): both sides share one
 * JVM here. So the database target is read from {@link PkSelect}; this tells per-call costs from the rest.
 *
 * <p>Each thread counts its finished calls and the time they took, and the wall-clock time of each side's
 * slices, for each side. JMH reports the sums per iteration ({@link Split}); the ratio
 * {@code (pooledCalls / pooledWallNanos) / (noneCalls / noneWallNanos)} is the pool's throughput against
 * the ceiling's ({@link Report}; files from before the wall-clock sums: {@code pooledNanos} and
 * {@code noneNanos}, the threads' time, which agrees here: no thread waits for another's connection). The
 * primary score, calls/ms of both sides together, means nothing alone.
 *
 * <pre>
 * java -Dalberca.bench.threads=4 -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Bench full interleaved
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PkSelectInterleaved {

    /**
     * The pools: every {@link Contestant}; or {@code none}, the calibration, where the pool's side is a second
     * connection of the thread's own, so that both sides do the same work and the ratio must read 1.
     */
    @Param({"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp", "none"})
    public String contestant;

    private Contestant pool;
    private Ids ids;
    /** The slices' origin, the same for every thread, so that all switch at once. */
    private long epoch;

    @Setup
    public void open(BenchmarkParams params) throws SQLException {
        ids = Ids.fromSystemProperty();
        pool = PkSelect.openFilled(contestant, params.getThreads());
        // The warm-up's DAO takes turns too, call by call: both sides' code is compiled before measuring.
        new Warmup(this::bothSides, ids).run(params.getThreads());
        epoch = System.nanoTime();
    }

    /** A thread's two sides, and what it closes when done: its own connection (two for the calibration). */
    record Sides(DataSource pooled, DataSource own, Warmup.Ending end) {
    }

    private Sides sides() throws SQLException {
        HeldConnection held = PkSelect.ownConnection();
        if (pool != null) {
            return new Sides(pool.dataSource(), new PkSelect.OneConnection(held), held::end);
        }
        HeldConnection second = PkSelect.ownConnection();
        return new Sides(new PkSelect.OneConnection(second), new PkSelect.OneConnection(held), () -> {
            held.end();
            second.end();
        });
    }

    private Warmup.ThreadDao bothSides() throws SQLException {
        Sides sides = sides();
        return new Warmup.ThreadDao(new PersonaDao(new TurnTaking(sides.pooled(), sides.own())), sides.end());
    }

    /** The pool's connection and the thread's own by turns, one call each: for one thread only. */
    static final class TurnTaking extends PkSelect.PlainDataSource {
        private final DataSource first;
        private final DataSource second;
        private boolean secondNext;

        TurnTaking(DataSource first, DataSource second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public Connection getConnection() throws SQLException {
            DataSource next = secondNext ? second : first;
            secondNext = !secondNext;
            return next.getConnection();
        }
    }

    @TearDown
    public void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * One thread's two DAOs and its sums for the current iteration. JMH adds up each field over the threads
     * ({@code EVENTS}: as counted, not per unit of time) and resets nothing itself: {@link #clear()} does.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split extends Turns {
        public long pooledCalls;
        public long pooledNanos;
        public long noneCalls;
        public long noneNanos;
        /** The iteration's wall-clock time in the pool's turns and in the held connection's; what Report divides by. */
        public long pooledWallNanos;
        public long noneWallNanos;

        PersonaDao pooled;
        PersonaDao none;
        private Sides sides;
        private long epoch;

        @Setup
        public void start(PkSelectInterleaved bench) throws SQLException {
            sides = bench.sides();
            epoch = bench.epoch;
            pooled = new PersonaDao(sides.pooled());
            none = new PersonaDao(sides.own());
        }

        @Setup(Level.Iteration)
        public void clear() {
            pooledCalls = 0;
            pooledNanos = 0;
            noneCalls = 0;
            noneNanos = 0;
            pooledWallNanos = 0;
            noneWallNanos = 0;
            restart(System.nanoTime(), epoch);
        }

        /** The iteration is over: its last call, and its wall-clock time by side. JMH reads the sums after this. */
        @TearDown(Level.Iteration)
        public void finish() {
            end(System.nanoTime());
        }

        @Override
        void book(boolean pooledSide, long calls, long nanos) {
            if (pooledSide) {
                pooledCalls += calls;
                pooledNanos += nanos;
            } else {
                noneCalls += calls;
                noneNanos += nanos;
            }
        }

        @Override
        void bookWall(long firstNanos, long secondNanos) {
            pooledWallNanos += firstNanos;
            noneWallNanos += secondNanos;
        }

        @TearDown
        public void stop() throws SQLException {
            sides.end().end();
        }
    }

    @Benchmark
    public Optional<Persona> findById(Split split) {
        long id = ids.pick();
        return (split.next(System.nanoTime(), epoch, 1) ? split.pooled : split.none).findById(id);
    }
}
