package dev.alberca.pool.api.spi;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolConfig;

import java.sql.SQLException;
import java.util.Map;

/**
 * A pool implementation, found with {@link java.util.ServiceLoader}. Applications never call it: they call
 * {@link dev.alberca.pool.api.ConnectionPools#open}.
 *
 * <p>A provider module declares it in its descriptor, and in {@code META-INF/services} for class-path users:
 * <pre>{@code
 * module com.example.pool.mine {
 *     requires dev.alberca.pool.api;
 *     provides dev.alberca.pool.api.spi.ConnectionProvider with com.example.pool.mine.MyProvider;
 * }
 * }</pre>
 * and proves it keeps the contract by running the suite of {@code dev.alberca.pool.contract}.
 */
public interface ConnectionProvider {

    /** A short lower-case name users select the provider by: {@code simple}, {@code hikari}, ... */
    String name();

    /**
     * Opens a pool. The config is already checked; the provider refuses, by name, a setting its pool
     * cannot honour. Opening must not fail because the database is down: borrows report that.
     *
     * @throws IllegalArgumentException for a setting this provider cannot honour
     */
    ConnectionPool open(PoolConfig config) throws SQLException;

    /**
     * The contract clauses this provider cannot keep, each with what it does instead. The contract suite
     * reports them as not supported, and the README's matrix shows them.
     */
    default Map<Capability, String> missingCapabilities() {
        return Map.of();
    }
}
