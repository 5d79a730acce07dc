/**
 * The Alberca pool API: the only module application code imports.
 *
 * <p>Code written against {@link dev.alberca.pool.api.ConnectionPool} runs unchanged on any pool whose
 * provider module is on the module path; {@link dev.alberca.pool.api.ConnectionPools#open} picks it.
 *
 * <pre>{@code
 * PoolConfig config = PoolConfig.builder()
 *         .url("jdbc:postgresql://127.0.0.1:5432/app").user("app").password(secret)
 *         .minSize(1).maxSize(5).acquireTimeout(Duration.ofSeconds(5))
 *         .build();
 * try (ConnectionPool pool = ConnectionPools.open(config);
 *      Connection connection = pool.getConnection()) {
 *     // use the connection; close() gives it back to the pool
 * }
 * }</pre>
 *
 * @uses dev.alberca.pool.api.spi.ConnectionProvider the pools this module can open
 */
module dev.alberca.pool.api {
    // Pool handles are javax.sql.DataSource and hand out java.sql.Connection: users need java.sql too.
    requires transitive java.sql;

    exports dev.alberca.pool.api;
    // For provider authors only; applications never need it.
    exports dev.alberca.pool.api.spi;
    // dev.alberca.pool.api.internal (URL checks, driver defaults, key parsing) stays hidden.

    uses dev.alberca.pool.api.spi.ConnectionProvider;
}
