package dev.alberca.pool.simple;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;

/**
 * One physical connection and what the pool knows about it. Who owns it is its {@link #state}, changed by
 * compare-and-set only: a borrower (or the housekeeper) that wins {@code IDLE -> IN_USE} (or
 * {@code IDLE -> RESERVED}) owns it alone until it writes the state back. The plain fields are written
 * only by the owner; the volatile write of the state publishes them to the next owner.
 */
final class PoolEntry {

    static final int IDLE = 0;
    static final int IN_USE = 1;
    /** Taken by the housekeeper or {@code check()} to validate or retire it; not lendable. */
    static final int RESERVED = 2;
    static final int REMOVED = 3;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PoolEntry.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SimplePool pool;
    final Connection connection;
    final long createdAt;
    /** Retire once this old, in nanoseconds; zero when it may live for ever. */
    final long lifetime;

    private volatile int state = IN_USE;
    /** Index in the {@link EntryStore}; set once when stored. */
    int slot = -1;
    /** When it was last given back (or created): recent use spares the validity check. */
    long lastUsed;
    /** The autoCommit the connection has now, as the handles saw it set. */
    boolean autoCommit;
    /** A statement or check failed with a connection error: never lend it again. */
    volatile boolean broken;
    /** Borrows of this connection; summed into the pool's stats (no shared counter on the fast path). */
    long borrows;

    // Leak detection, only when its threshold is on.
    volatile PooledConnection holder;
    long borrowedAt;
    Thread borrower;
    Throwable borrowStack;
    boolean leakReported;

    // Statements the current handle opened and has not closed; reused from borrow to borrow.
    private ArrayList<Statement> statements;

    PoolEntry(SimplePool pool, Connection connection, long createdAt, long lifetime, boolean autoCommit) {
        this.pool = pool;
        this.connection = connection;
        this.createdAt = createdAt;
        this.lifetime = lifetime;
        this.lastUsed = createdAt;
        this.autoCommit = autoCommit;
    }

    /** Whether it reached its lifetime at {@code now}; nanoTime values are compared by difference only. */
    boolean expired(long now) {
        return lifetime != 0 && now - createdAt >= lifetime;
    }

    int state() {
        return state;
    }

    /** {@code IDLE -> IN_USE}: the caller now owns it. */
    boolean claim() {
        return state == IDLE && STATE.compareAndSet(this, IDLE, IN_USE);
    }

    /** {@code IDLE -> RESERVED}: the housekeeper now owns it. */
    boolean reserve() {
        return state == IDLE && STATE.compareAndSet(this, IDLE, RESERVED);
    }

    /** {@code IDLE -> REMOVED}: taken out for good by someone who does not own it. */
    boolean retireIfIdle() {
        return state == IDLE && STATE.compareAndSet(this, IDLE, REMOVED);
    }

    /** The owner lets go. A full volatile write: the giver reads the waiter count right after it. */
    void release() {
        state = IDLE;
    }

    /** The owner keeps it (used by the housekeeper to turn RESERVED into a lendable IN_USE). */
    void own() {
        state = IN_USE;
    }

    /** The owner takes it out for good. */
    void remove() {
        state = REMOVED;
    }

    void opened(Statement s) {
        if (statements == null) {
            statements = new ArrayList<>(4);
        }
        statements.add(s);
    }

    void closed(Statement s) {
        ArrayList<Statement> list = statements;
        if (list == null) {
            return;
        }
        // Statements are usually closed in the reverse order of opening: search from the end.
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == s) {
                list.remove(i);
                return;
            }
        }
    }

    boolean hasOpenStatements() {
        return statements != null && !statements.isEmpty();
    }

    /** Closes what the last borrower left open; a connection error marks the entry broken. */
    void closeStatements() {
        ArrayList<Statement> list = statements;
        if (list == null) {
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            Statement s = list.get(i);
            try {
                ((StatementHandle<?>) s).closeDelegate();
            } catch (SQLException e) {
                pool.failed(this, e);
            }
        }
        list.clear();
    }

    @Override
    public String toString() {
        return "connection " + slot + " of pool '" + pool.name() + "'";
    }
}
