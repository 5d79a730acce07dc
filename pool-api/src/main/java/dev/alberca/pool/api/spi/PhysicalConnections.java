package dev.alberca.pool.api.spi;

import dev.alberca.pool.api.PoolConfig;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes a pool's physical connections, for providers that adapt a pool library: the library calls
 * {@link #getConnection()} and gets {@link PhysicalConnection}s that know their pool, notice when they
 * break, and can put back the session state a borrower changed. Counts what it made and what broke.
 *
 * <pre>{@code
 * PhysicalConnections physical = new PhysicalConnections(config);
 * hikariConfig.setDataSource(physical);          // or a DBCP ConnectionFactory: physical::getConnection
 * ...
 * boolean mine = physical.owns(handleFromCaller); // for ConnectionPool.release
 * }</pre>
 *
 * <p>Connections come from the driver that accepts the URL, with {@link PoolConfig#connectionProperties()}:
 * credentials and the safe timeouts travel as driver properties, never through JVM-wide
 * {@code DriverManager.setLoginTimeout}.
 */
public final class PhysicalConnections implements DataSource {

    private final String url;
    private final String poolName;
    private final Properties properties;
    private final LongAdder created = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final float loginTimeoutSeconds;
    private final long leakNanos;
    // Every open connection: they keep their own borrow counts (PhysicalConnection.countBorrow), which move
    // to the two adders below when they close.
    private final Set<PhysicalConnection> live = ConcurrentHashMap.newKeySet();
    private final LongAdder closedBorrows = new LongAdder();
    private final LongAdder closedWaitNanos = new LongAdder();
    private volatile boolean closed;
    private volatile Runnable onBreak = () -> { };

    /** The deadline of the current thread's borrow, for providers whose library blocks on the caller's thread. */
    // [0] the deadline, [1] when this thread's last validity check ended, [2] how long it took.
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[3]);

    /** @param config the pool's checked config */
    public PhysicalConnections(PoolConfig config) {
        this.url = config.url();
        this.poolName = config.poolName();
        this.properties = config.connectionProperties();
        float login;
        try {
            login = Float.parseFloat(properties.getProperty("loginTimeout", "0"));
        } catch (NumberFormatException e) {
            login = 0; // a value in the URL wins there; PoolConfig checked it
        }
        this.loginTimeoutSeconds = login;
        this.leakNanos = config.leakDetectionThreshold().toNanos();
        if (leakNanos > 0) {
            Thread sweeper = new Thread(this::sweepForLeaks, "alberca-leaks-" + poolName);
            sweeper.setDaemon(true);
            sweeper.start();
        }
    }

    /**
     * Bounds the work of this thread's next borrow (connecting, validity checks) by {@code deadlineNanos}
     * ({@link System#nanoTime()} based); {@link #clearDeadline()} after the borrow. For pool libraries that
     * check and connect on the caller's thread with no overall limit of their own.
     */
    public static void setDeadline(long deadlineNanos) {
        DEADLINE.get()[0] = deadlineNanos;
    }

    /** Ends the bound set by {@link #setDeadline}. */
    public static void clearDeadline() {
        DEADLINE.get()[0] = 0;
    }

    /**
     * How long this thread's last validity check took, if it ended less than {@code withinNanos} ago, else
     * 0: lets a provider whose library checked a connection inside a borrow without a deadline charge that
     * time to the rest of the borrow, at no cost to borrows that did not check.
     */
    public static long recentCheckNanos(long withinNanos) {
        long[] t = DEADLINE.get();
        return System.nanoTime() - t[1] < withinNanos ? t[2] : 0;
    }

    static void checked(long startNanos) {
        long[] t = DEADLINE.get();
        t[1] = System.nanoTime();
        t[2] = t[1] - startNanos;
    }

    /** Milliseconds left before this thread's deadline (at least {@code floor}), or -1 without one. */
    static long millisLeft(long floor) {
        long d = DEADLINE.get()[0];
        if (d == 0) {
            return -1;
        }
        return Math.max(floor, (d - System.nanoTime()) / 1_000_000);
    }

    /** Opens a new physical connection, within this thread's deadline if one is set. */
    @Override
    public PhysicalConnection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("pool '" + poolName + "' is closed", "08003");
        }
        Driver driver = DriverManager.getDriver(url);
        Properties p = properties;
        long left = millisLeft(100);
        if (left >= 0 && (loginTimeoutSeconds == 0 || left < loginTimeoutSeconds * 1000)) {
            p = new Properties();
            p.putAll(properties);
            p.setProperty("loginTimeout", String.valueOf(left / 1000f)); // pgjdbc reads it as a float
        }
        Connection c = driver.connect(url, p);
        if (c == null) {
            throw new SQLException("no JDBC driver accepts the URL of pool '" + poolName + "'", "08001");
        }
        try {
            PhysicalConnection physical = new PhysicalConnection(c, this);
            created.increment();
            live.add(physical);
            return physical;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Whether leak detection is on: then call {@link PhysicalConnection#borrowed()} on every borrow. */
    public boolean detectsLeaks() {
        return leakNanos > 0;
    }

    private void sweepForLeaks() {
        long period = Math.max(50, Math.min(1000, leakNanos / 4_000_000));
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (PhysicalConnection c : live) {
                if (c.closedByDriver()) {
                    gone(c); // a library may drop a connection the driver closed without closing it
                } else {
                    c.reportIfLeaked(now, leakNanos);
                }
            }
        }
    }

    /** Stops the leak sweeper; connections made later fail. Call it when the pool closes. */
    public void close() {
        closed = true;
    }

    /** Whether {@code handle} is a pooled connection made here (not a physical connection itself). */
    public boolean owns(Connection handle) {
        if (handle == null || handle instanceof PhysicalConnection) {
            return false;
        }
        try {
            return handle.isWrapperFor(PhysicalConnection.class)
                    && handle.unwrap(PhysicalConnection.class).owner() == this;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * {@code ConnectionPool.release} for adapters: closes {@code handle} (giving it back to its pool) if it
     * was made here; a handle already closed is left alone, as a second {@code close()} would be.
     *
     * @throws IllegalArgumentException if it belongs to another pool or to none
     */
    public void release(Connection handle) throws SQLException {
        if (handle == null || (!handle.isClosed() && !owns(handle))) {
            throw new IllegalArgumentException("pool '" + poolName + "' cannot take back this connection: it was"
                    + " not borrowed from this pool; close it where it came from");
        }
        handle.close();
    }

    /** Physical connections opened so far. */
    public long created() {
        return created.sum();
    }

    /** Physical connections found broken: a failed validity check or a connection error. */
    public long lost() {
        return lost.sum();
    }

    /** The name of the pool these connections belong to. */
    public String poolName() {
        return poolName;
    }

    void lost(PhysicalConnection c) {
        lost.increment();
        onBreak.run();
    }

    /**
     * Runs {@code action} each time a connection is found broken, on the thread that found it; it must
     * not block. A provider whose library lends a recently used connection unchecked can use it to make
     * the library check or drop the others, which a network cut or a restart usually broke too.
     */
    public void onBreak(Runnable action) {
        this.onBreak = action;
    }

    /**
     * A connection was closed, or dropped after the driver closed it: its borrow counts move to the pool's.
     * Pool libraries close a connection only while nobody holds it, so no borrow is being counted on it.
     */
    void gone(PhysicalConnection c) {
        if (live.remove(c)) {
            closedBorrows.add(c.borrows());
            closedWaitNanos.add(c.waitNanos());
        }
    }

    /** Borrows counted by {@link PhysicalConnection#countBorrow}, on the connections open and closed. */
    public long borrows() {
        long n = closedBorrows.sum();
        for (PhysicalConnection c : live) {
            n += c.borrows();
        }
        return n;
    }

    /** The waits counted by {@link PhysicalConnection#countBorrow}, in nanoseconds. */
    public long waitNanos() {
        long n = closedWaitNanos.sum();
        for (PhysicalConnection c : live) {
            n += c.waitNanos();
        }
        return n;
    }

    /** Not supported: a pool's connections all use its configured user. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("pool '" + poolName + "' connects with its configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through System.Logger.
    }

    /** Ignored: the login timeout is the driver property {@code loginTimeout} of the pool's config. */
    @Override
    public void setLoginTimeout(int seconds) {
        // Pool libraries call this; the driver property already bounds the login, JVM-wide state stays untouched.
    }

    /**
     * One second: HikariCP waits this long at shutdown for a connect in progress (and logs a warning
     * when it waited in vain, as it always would with 0); a longer wait would hold up {@code close()}.
     */
    @Override
    public int getLoginTimeout() {
        return 1;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
