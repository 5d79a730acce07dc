package dev.alberca.pool.dbcp;

import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.time.Duration;

/**
 * DBCP2's object pool, with a per-call wait: DBCP2's data source always borrows with the pool's
 * configured wait, so the per-call timeout reaches it through the calling thread.
 */
final class TimedObjectPool extends GenericObjectPool<PoolableConnection> {

    private static final ThreadLocal<Duration> WAIT = new ThreadLocal<>();

    TimedObjectPool(PooledObjectFactory<PoolableConnection> factory, GenericObjectPoolConfig<PoolableConnection> config) {
        super(factory, config);
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
