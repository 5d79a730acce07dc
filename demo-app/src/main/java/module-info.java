/**
 * The demo: the two pool lessons as a command-line tour, and persona commands for real use, on whichever
 * pool provider's folder is on the module path.
 *
 * <pre>
 * java -p demo-app/target/modules:pool-simple/target/modules --add-modules ALL-MODULE-PATH -m dev.alberca.demo
 * </pre>
 *
 * <p>{@code --add-modules ALL-MODULE-PATH} is needed because {@code embedded.postgres} is an automatic
 * module: resolving it does not resolve the explicit modules it uses (commons-compress, xz, ...).
 *
 * @uses dev.alberca.pool.api.spi.ConnectionProvider the pool provider on the module path
 */
module dev.alberca.demo {
    // The API the demo is written against; never a provider module: the module path chooses the pool.
    requires dev.alberca.pool.api;
    requires dev.alberca.persona.dao;
    // Pools and the DAO speak JDBC (also implied by both modules' requires transitive).
    requires java.sql;

    // Command-line parsing; it reads the commands' annotated fields by reflection, hence the opens below.
    requires info.picocli;
    opens dev.alberca.demo to info.picocli;

    // The PostgreSQL started when no --url is given. An automatic module named after its jar file.
    requires embedded.postgres;

    // pool-api's ConnectionPools makes the ServiceLoader call (and declares uses too); declared here as well
    // so this descriptor says what the app needs from the module path to run.
    uses dev.alberca.pool.api.spi.ConnectionProvider;

    // Not required, found at run time: the JDBC driver (org.postgresql.jdbc, bound by java.sql as a
    // java.sql.Driver provider) and slf4j-simple (bound by org.slf4j), both in demo-app/target/modules.
}
