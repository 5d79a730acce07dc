/**
 * Commons DBCP2 behind the Alberca API: put this module (and the jars of its folder) on the module path
 * and {@code ConnectionPools.open(config)} gives a DBCP2 pool that keeps the Alberca contract.
 *
 * <p>Exports nothing: applications only see {@code dev.alberca.pool.api}.
 *
 * @provides dev.alberca.pool.api.spi.ConnectionProvider as {@code dbcp}
 */
module dev.alberca.pool.dbcp {
    requires dev.alberca.pool.api;
    requires org.apache.commons.dbcp2;
    requires org.apache.commons.pool2;

    provides dev.alberca.pool.api.spi.ConnectionProvider with dev.alberca.pool.dbcp.DbcpConnectionProvider;
}
