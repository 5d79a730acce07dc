package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * DBCP2's object pool with two changes: a connection DBCP2 invalidates (found closed or broken) tells the
 * factory, so that the others are checked before they are lent, and its replacement is made in the
 * background, not in the caller's {@code close()}, where it would block for the whole connect timeout on
 * a dead network.
 */
final class RefillingObjectPool extends GenericObjectPool<PoolableConnection> {

    private static final ThreadLocal<Boolean> INVALIDATING = new ThreadLocal<>();

    private final ExecutorService refill;
    private final Runnable onInvalidate;

    RefillingObjectPool(PooledObjectFactory<PoolableConnection> factory, GenericObjectPoolConfig<PoolableConnection> config,
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
                RefillingObjectPool.super.addObject();
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
}
