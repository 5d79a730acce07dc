/**
 * The contract every Alberca pool provider must keep, as a JUnit suite, and the kit it runs on: an
 * embedded PostgreSQL (or an external server), fault helpers and timing bounds.
 *
 * <p>A provider runs the whole suite with one small test class:
 * <pre>{@code
 * class MyPoolContractTest implements PoolContract {
 *     @Override public String providerName() { return "mine"; }
 * }
 * }</pre>
 */
open module dev.alberca.pool.contract {
    requires transitive dev.alberca.pool.api;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;
    requires embedded.postgres;        // automatic module: the embedded server the suite starts
    requires org.postgresql.jdbc;      // the driver's own statement text, to show what a pool must not pass on
    requires java.logging;

    exports dev.alberca.pool.contract;
}
