package dev.alberca.pool.simple;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.PoolStats;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.TooManyWaitersException;
import dev.alberca.pool.api.spi.SqlStates;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The built-in pool: its lifecycle, a borrow with one deadline, the return, and close.
 *
 * <p>A borrow first claims an idle connection from the {@link EntryStore} (no lock). Only when none is idle
 * does it queue in {@link Waiters} and ask the {@link Connector} for a new one. New connections go to the
 * oldest waiter; a connection given back goes to it once it has waited {@value #FAIR_MICROS} µs, and before
 * that goes idle for whoever claims it first (see {@code returned}). The deadline is taken once, at entry,
 * and bounds everything the borrow does: waiting, and the validity check of a connection unused for more
 * than {@value #BYPASS_MILLIS} ms.
 */
final class SimplePool implements ConnectionPool {

    /** The name of the logger, for configuring it and for catching leak reports. */
    static final String LOGGER = "dev.alberca.pool.simple";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    /** A connection used this recently is lent without a check: the check would cost a round trip. */
    static final long BYPASS_MILLIS = 500;
    /** When a connection last broke; connections last used before it are checked before they are lent. */
    private volatile long lastBreak;
    private static final long BYPASS_NANOS = TimeUnit.MILLISECONDS.toNanos(BYPASS_MILLIS);
    /** How often a borrower that found every connection lent yields its core before it queues. */
    private static final int YIELDS = 16;
    /** "Connections come back all the time": one came back this recently. */
    static final long CHURN_MICROS = 20;
    private static final long CHURN_NANOS = TimeUnit.MICROSECONDS.toNanos(CHURN_MICROS);
    /** A waiter that has waited this long gets the next connection given back, before anyone else. */
    static final long FAIR_MICROS = 1000;
    private static final long FAIR_NANOS = TimeUnit.MICROSECONDS.toNanos(FAIR_MICROS);
    /** How often a waiter younger than that looks for an idle connection. */
    static final long POLL_MICROS = 50;
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(POLL_MICROS);
    /** Caps a caller's timeout so that start + timeout cannot overflow (about 73 years). */
    private static final long MAX_TIMEOUT = Long.MAX_VALUE / 4;
    /** For setNetworkTimeout: the drivers we care about ignore the executor, and JDBC wants one. */
    private static final Executor DIRECT = Runnable::run;

    private final PoolConfig config;
    private final String name;
    private final LongSupplier clock;
    private final int min;
    private final int max;
    private final int maxWaiting;
    private final long acquireNanos;
    private final long validationNanos;
    private final long lifetimeNanos;
    private final long idleNanos;
    private final long leakNanos;

    private final EntryStore store;
    private final Waiters waiters = new Waiters();
    private final Connector connector;
    private final Housekeeper housekeeper;

    private final AtomicBoolean closed = new AtomicBoolean();
    /** Open connections plus the one being opened: never above max. */
    private final AtomicInteger total = new AtomicInteger();
    /** Open connections. */
    private final AtomicInteger open = new AtomicInteger();
    private volatile ConnectionDefaults defaults;

    private final LongAdder retiredBorrows = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder totalWait = new LongAdder();
    private final AtomicLong maxWait = new AtomicLong();

    SimplePool(PoolConfig config, ConnectionFactory factory, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = config.poolName();
        this.clock = nanoTime;
        this.lastBreak = nanoTime.getAsLong() - 1; // nanoTime may be negative: "before any use", not 0
        this.min = config.minSize();
        this.max = config.maxSize();
        this.maxWaiting = config.maxWaiting();
        this.acquireNanos = config.acquireTimeout().toNanos();
        this.validationNanos = config.validationTimeout().toNanos();
        this.lifetimeNanos = config.maxLifetime().toNanos();
        this.idleNanos = config.idleTimeout().toNanos();
        this.leakNanos = config.leakDetectionThreshold().toNanos();
        this.store = new EntryStore(max);
        this.connector = new Connector(this, factory, config.initSql().orElse(null));
        this.housekeeper = new Housekeeper(this, min, idleNanos, leakNanos, lifetimeNanos);
    }

    /** Opens a pool on the JDBC driver that accepts the config's URL. */
    static SimplePool open(PoolConfig config) {
        return open(config, ConnectionFactory.driver(config), System::nanoTime);
    }

    /** Opens a pool on any connection factory and clock: the seam for tests. */
    static SimplePool open(PoolConfig config, ConnectionFactory factory, LongSupplier nanoTime) {
        SimplePool pool = new SimplePool(config, factory, nanoTime);
        pool.housekeeper.start();
        pool.connector.request(); // fill to min in the background: open never waits for the database
        LOG.log(Level.DEBUG, "pool ''{0}'' opened on {1} (min={2}, max={3})", pool.name, config.maskedUrl(),
                pool.min, pool.max);
        return pool;
    }

    // ---- borrow ----

    @Override
    public Connection getConnection() throws SQLException {
        return borrow(acquireNanos);
    }

    @Override
    public Connection getConnection(Duration timeout) throws SQLException {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("pool '" + name + "': the timeout of getConnection(Duration) must be"
                    + " zero or more, not " + timeout);
        }
        return borrow(timeout.compareTo(Duration.ofNanos(MAX_TIMEOUT)) > 0 ? MAX_TIMEOUT : timeout.toNanos());
    }

    private Connection borrow(long timeoutNanos) throws SQLException {
        if (closed.get()) {
            throw new PoolClosedException(name);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted();
        }
        long start = clock.getAsLong();
        PoolEntry e = store.claim();
        // The fast path: an idle connection used a moment ago, and since the last break, needs no check.
        if (e != null && fresh(e, start) && !e.expired(start)) {
            return lend(e, start, start);
        }
        return borrowSlow(e, start, start + timeoutNanos);
    }

    private Connection borrowSlow(PoolEntry claimed, long start, long deadline) throws SQLException {
        PoolEntry e = claimed;
        long now = start;
        for (;;) {
            if (e == null) {
                e = store.claim();
            }
            if (e == null) {
                e = yieldForIdle(now);
            }
            if (e == null) {
                e = await(start, deadline);
                now = clock.getAsLong();
            }
            if (e.expired(now)) {
                remove(e, false);
            } else if (fresh(e, now)) {
                return lend(e, start, now);
            } else if (deadline - now <= 0) {
                giveBack(e); // no time left to check it; it is fine for the next borrower
                throw timedOut(start, now);
            } else if (validate(e, deadline - now)) {
                return lend(e, start, clock.getAsLong());
            } else {
                LOG.log(Level.DEBUG, "pool ''{0}'': an idle connection failed its check; closing it", name);
                remove(e, true);
            }
            e = null;
            now = clock.getAsLong();
            if (closed.get()) {
                throw new PoolClosedException(name);
            }
        }
    }

    /**
     * Every connection is lent, the pool can't grow and nobody queues, but connections come back all the
     * time: their holders use them briefly, and are most likely threads the scheduler took off a core in
     * the middle of that use (more threads than cores). Giving them the core a few times is far cheaper
     * than queueing and parking (a lock, two context switches, and a queue that every later return would
     * then go through). Only while connections keep coming back: borrowers of a pool whose connections
     * are held for long queue at once, in the order they came.
     */
    private PoolEntry yieldForIdle(long now) {
        for (int i = 0; i < YIELDS && waiters.size() == 0 && total.get() >= max && churning(now); i++) {
            Thread.yield();
            PoolEntry e = store.claim();
            if (e != null) {
                return e;
            }
            now = clock.getAsLong();
        }
        return null;
    }

    /** Whether a connection came back in the last {@value #CHURN_MICROS} µs. */
    private boolean churning(long now) {
        for (int i = 0; i < store.scanLimit(); i++) {
            PoolEntry e = store.get(i);
            // A racy read of the owner's field: only a hint, and a stale value just means "not recently".
            if (e != null && now - e.lastUsed < CHURN_NANOS) {
                return true;
            }
        }
        return false;
    }

    /** Waits in line for a connection until the deadline. */
    private PoolEntry await(long start, long deadline) throws SQLException {
        SQLException refusal = connector.activeRefusal(start);
        if (refusal != null) {
            // The database just refused our login and the next attempt is not due: waiting can't help.
            timeouts.increment();
            throw new DatabaseUnavailableException(name, Duration.ofNanos(clock.getAsLong() - start), refusal);
        }
        // Those waiting for a connection the pool can still open are not the queue max-waiting limits.
        int room = Math.max(0, max - open.get());
        Waiters.Waiter w = waiters.enqueue((int) Math.min(Integer.MAX_VALUE, (long) maxWaiting + room),
                clock.getAsLong());
        if (w == null) {
            throw new TooManyWaitersException(name, maxWaiting, stats());
        }
        if (w.result == null) {
            connector.request();
            // An entry that went idle just before we queued would otherwise be missed until the next return.
            PoolEntry early = claimInstead(w, start);
            if (early != null) {
                return early;
            }
        }
        boolean lastLook = false;
        for (;;) {
            Object r = w.result;
            if (r != null) {
                return outcome(r, start);
            }
            if (Thread.currentThread().isInterrupted()) {
                Object late = waiters.cancel(w);
                if (late instanceof PoolEntry) {
                    giveBack((PoolEntry) late);
                }
                throw interrupted();
            }
            long now = clock.getAsLong();
            if (deadline - now <= 0) {
                Object late = waiters.cancel(w);
                if (late != null) {
                    return outcome(late, start);
                }
                throw timedOut(start, now);
            }
            long young = w.since + FAIR_NANOS - now;
            if (young > 0) {
                // Connections given back now go idle, not to the queue: look for one every so often.
                LockSupport.parkNanos(this, Math.min(deadline - now, Math.min(young, POLL_NANOS)));
            } else if (!lastLook) {
                // From now on returns come to the queue. One that went idle before is looked for once more,
                // after the clock said so: a return that missed this look sees the same clock (returned()).
                lastLook = true;
            } else {
                LockSupport.parkNanos(this, deadline - now);
                continue;
            }
            PoolEntry idle = claimInstead(w, start);
            if (idle != null) {
                return idle;
            }
        }
    }

    /**
     * Claims an idle entry for a queued borrower and takes it out of the queue; null if none is idle. What
     * was handed to the waiter meanwhile wins: a second entry goes back, a failure is thrown.
     */
    private PoolEntry claimInstead(Waiters.Waiter w, long start) throws SQLException {
        PoolEntry e = store.claim();
        if (e == null) {
            return null;
        }
        Object other = waiters.cancel(w);
        if (other instanceof PoolEntry) {
            giveBack((PoolEntry) other);
        } else if (other != null) {
            giveBack(e);
            return outcome(other, start);
        }
        return e;
    }

    private PoolEntry outcome(Object r, long start) throws SQLException {
        if (r instanceof PoolEntry) {
            return (PoolEntry) r;
        }
        if (r == Waiters.CLOSED) {
            throw new PoolClosedException(name);
        }
        timeouts.increment();
        throw new DatabaseUnavailableException(name, Duration.ofNanos(clock.getAsLong() - start), (SQLException) r);
    }

    private Connection lend(PoolEntry e, long start, long now) {
        e.borrows++;
        if (now != start) {
            long waited = now - start;
            totalWait.add(waited);
            maxWait.accumulateAndGet(waited, Math::max);
        }
        PooledConnection handle = new PooledConnection(e);
        if (leakNanos > 0) {
            e.borrowedAt = now;
            e.borrower = Thread.currentThread();
            e.borrowStack = new Throwable("the connection was borrowed here");
            e.leakReported = false;
            e.holder = handle; // volatile: publishes the fields above to the housekeeper
        }
        return handle;
    }

    /**
     * Asks the connection whether it still works, within {@code budget} and the validation timeout.
     * {@code isValid} counts whole seconds; for a shorter budget the network timeout is lowered for the
     * call, which bounds the check's read on drivers (like pgjdbc) that keep a lower network timeout.
     */
    boolean validate(PoolEntry e, long budgetNanos) {
        long ms = Math.max(1, Math.min(validationNanos, budgetNanos) / 1_000_000);
        int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (ms + 999) / 1000));
        Connection c = e.connection;
        try {
            boolean shorter = ms < seconds * 1000L;
            int saved = shorter ? c.getNetworkTimeout() : 0;
            if (shorter) {
                c.setNetworkTimeout(DIRECT, (int) ms);
            }
            try {
                return c.isValid(seconds);
            } finally {
                if (shorter) {
                    c.setNetworkTimeout(DIRECT, saved);
                }
            }
        } catch (SQLException | RuntimeException ex) {
            return false;
        }
    }

    private SQLException timedOut(long start, long now) {
        timeouts.increment();
        Duration waited = Duration.ofNanos(now - start);
        SQLException cause = databaseProblem(start, now);
        if (cause != null) {
            return new DatabaseUnavailableException(name, waited, cause);
        }
        return new PoolTimeoutException(name, waited, stats());
    }

    /** Why the pool could not grow during a wait, if the database is the reason. */
    private SQLException databaseProblem(long start, long now) {
        SQLException f = connector.lastFailure();
        // Attempts failed during the wait, or still fail and the pool had room: the database is why.
        if (f != null && (connector.lastFailureAt() - start >= 0 || total.get() < max)) {
            return f;
        }
        long attempt = connector.attemptStartedAt();
        if (attempt != Long.MIN_VALUE && now - attempt >= (now - start) / 2) {
            return new SQLException("a connection attempt to " + config.maskedUrl() + " has had no answer for "
                    + TimeUnit.NANOSECONDS.toMillis(now - attempt) + " ms", "08001");
        }
        return null;
    }

    /**
     * Used a moment ago, and after any connection last broke: a connection error on one connection (a
     * network cut, a restart) usually hit its idle neighbours too, so those are checked before lending.
     */
    private boolean fresh(PoolEntry e, long now) {
        long used = e.lastUsed;
        return now - used < BYPASS_NANOS && used - lastBreak > 0;
    }

    private SQLException interrupted() {
        return new SQLException("pool '" + name + "': the thread was interrupted while getting a connection; its"
                + " interrupt flag stays set", null, new InterruptedException("interrupted while getting a connection"));
    }

    // ---- return ----

    /** A handle was closed (and reset): the connection goes back, or out if it can't be trusted. */
    void recycle(PoolEntry e) {
        long now = clock.getAsLong();
        e.lastUsed = now;
        if (leakNanos > 0) {
            e.holder = null;
            e.borrowStack = null;
            e.borrower = null;
        }
        if (e.broken) {
            remove(e, true);
        } else if (closed.get() || e.expired(now)) {
            remove(e, false);
        } else {
            returned(e, now);
        }
    }

    /**
     * A connection its borrower gave back goes to the oldest waiter once that one has waited
     * {@value #FAIR_MICROS} µs. Before that it goes idle, and whoever claims it first has it: the returning
     * thread, a newcomer, or a waiter looking (waiters look every {@value #POLL_MICROS} µs until then). On a
     * full pool whose connections are held for a moment, a hand-off on every return would park and wake a
     * thread on every borrow (on virtual threads that cost about four fifths of the pool's throughput). Past
     * the bound, waiters are served in the order they came, so no wait is longer than the bound plus the
     * time for the waiters ahead to be served: as with a hand-off on every return, plus the bound.
     */
    private void returned(PoolEntry e, long now) {
        if (waiters.size() == 0 || oldestPastBound(now)) {
            giveBack(e);
            return;
        }
        e.release();
        // The oldest may have passed the bound since our look, looked once more and parked until a hand-off.
        if (oldestPastBound(clock.getAsLong()) && e.claim()) {
            giveBack(e);
        } else {
            retireIfClosed(e);
        }
    }

    /** Whether someone waits and the oldest waiter has waited {@value #FAIR_MICROS} µs at {@code now}. */
    private boolean oldestPastBound(long now) {
        return waiters.size() > 0 && now - waiters.oldestSince() >= FAIR_NANOS;
    }

    /** After a release: close() may have swept the store before this entry came back. */
    private void retireIfClosed(PoolEntry e) {
        if (closed.get() && e.retireIfIdle()) {
            remove(e, false);
        }
    }

    /** An owned, healthy entry goes to the oldest waiter, or idle. */
    void giveBack(PoolEntry e) {
        for (;;) {
            if (waiters.size() == 0) {
                e.release();
                // A borrower may have queued between our look and the release, after its own look found
                // nothing idle: take the entry back and hand it over, or it would wait with one idle.
                if (waiters.size() == 0 || !e.claim()) {
                    retireIfClosed(e);
                    return;
                }
            }
            if (waiters.handOff(e)) {
                return;
            }
        }
    }

    /** Takes an owned (or just retired) entry out of the pool for good and closes its connection. */
    void remove(PoolEntry e, boolean broken) {
        e.remove();
        retiredBorrows.add(e.borrows);
        store.remove(e);
        open.decrementAndGet();
        total.decrementAndGet();
        if (broken) {
            lastBreak = clock.getAsLong();
            lost.increment();
            // A broken connection may sit on a dead network: its close must not hold up the caller.
            housekeeper.closeInBackground(e.connection);
        } else {
            closeQuietly(e.connection);
        }
        connector.request();
    }

    /** A statement or call failed: a connection error means the connection must not be lent again. */
    SQLException failed(PoolEntry e, SQLException error) {
        if (SqlStates.isConnectionBroken(error)) {
            e.broken = true;
            lastBreak = clock.getAsLong();
        }
        return error;
    }

    // ---- growth, for the Connector ----

    /** Whether the pool wants one more connection: below min, or borrowers wait and there is room. */
    boolean wantsConnection() {
        return wants(total.get());
    }

    private boolean wants(int t) {
        return t < max && (t < min || waiters.size() > 0);
    }

    /** Counts a connection about to be opened, if the pool wants one; false otherwise. */
    boolean reserveForCreation() {
        for (;;) {
            int t = total.get();
            if (closed.get() || !wants(t)) {
                return false;
            }
            if (total.compareAndSet(t, t + 1)) {
                return true;
            }
        }
    }

    void creationFailed() {
        total.decrementAndGet();
    }

    /** A new physical connection, set up, as an entry owned by the caller. */
    PoolEntry newEntry(Connection c) throws SQLException {
        if (defaults == null) {
            defaults = ConnectionDefaults.capture(c);
        }
        long now = clock.getAsLong();
        // Up to 2.5 % less life each, so that connections opened together do not all retire together.
        long life = lifetimeNanos == 0 ? 0 : lifetimeNanos - ThreadLocalRandom.current().nextLong(lifetimeNanos / 40 + 1);
        return new PoolEntry(this, c, now, life, c.getAutoCommit());
    }

    /** A connection the Connector opened joins the pool. */
    void created(PoolEntry e) {
        created.increment();
        open.incrementAndGet();
        store.add(e);
        if (closed.get()) {
            remove(e, false);
        } else {
            giveBack(e);
        }
    }

    /** The database refused the login: waiting borrowers learn it now rather than at their deadline. */
    void refused(SQLException e) {
        waiters.failAll(e);
    }

    // ---- the rest of the API ----

    @Override
    public void release(Connection connection) throws SQLException {
        if (connection instanceof PooledConnection) {
            PooledConnection h = (PooledConnection) connection;
            if (h.pool() == this) {
                h.close();
                return;
            }
            throw new IllegalArgumentException("pool '" + name + "' cannot take back a connection of pool '"
                    + h.pool().name() + "': release it to that pool, or just close() it");
        }
        throw new IllegalArgumentException("pool '" + name + "' cannot take back a connection it did not hand out ("
                + (connection == null ? "null" : connection.getClass().getName()) + "): release only connections from"
                + " this pool's getConnection(), and close other connections yourself");
    }

    @Override
    public void check() throws SQLException {
        if (closed.get()) {
            throw new PoolClosedException(name);
        }
        long start = clock.getAsLong();
        long deadline = start + acquireNanos;
        for (int i = 0; i < store.scanLimit(); i++) {
            PoolEntry e = store.get(i);
            if (e == null || !e.reserve()) {
                continue;
            }
            if (e.expired(clock.getAsLong())) {
                remove(e, false);
            } else if (validate(e, validationNanos)) {
                e.lastUsed = clock.getAsLong();
                e.own();
                giveBack(e);
            } else {
                remove(e, true);
            }
        }
        connector.kick();
        // Wait for the refill, so that a borrow right after check() gets a fresh connection.
        while (!closed.get() && open.get() < min) {
            long left = deadline - clock.getAsLong();
            if (left <= 0 || connector.lastFailure() != null && connector.lastFailureAt() - start >= 0) {
                return; // the database does not let us refill now; borrows will say why
            }
            try {
                connector.awaitChange(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw interrupted();
            }
        }
    }

    @Override
    public PoolStats stats() {
        int inUse = 0;
        int idle = 0;
        long borrows = retiredBorrows.sum();
        for (int i = 0; i < store.scanLimit(); i++) {
            PoolEntry e = store.get(i);
            if (e == null) {
                continue;
            }
            int s = e.state();
            if (s == PoolEntry.IN_USE) {
                inUse++;
            } else if (s == PoolEntry.IDLE || s == PoolEntry.RESERVED) {
                idle++;
            } else {
                continue;
            }
            borrows += e.borrows;
        }
        return new PoolStats(min, max, inUse + idle, inUse, idle, waiters.size(), borrows, timeouts.sum(),
                created.sum(), lost.sum(), Duration.ofNanos(totalWait.sum()), Duration.ofNanos(maxWait.get()));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        waiters.close();
        connector.shutdown();
        housekeeper.shutdown();
        for (int i = 0; i < store.scanLimit(); i++) {
            PoolEntry e = store.get(i);
            if (e != null && e.retireIfIdle()) {
                remove(e, false);
            }
        }
        LOG.log(Level.DEBUG, "pool ''{0}'' closed; {1} connections in use are closed when given back", name,
                open.get());
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String providerName() {
        return SimpleConnectionProvider.NAME;
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "SimplePool[name=" + name + ", url=" + config.maskedUrl() + ", " + stats() + "]";
    }

    // ---- for the housekeeper, the handles and tests ----

    long now() {
        return clock.getAsLong();
    }

    EntryStore store() {
        return store;
    }

    Connector connector() {
        return connector;
    }

    Housekeeper housekeeper() {
        return housekeeper;
    }

    int openConnections() {
        return open.get();
    }

    /** What returned connections are restored to; set before the first connection is lent. */
    ConnectionDefaults defaults() {
        return defaults;
    }

    static Executor directExecutor() {
        return DIRECT;
    }

    static ThreadFactory daemons(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true); // never keeps the JVM alive, even when the pool is not closed
            return t;
        };
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a connection failed: {0}", e.toString());
        }
    }
}
