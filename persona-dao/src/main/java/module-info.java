/**
 * The persona table of the lessons, kept by a small DAO that works on any {@link javax.sql.DataSource}:
 * a pool opened with {@code dev.alberca.pool.api}, or any other.
 *
 * <pre>{@code
 * try (ConnectionPool pool = ConnectionPools.open(config)) {
 *     PersonaDao dao = new PersonaDao(pool);
 *     dao.createSchema();
 *     long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
 *     dao.findById(id).ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * <p>Every failure is an unchecked {@link dev.alberca.persona.dao.PersonaException} that names the operation
 * and the id, keeps the SQLState, and never carries the personal values it was given.
 */
module dev.alberca.persona.dao {
    // PersonaDao's constructor takes a javax.sql.DataSource: users need java.sql to call it.
    requires transitive java.sql;
    // Only to recognise the pools' own errors (timeout, closed, unreachable), whose messages are safe to repeat.
    requires dev.alberca.pool.api;

    exports dev.alberca.persona.dao;
    // The schema resource (dev/alberca/persona/dao/schema.sql) is read by this module only: no opens needed.
}
