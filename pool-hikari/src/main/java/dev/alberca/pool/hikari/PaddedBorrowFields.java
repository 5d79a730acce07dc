package dev.alberca.pool.hikari;

import com.zaxxer.hikari.pool.HikariPool;
import dev.alberca.pool.api.spi.BorrowCounters;

/**
 * The fields of {@link HikariConnectionPool} that every borrow reads, on cache lines of their own: 68 bytes
 * of padding before them and 64 after.
 *
 * <p>Why: every borrowing thread reads the pool's handle, and where it lies in memory is up to the collector
 * once it promotes it. Heap dumps of slow forks of the benchmark's earlier virtual-thread case (two threads
 * cycling without contention; BENCHMARKS.md) found a HikariCP pool entry, which its borrower writes twice
 * per borrow, promoted 48 bytes after the handle, on the same cache line as the handle's fields: a borrow
 * on another core then waits for that line. The int fills the 4 bytes after the object header, where the
 * JVM would otherwise put the {@code closed} flag, next to whatever lies before. The padding removes that
 * placement (later dumps); a gain in throughput was not measurable apart from the machine's noise
 * (twenty-round runs with and without it, BENCHMARKS.md).
 */
abstract class PaddedBorrowFields extends BorrowFields {
    long q1, q2, q3, q4, q5, q6, q7, q8;

    PaddedBorrowFields(HikariPool pool, long timeoutMillis) {
        super(pool, timeoutMillis);
    }
}

/** What the borrow path reads (see {@link PaddedBorrowFields}). */
abstract class BorrowFields extends BorrowFieldsPadding {
    final HikariPool pool;
    final BorrowCounters counters = new BorrowCounters();
    final long timeoutMillis;
    volatile boolean closed;

    BorrowFields(HikariPool pool, long timeoutMillis) {
        this.pool = pool;
        this.timeoutMillis = timeoutMillis;
    }
}

/** The padding before {@link BorrowFields}: a superclass's fields come first in the object. */
abstract class BorrowFieldsPadding {
    int p0;
    long p1, p2, p3, p4, p5, p6, p7, p8;
}
