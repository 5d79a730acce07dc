package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.spi.Capability;
import dev.alberca.pool.api.spi.ConnectionProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One test's view of the provider under test: configs for the test database, pools it closes after the
 * test, threads it stops, and the provider's declared gaps.
 *
 * <pre>{@code
 * @Test default void borrows(PoolFixture f) throws SQLException {
 *     ConnectionPool pool = f.open(f.config().maxSize(2));
 *     try (Connection c = pool.getConnection()) { ... }
 * }
 * }</pre>
 */
public final class PoolFixture {

    private final String provider;
    private final String name;
    private final TestDatabase database = TestDatabase.get();
    private final List<AutoCloseable> cleanups = new ArrayList<>();

    PoolFixture(String provider, String testName) {
        this.provider = provider;
        this.name = TestDatabase.uniqueName(provider + "-" + testName.replaceAll("[^A-Za-z0-9]", "")
                .substring(0, Math.min(30, testName.replaceAll("[^A-Za-z0-9]", "").length())));
    }

    /** The provider under test. */
    public String provider() {
        return provider;
    }

    /** This test's pool name, also its sessions' application_name. */
    public String name() {
        return name;
    }

    /** The test database. */
    public TestDatabase database() {
        return database;
    }

    /**
     * The lessons' pool for this test: min 1, max 5, acquire timeout 2 s, validation 1 s, the contract's
     * driver timeouts, and this provider.
     */
    public PoolConfig.Builder config() {
        return database.config(name).provider(provider).minSize(1).maxSize(5)
                .acquireTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(1));
    }

    /** Opens a pool through the facade, as users do, and closes it after the test. */
    public ConnectionPool open(PoolConfig.Builder config) throws SQLException {
        ConnectionPool pool = ConnectionPools.open(config.build());
        cleanups.add(pool);
        return pool;
    }

    /** A thread pool for the test's concurrent callers, stopped after the test. */
    public ExecutorService threads(int n) {
        ExecutorService e = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name + "-caller");
            t.setDaemon(true);
            return t;
        });
        cleanups.add(e::shutdownNow);
        return e;
    }

    /** Closes {@code c} after the test if the test did not. */
    public <T extends AutoCloseable> T closeLater(T c) {
        cleanups.add(c);
        return c;
    }

    /**
     * Ends the test as "not supported by this provider" when it declared {@code capability} missing; the
     * report shows the provider's own words. Never used to skip anything else.
     */
    public void requires(Capability capability) {
        ConnectionProvider p = ConnectionPools.providers().stream()
                .filter(x -> x.name().equals(provider)).findFirst().orElseThrow();
        String why = p.missingCapabilities().get(capability);
        Assumptions.assumeTrue(why == null, () -> "not supported by provider '" + provider + "': "
                + capability.clause() + " (declared: " + why + ")");
    }

    /** The server's process id of the session behind {@code c}. */
    public static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Runs {@code select 1} on {@code c}. */
    public static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select 1")) {
            r.next();
            return r.getInt(1);
        }
    }

    void cleanUp() {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).close();
            } catch (Exception e) {
                // Cleanup must not mask the test's own outcome.
            }
        }
        cleanups.clear();
    }

    /** Gives each contract test its fixture and cleans up after it. */
    public static final class Extension implements ParameterResolver, AfterEachCallback {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PoolFixture.class);

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == PoolFixture.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            Object instance = c.getRequiredTestInstance();
            String provider = ((ContractBase) instance).providerName();
            PoolFixture f = new PoolFixture(provider, c.getRequiredTestMethod().getName());
            c.getStore(NS).put("fixture", f);
            return f;
        }

        @Override
        public void afterEach(ExtensionContext c) {
            PoolFixture f = c.getStore(NS).remove("fixture", PoolFixture.class);
            if (f != null) {
                f.cleanUp();
            }
        }
    }

    /** How long {@code action} took, in milliseconds. */
    public static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
