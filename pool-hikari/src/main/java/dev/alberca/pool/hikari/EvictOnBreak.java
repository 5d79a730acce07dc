package dev.alberca.pool.hikari;

import com.zaxxer.hikari.pool.HikariPool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When one connection breaks, HikariCP's other connections are retired too: HikariCP lends a connection
 * used in the last 500 ms without checking it, and a network cut or a restart that broke one connection
 * broke its idle neighbours as well. Idle ones close at once, borrowed ones when they come back; HikariCP
 * refills. At most once per 250 ms, so a burst of failures retires the pool once.
 */
final class EvictOnBreak implements Runnable {

    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final HikariPool pool;
    private final AtomicLong last = new AtomicLong(System.nanoTime() - QUIET_NANOS);

    EvictOnBreak(HikariPool pool) {
        this.pool = pool;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= QUIET_NANOS && last.compareAndSet(before, now)) {
            pool.softEvictConnections();
        }
    }
}
