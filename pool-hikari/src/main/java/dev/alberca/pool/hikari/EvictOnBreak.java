package dev.alberca.pool.hikari;

import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.pool.HikariPool;
import dev.alberca.pool.api.spi.SqlStates;

import java.sql.SQLException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When one connection breaks, HikariCP's other connections are retired too: HikariCP lends a connection
 * used in the last 500 ms without checking it, and a network cut or a restart that broke one connection
 * broke its idle neighbours as well. Idle ones close at once, borrowed ones when they come back; HikariCP
 * refills. At most once per 250 ms, so a burst of failures retires the pool once. HikariCP reports the
 * statements' errors through {@link #adjudicate}, the driver-level ones come through the
 * {@code PhysicalConnections} break hook.
 */
final class EvictOnBreak implements Runnable, SQLExceptionOverride {

    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final AtomicLong last = new AtomicLong(System.nanoTime() - QUIET_NANOS);
    private volatile HikariPool pool;

    /** The pool exists only after its config, which holds this; until then there is nothing to retire. */
    void start(HikariPool pool) {
        this.pool = pool;
    }

    /** HikariCP asks this about every SQLException from a borrowed connection; its own eviction goes on. */
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        if (SqlStates.isConnectionBroken(e)) {
            run();
        }
        return Override.CONTINUE_EVICT;
    }

    @java.lang.Override
    public void run() {
        HikariPool p = pool;
        long now = System.nanoTime();
        long before = last.get();
        if (p != null && now - before >= QUIET_NANOS && last.compareAndSet(before, now)) {
            p.softEvictConnections();
        }
    }
}
