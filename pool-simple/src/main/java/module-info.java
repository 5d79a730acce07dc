/**
 * Alberca's built-in connection pool, provider {@code simple}: small, dependency-free (the JDK only, logging
 * through {@code System.Logger} as {@code dev.alberca.pool.simple}), safe for virtual threads.
 *
 * <p>Applications never name a type of this module: they put it on the module path and open a pool through
 * the API, which finds it with {@link java.util.ServiceLoader}:
 * <pre>{@code
 * PoolConfig config = PoolConfig.builder().url(url).user("app").password(secret).provider("simple").build();
 * try (ConnectionPool pool = ConnectionPools.open(config)) { ... }
 * }</pre>
 *
 * <p>It exports nothing: the pool, its connection handles and statement wrappers are reached through
 * {@code dev.alberca.pool.api} and {@code java.sql} interfaces only.
 *
 * @provides dev.alberca.pool.api.spi.ConnectionProvider the pool named {@code simple}
 */
module dev.alberca.pool.simple {
    // java.sql comes with it: the API module requires it transitively.
    requires dev.alberca.pool.api;

    provides dev.alberca.pool.api.spi.ConnectionProvider with dev.alberca.pool.simple.SimpleConnectionProvider;
}
