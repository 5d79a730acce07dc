/**
 * Alberca's benchmarks (JMH): every provider raced against the pool libraries used directly, on a stub
 * driver and on the embedded PostgreSQL. See BENCHMARKS.md for the commands and the latest results.
 *
 * <p>The benchmarks run from the class path ({@code java -cp 'pool-bench/target/modules/*'
 * dev.alberca.pool.bench.Bench quick}), not from the module path: JMH forks its benchmark JVMs with the
 * parent's {@code java.class.path} and loads the generated classes ({@code ...bench.jmh_generated}) and
 * its {@code META-INF/BenchmarkList} resource by class path lookups, and the providers are then found
 * through their {@code META-INF/services} files, as class-path users find them. This descriptor still
 * compiles the module, so its dependencies are checked as every other module's are.
 */
module dev.alberca.pool.bench {
    requires java.sql;
    requires java.management;             // PkSelect: waits for the JIT compiler before measuring
    requires jmh.core;                    // automatic module (jmh-core-1.37.jar has no module name)
    requires dev.alberca.pool.api;
    requires dev.alberca.persona.dao;
    requires dev.alberca.pool.contract;   // TestDatabase: the embedded PostgreSQL
    requires com.zaxxer.hikari;           // raw-hikari
    requires org.apache.commons.dbcp2;    // raw-dbcp
    requires org.apache.commons.pool2;

    exports dev.alberca.pool.bench;
    exports dev.alberca.pool.bench.jmh_generated;

    provides java.sql.Driver with dev.alberca.pool.bench.StubDriver;
}
