package dev.alberca.pool.simple;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Borrowers waiting for a connection, first come first served. A returned or new connection is handed to
 * the oldest waiter directly instead of going idle, so a newcomer cannot take it from under the queue.
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
        volatile Object result;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private volatile int size;
    private boolean closed;

    /** How many wait now; read on every return, so it is a plain volatile field. */
    int size() {
        return size;
    }

    /**
     * Queues the calling thread. Null when {@code maxWaiting} already wait; a waiter whose result is
     * already {@link #CLOSED} when the queue is closed.
     */
    Waiter enqueue(int maxWaiting) {
        Waiter w = new Waiter();
        lock.lock();
        try {
            if (closed) {
                w.result = CLOSED;
                return w;
            }
            if (queue.size() >= maxWaiting) {
                return null;
            }
            queue.addLast(w);
            size = queue.size();
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
            size = queue.size();
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
                size = queue.size();
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
            size = 0;
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
