package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.alberca.pool.contract.PoolFixture.selectOne;

/** Small helpers the fault tests share: bounds, retries, warm pools, and a server the tests may break. */
final class FaultKit {

    /** How much later than a bound a failure may come: scheduling on a busy 2-core machine. */
    static final long EPSILON_MILLIS = 500;

    private FaultKit() {
    }

    /** Skips (visibly) tests that must stop, restart or signal the server when it is external. */
    static void requireEmbedded(PoolFixture f) {
        Assumptions.assumeTrue(f.database().isEmbedded(),
                "needs the embedded server: it stops, restarts or signals the server process");
    }

    /** Borrows {@code n} connections at once, runs {@code select 1} on each, and gives them back. */
    static void warm(ConnectionPool pool, int n) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Connection c = pool.getConnection();
                held.add(c);
                selectOne(c);
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    /** Waits past the window in which pools skip checking a connection used moments ago (500 ms). */
    static void letConnectionsAge() throws InterruptedException {
        Thread.sleep(700);
    }

    /** Retries {@code action} until it succeeds or {@code limit} passes; returns the millis it took. */
    static long untilItWorks(Duration limit, Callable<?> action) throws Exception {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                action.call();
                return (System.nanoTime() - start) / 1_000_000;
            } catch (Exception e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("still failing after " + limit.toMillis() + " ms", last);
    }

    /** Waits until a borrow and {@code select 1} on {@code pool} work, at most {@code limit}; returns the millis. */
    static long servesWithin(ConnectionPool pool, Duration limit) throws Exception {
        return untilItWorks(limit, () -> {
            try (Connection c = pool.getConnection()) {
                return selectOne(c);
            }
        });
    }

    /** Runs {@code sql} on {@code c}. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The SQLState of {@code e} or, if it has none, of the first cause that has one. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
        }
        return null;
    }
}
