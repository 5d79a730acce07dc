package dev.alberca.pool.hikari;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Callers waiting inside HikariCP, so that {@code close()} can fail them at once: HikariCP itself lets
 * them wait out their timeout. Only callers that must wait come here; the fast path never does.
 */
final class Waiters {

    private static final int WAITING = 0;
    private static final int DONE = 1;
    private static final int CANCELLING = 2;
    private static final int CANCELLED = 3;

    /** A borrow that may block. */
    interface Borrow {
        Connection get() throws SQLException;
    }

    private static final class Waiter extends AtomicInteger {
        private static final long serialVersionUID = 1L;
        final transient Thread thread = Thread.currentThread();
    }

    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * Runs {@code borrow}; if {@link #cancelAll()} interrupts it, any connection it got is given back and
     * the caller gets {@code closedError}, with no interrupt left behind.
     */
    Connection await(Borrow borrow, Supplier<SQLException> closedError, Function<SQLException, SQLException> translate)
            throws SQLException {
        Waiter w = new Waiter();
        waiting.add(w);
        Connection c = null;
        SQLException failure = null;
        try {
            if (!cancelled) {
                c = borrow.get();
            }
        } catch (SQLException e) {
            failure = e;
        } finally {
            waiting.remove(w);
        }
        if (cancelled || !w.compareAndSet(WAITING, DONE)) {
            if (w.get() != DONE && w.get() != WAITING) {
                while (w.get() != CANCELLED) {
                    Thread.onSpinWait(); // close() is between its CAS and interrupt(): a few instructions
                }
                Thread.interrupted(); // the interrupt was ours, not the caller's
            }
            if (c != null) {
                c.close();
            }
            throw closedError.get();
        }
        if (failure != null) {
            throw translate.apply(failure);
        }
        return c;
    }

    /** Fails every waiting caller now; later callers see the pool closed. */
    void cancelAll() {
        cancelled = true;
        for (Waiter w : waiting) {
            if (w.compareAndSet(WAITING, CANCELLING)) {
                w.thread.interrupt();
                w.set(CANCELLED);
            }
        }
    }
}
