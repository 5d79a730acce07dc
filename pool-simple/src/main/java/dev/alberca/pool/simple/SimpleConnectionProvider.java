package dev.alberca.pool.simple;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.spi.ConnectionProvider;

import java.util.Map;

/**
 * The provider of Alberca's built-in pool, named {@value #NAME}. Found by {@link java.util.ServiceLoader};
 * applications open it through {@link dev.alberca.pool.api.ConnectionPools#open}, never directly.
 *
 * <pre>{@code
 * ConnectionPool pool = ConnectionPools.open(PoolConfig.builder().url(url).provider("simple").build());
 * }</pre>
 */
public final class SimpleConnectionProvider implements ConnectionProvider {

    /** The name users select this provider by. */
    public static final String NAME = "simple";

    /** Called by {@link java.util.ServiceLoader}. */
    public SimpleConnectionProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens a pool that starts filling to its minimum size in the background; it does not fail when the
     * database is down (borrows report that).
     *
     * @throws IllegalArgumentException for an extra setting {@code simple.*}: this pool has none
     */
    @Override
    public ConnectionPool open(PoolConfig config) {
        Map<String, String> extras = config.extrasFor(NAME);
        if (!extras.isEmpty()) {
            throw new IllegalArgumentException("Invalid pool setting extra." + NAME + "." + extras.keySet().iterator().next()
                    + ": the simple pool has no extra settings; remove the alberca.extra." + NAME + ".* keys");
        }
        return SimplePool.open(config);
    }
}
