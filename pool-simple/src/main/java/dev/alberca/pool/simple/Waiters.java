package dev.alberca.pool.simple;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Borrowers waiting for a connection, in the order they came. The pool hands a connection to the oldest
 * waiter directly, or lets it go idle for whoever claims it first (see {@code SimplePool.returned}).
 *
 * <p>Only the slow path comes here. The lock is held for a few field writes, never while anything blocks,
 * which keeps it safe for virtual threads; waiters park outside it.
 */
final class Waiters {

    /** The outcome of every wait when the pool closes. */
    static final Object CLOSED = new Object();

    /** One waiting borrower; {@code result} is written once, under the lock. */
    static final class Waiter {
        final Thread thread = Thread.currentThread();
        /** When it joined the queue, on the pool's clock; never before the waiter ahead of it. */
        final long since;
        volatile Object result;

        Waiter(long since) {
            this.since = since;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private volatile int size;
    /** When the oldest waiter joined; meaningful only while {@code size > 0}. */
    private volatile long oldestSince;
    private boolean closed;

    /** How many wait now; read on every return, so it is a plain volatile field. */
    int size() {
        return size;
    }

    /** When the oldest waiter joined the queue; meaningful only while {@link #size()} is above zero. */
    long oldestSince() {
        return oldestSince;
    }

    /** Under the lock, after every change to the queue. */
    private void changed() {
        Waiter first = queue.peekFirst();
        if (first != null) {
            oldestSince = first.since;
        }
        size = queue.size();
    }

    /**
     * Queues the calling thread, joining at {@code now}. Null when {@code maxWaiting} already wait; a waiter
     * whose result is already {@link #CLOSED} when the queue is closed.
     */
    Waiter enqueue(int maxWaiting, long now) {
        lock.lock();
        try {
            if (closed) {
                Waiter w = new Waiter(now);
                w.result = CLOSED;
                return w;
            }
            if (queue.size() >= maxWaiting) {
                return null;
            }
            Waiter last = queue.peekLast();
            // Clocks read before the lock may come in any order; the queue's must not, or the oldest
            // waiter would not be the first (the pool's fairness rests on it).
            Waiter w = new Waiter(last != null && last.since - now > 0 ? last.since : now);
            queue.addLast(w);
            changed();
            return w;
        } finally {
            lock.unlock();
        }
    }

    /** Gives {@code result} to the oldest waiter; false when nobody waits. */
    boolean handOff(Object result) {
        Waiter w;
        lock.lock();
        try {
            w = queue.pollFirst();
            if (w == null) {
                return false;
            }
            changed();
            w.result = result;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(w.thread);
        return true;
    }

    /**
     * Leaves the queue (timeout, interrupt, or an entry found another way). Returns what was handed to
     * the waiter meanwhile, or null if nothing was: then nothing ever will be.
     */
    Object cancel(Waiter w) {
        lock.lock();
        try {
            Object r = w.result;
            if (r == null) {
                queue.remove(w);
                changed();
            }
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait now with {@code result} (a refused login); later waiters queue as usual. */
    void failAll(Object result) {
        Waiter[] woken;
        lock.lock();
        try {
            woken = queue.toArray(new Waiter[0]);
            queue.clear();
            changed();
            for (Waiter w : woken) {
                w.result = result;
            }
        } finally {
            lock.unlock();
        }
        for (Waiter w : woken) {
            LockSupport.unpark(w.thread);
        }
    }

    /** Ends every wait with {@link #CLOSED}, and every later one at once. */
    void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        failAll(CLOSED);
    }
}
