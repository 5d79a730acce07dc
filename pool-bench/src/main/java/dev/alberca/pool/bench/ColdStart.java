package dev.alberca.pool.bench;

import dev.alberca.pool.api.PoolConfig;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool opened empty, then as many borrowers as its maximum ask at the same moment and must all hold a
 * connection at once: the pool has to grow to its maximum while they wait. One operation is: open the
 * pool, the burst, give everything back, close the pool. A borrower that gets no connection within the
 * acquire timeout (2 s) counts as a failure ({@code failures}, which must stay 0).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ColdStart {

    /** The pool in the race (see {@link Contestant}). */
    @Param({"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"})
    public String contestant;

    /** The pool's maximum, and the number of borrowers. */
    @Param("8")
    public int maxPoolSize;

    private ExecutorService borrowers;
    private PoolConfig config;

    /** Borrowers that got no connection, and bursts that had any; reported per operation by JMH. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Failures {
        public long failures;
        public long failedBursts;

        @Setup(Level.Iteration)
        public void reset() {
            failures = 0;
            failedBursts = 0;
        }
    }

    @Setup
    public void start() throws SQLException {
        StubDriver.install();
        borrowers = Executors.newFixedThreadPool(maxPoolSize, r -> {
            Thread t = new Thread(r, "cold-start-borrower");
            t.setDaemon(true);
            return t;
        });
        config = Contestant.config(StubDriver.URL, null, null, 0, maxPoolSize).toBuilder()
                .acquireTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(1)).build();
    }

    @TearDown
    public void stop() {
        borrowers.shutdownNow();
    }

    @Benchmark
    public int burst(Failures counted) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        try (Contestant pool = Contestant.open(contestant, config)) {
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch allHeld = new CountDownLatch(maxPoolSize);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < maxPoolSize; i++) {
                done.add(borrowers.submit(() -> {
                    go.await();
                    try (Connection c = pool.dataSource().getConnection()) {
                        allHeld.countDown();
                        // Hold it until every borrower has one, so the pool must reach its maximum.
                        allHeld.await(3, TimeUnit.SECONDS);
                    } catch (SQLException e) {
                        failed.incrementAndGet();
                        allHeld.countDown();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
        counted.failures += failed.get();
        if (failed.get() > 0) {
            counted.failedBursts++;
        }
        return failed.get();
    }
}
