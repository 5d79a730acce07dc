package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import org.apache.commons.pool2.DestroyMode;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DBCP2's object pool with two changes: a per-call wait (DBCP2's data source always borrows with the
 * pool's configured wait, so the per-call timeout reaches it through the calling thread), and a
 * replacement for a broken connection made in the background, not in the caller's {@code close()}, where
 * it would block for the whole connect timeout on a dead network.
 */
final class TimedObjectPool extends GenericObjectPool<PoolableConnection> {

    private static final ThreadLocal<Duration> WAIT = new ThreadLocal<>();
    /** Threads with a per-call wait set: while none has, a borrow skips the thread-local lookup. */
    private static final AtomicInteger PER_CALL_WAITS = new AtomicInteger();
    private static final ThreadLocal<Boolean> INVALIDATING = new ThreadLocal<>();

    private final ExecutorService refill;
    private final Runnable onInvalidate;

    TimedObjectPool(PooledObjectFactory<PoolableConnection> factory, GenericObjectPoolConfig<PoolableConnection> config,
                    String poolName, Runnable onInvalidate) {
        super(factory, config);
        this.onInvalidate = onInvalidate;
        this.refill = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alberca-dbcp-refill-" + poolName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void invalidateObject(PoolableConnection connection, DestroyMode mode) throws Exception {
        // DBCP2 invalidates a connection it found closed or broken: the others get checked before lending.
        onInvalidate.run();
        INVALIDATING.set(Boolean.TRUE);
        try {
            super.invalidateObject(connection, mode);
        } finally {
            INVALIDATING.remove();
        }
    }

    @Override
    public void addObject() throws Exception {
        if (INVALIDATING.get() == null) {
            super.addObject();
            return;
        }
        refill.execute(() -> {
            try {
                TimedObjectPool.super.addObject();
            } catch (Exception e) {
                // The evictor keeps the minimum; a borrower creates what it needs.
            }
        });
    }

    @Override
    public void close() {
        refill.shutdownNow();
        super.close();
    }

    /** Sets the wait of this thread's next borrow; {@code null} goes back to the configured one. */
    static void waitOnThisThread(Duration wait) {
        if (wait == null) {
            if (WAIT.get() != null) {
                WAIT.remove();
                PER_CALL_WAITS.decrementAndGet();
            }
        } else {
            if (WAIT.get() == null) {
                PER_CALL_WAITS.incrementAndGet();
            }
            WAIT.set(wait);
        }
    }

    @Override
    public PoolableConnection borrowObject() throws Exception {
        // This thread's own increment is visible to it, so a thread with a wait set always finds it.
        Duration wait = PER_CALL_WAITS.get() == 0 ? null : WAIT.get();
        return wait == null ? super.borrowObject() : super.borrowObject(wait);
    }
}
