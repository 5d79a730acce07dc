package dev.alberca.pool.api.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;

/**
 * The fields of {@link PhysicalConnection} that every borrow and return touches, kept a cache line away from
 * the start of the object by {@link PhysicalConnectionPadding} and from its end by the cold fields and padding of
 * {@code PhysicalConnection} (the JVM lays out a superclass's fields first). Without it, these fields could
 * share a cache line with the pool library's objects of a connection another thread holds, wherever the
 * garbage collector copied them: a 2-thread borrow/close cycle then ran at 0.6-0.9x HikariCP used directly,
 * and at 0.99x with the JVM aligning every object to 64 bytes.
 */
abstract class PhysicalConnectionFields extends PhysicalConnectionPadding {

    private static final VarHandle BORROWS;
    private static final VarHandle WAIT_NANOS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            BORROWS = l.findVarHandle(PhysicalConnectionFields.class, "borrows", long.class);
            WAIT_NANOS = l.findVarHandle(PhysicalConnectionFields.class, "waitNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Connection delegate;
    final PhysicalConnections owner;
    // The owner's leak detection, read here on every return rather than from the object the pool's threads share.
    final boolean leaks;
    // Borrows of this connection and their waits, counted by the thread that holds it. A counter shared by
    // the pool, written by every borrow, bounced its cache line between cores: it halved a 2-thread
    // borrow/close cycle in the benchmark. Written with release, read with acquire by the stats.
    private long borrows;
    private long waitNanos;

    PhysicalConnectionFields(Connection delegate, PhysicalConnections owner) {
        this.delegate = delegate;
        this.owner = owner;
        this.leaks = owner.detectsLeaks();
    }

    final void count(long waitedNanos) {
        BORROWS.setRelease(this, borrows + 1);
        if (waitedNanos != 0) {
            WAIT_NANOS.setRelease(this, waitNanos + waitedNanos);
        }
    }

    final long borrows() {
        return (long) BORROWS.getAcquire(this);
    }

    final long waitNanos() {
        return (long) WAIT_NANOS.getAcquire(this);
    }
}

/**
 * 68 bytes of fields after the 12-byte object header (the int fills the gap before the first 8-byte-aligned
 * long): a subclass's fields start 80 bytes into the object.
 */
abstract class PhysicalConnectionPadding {
    int p0;
    long p1, p2, p3, p4, p5, p6, p7, p8;
}
