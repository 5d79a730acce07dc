package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import org.apache.commons.pool2.DestroyMode;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * DBCP2's object pool with two changes: a per-call wait (DBCP2's data source always borrows with the
 * pool's configured wait, so the per-call timeout reaches it through the calling thread), and a
 * replacement for a broken connection made in the background, not in the caller's {@code close()}, where
 * it would block for the whole connect timeout on a dead network.
 */
final class TimedObjectPool extends GenericObjectPool<PoolableConnection> {

    private static final ThreadLocal<Duration> WAIT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> INVALIDATING = new ThreadLocal<>();

    private final ExecutorService refill;

    TimedObjectPool(PooledObjectFactory<PoolableConnection> factory, GenericObjectPoolConfig<PoolableConnection> config,
                    String poolName) {
        super(factory, config);
        this.refill = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alberca-dbcp-refill-" + poolName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void invalidateObject(PoolableConnection connection, DestroyMode mode) throws Exception {
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
            WAIT.remove();
        } else {
            WAIT.set(wait);
        }
    }

    @Override
    public PoolableConnection borrowObject() throws Exception {
        Duration wait = WAIT.get();
        return wait == null ? super.borrowObject() : super.borrowObject(wait);
    }
}
