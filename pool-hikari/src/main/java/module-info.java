/**
 * HikariCP behind the Alberca API: put this module (and the jars of its folder) on the module path and
 * {@code ConnectionPools.open(config)} gives a HikariCP pool that keeps the Alberca contract.
 *
 * <p>Exports nothing: applications only see {@code dev.alberca.pool.api}.
 *
 * @provides dev.alberca.pool.api.spi.ConnectionProvider as {@code hikari}
 */
module dev.alberca.pool.hikari {
    requires dev.alberca.pool.api;
    requires com.zaxxer.hikari;

    provides dev.alberca.pool.api.spi.ConnectionProvider with dev.alberca.pool.hikari.HikariConnectionProvider;
}
