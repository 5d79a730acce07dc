package dev.alberca.pool.api;

import dev.alberca.pool.api.spi.ConnectionProvider;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * Opens pools through whichever provider is on the module path (or class path).
 *
 * <pre>{@code
 * try (ConnectionPool pool = ConnectionPools.open(PoolConfig.fromEnvironment())) {
 *     System.out.println("pooling with " + pool.providerName());
 * }
 * }</pre>
 *
 * <p>Which provider: the one named in the config ({@link PoolConfig#provider()}); else the one named by
 * system property {@value #PROVIDER_PROPERTY} or environment variable {@value #PROVIDER_VARIABLE}; else
 * the only one present. Several present and none named is an error that lists them: the order in which
 * {@link ServiceLoader} finds providers is not defined, so it never decides.
 */
public final class ConnectionPools {

    /** System property that names the provider when the config does not. */
    public static final String PROVIDER_PROPERTY = "alberca.provider";
    /** Environment variable that names the provider when neither the config nor the property does. */
    public static final String PROVIDER_VARIABLE = "ALBERCA_PROVIDER";

    static final String MODULES_ADVICE = "put one provider module on the module path: dev.alberca.pool.simple"
            + " (pool-simple), dev.alberca.pool.hikari (pool-hikari) or dev.alberca.pool.dbcp (pool-dbcp),"
            + " each with the jars of its folder";

    private ConnectionPools() {
    }

    /**
     * Opens a pool with the chosen provider.
     *
     * @throws IllegalStateException if no provider, or not the one named, or several and none named
     * @throws IllegalArgumentException if the provider cannot honour a setting
     */
    public static ConnectionPool open(PoolConfig config) throws SQLException {
        return choose(config).open(config);
    }

    /** The names of the providers present, sorted. */
    public static List<String> providerNames() {
        return providers().stream().map(ConnectionProvider::name).sorted().toList();
    }

    /** The providers present, sorted by name. */
    public static List<ConnectionProvider> providers() {
        List<ConnectionProvider> found = new ArrayList<>();
        ServiceLoader.load(ConnectionProvider.class).forEach(found::add);
        found.sort(Comparator.comparing(ConnectionProvider::name));
        return found;
    }

    /** The provider {@link #open} would use for this config, by the rules above. */
    public static ConnectionProvider choose(PoolConfig config) {
        return choose(config, providers(), System::getProperty, System.getenv()::get);
    }

    static ConnectionProvider choose(PoolConfig config, List<ConnectionProvider> found,
                                     UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String source;
        String wanted = config.provider().orElse(null);
        if (wanted != null) {
            source = "the pool config (alberca.provider)";
        } else if (nonBlank(properties.apply(PROVIDER_PROPERTY))) {
            wanted = properties.apply(PROVIDER_PROPERTY).strip();
            source = "system property " + PROVIDER_PROPERTY;
        } else if (nonBlank(environment.apply(PROVIDER_VARIABLE))) {
            wanted = environment.apply(PROVIDER_VARIABLE).strip();
            source = "environment variable " + PROVIDER_VARIABLE;
        } else {
            source = null;
        }
        List<String> names = found.stream().map(ConnectionProvider::name).sorted().toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("No connection pool provider found"
                    + (wanted == null ? "" : " (wanted '" + wanted + "' from " + source + ")") + ": " + MODULES_ADVICE);
        }
        if (wanted != null) {
            for (ConnectionProvider p : found) {
                if (p.name().equalsIgnoreCase(wanted)) {
                    return p;
                }
            }
            throw new IllegalStateException("Connection pool provider '" + wanted + "' (from " + source
                    + ") is not present; found " + names + ". Name one of those, or add the module of '" + wanted + "'");
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new IllegalStateException("Found " + found.size() + " connection pool providers " + names
                + " and none was named: choose one with PoolConfig.Builder.provider(name), -D" + PROVIDER_PROPERTY
                + "=NAME or " + PROVIDER_VARIABLE + "=NAME, or keep only one on the module path");
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
