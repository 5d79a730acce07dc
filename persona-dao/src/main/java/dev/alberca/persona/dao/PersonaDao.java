package dev.alberca.persona.dao;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and writes the {@code persona} table through any {@link DataSource}, typically a pool.
 *
 * <pre>{@code
 * try (ConnectionPool pool = ConnectionPools.open(config)) {
 *     PersonaDao dao = new PersonaDao(pool);
 *     dao.createSchema();                                   // idempotent
 *     long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
 *     Persona ada = dao.findById(id).orElseThrow();
 *     dao.update(ada.withEmail("ada.lovelace@example.org"));
 *     List<Persona> firstPage = dao.list(0, 20);            // ordered by id
 *     dao.delete(id);
 * }
 * }</pre>
 *
 * <p>Each method takes one connection from the data source and gives it back before it returns. Values are
 * checked before any SQL runs and only ever sent as {@code ?} parameters, so bad input writes nothing and
 * quotes or SQL in a name are stored as text. Failures are {@link PersonaException}s: see there. Safe to
 * share between threads.
 */
public final class PersonaDao {

    /** The largest page {@link #list(int, int)} returns. */
    public static final int MAX_PAGE = 1000;

    private static final String SCHEMA_RESOURCE = "schema.sql";

    private static final String INSERT = """
            insert into persona (nombre, apellido, email)
            values (?, ?, ?)
            """;
    private static final String[] GENERATED_KEY = {"id_persona"};

    private static final String UPDATE = """
            update persona
               set nombre = ?, apellido = ?, email = ?
             where id_persona = ?
            """;

    private static final String DELETE = """
            delete from persona
             where id_persona = ?
            """;

    private static final String FIND_BY_ID = """
            select id_persona, nombre, apellido, email
              from persona
             where id_persona = ?
            """;

    private static final String LIST = """
            select id_persona, nombre, apellido, email
              from persona
             order by id_persona
             limit ? offset ?
            """;

    private static final String COUNT = """
            select count(*)
              from persona
            """;

    private final DataSource dataSource;

    /** A DAO on this data source; it does not close it. */
    public PersonaDao(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Creates the {@code persona} table if it does not exist, from the {@code schema.sql} this module ships.
     * Running it again changes nothing.
     */
    public void createSchema() {
        String ddl = readSchema();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.CREATE_SCHEMA, null, e);
        }
    }

    /**
     * Stores a new persona; its {@code id} is ignored.
     *
     * @return the generated {@code id_persona}
     * @throws InvalidPersonaException if a value breaks a rule (nothing is written)
     * @throws DuplicateEmailException if another persona has this email
     * @throws PersonaOutcomeUnknownException if the connection broke after the change was sent
     */
    public long insert(Persona persona) {
        PersonaRules.check(persona, PersonaOperation.INSERT, null, null);
        boolean sent = false;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(INSERT, GENERATED_KEY)) {
            bind(s, persona);
            sent = true;
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.INSERT, null, e, sent);
        }
    }

    /**
     * Stores all these personas in one transaction: all of them, or, if one fails, none.
     *
     * @return the generated ids, in the order of {@code personas}
     * @throws InvalidPersonaException naming the first bad row (nothing is written)
     * @throws DuplicateEmailException if an email is taken, or appears twice in the list (nothing is written)
     * @throws PersonaOutcomeUnknownException if the connection broke during the commit
     */
    public List<Long> insertAll(List<Persona> personas) {
        Objects.requireNonNull(personas, "personas");
        for (int i = 0; i < personas.size(); i++) {
            PersonaRules.check(personas.get(i), PersonaOperation.INSERT_BATCH, null,
                    "row " + (i + 1) + " of " + personas.size());
        }
        if (personas.isEmpty()) {
            return List.of();
        }
        boolean committing = false;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT, GENERATED_KEY)) {
                for (Persona p : personas) {
                    bind(s, p);
                    s.addBatch();
                }
                s.executeBatch();
                List<Long> ids = new ArrayList<>(personas.size());
                try (ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                // Before the commit a broken connection means rolled back; during it, nobody can tell.
                committing = true;
                c.commit();
                return List.copyOf(ids);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.INSERT_BATCH, null, e, committing);
        }
    }

    /**
     * Replaces the names and email of the persona with {@code persona.id()}.
     *
     * @throws InvalidPersonaException if the id is missing or a value breaks a rule (nothing is written)
     * @throws PersonaNotFoundException if no persona has this id
     * @throws DuplicateEmailException if another persona has this email
     * @throws PersonaOutcomeUnknownException if the connection broke after the change was sent
     */
    public void update(Persona persona) {
        Long id = persona == null ? null : persona.id();
        if (persona != null && id == null) {
            throw new InvalidPersonaException(PersonaOperation.UPDATE, null, "id",
                    "id is missing: update needs the id of a stored persona");
        }
        PersonaRules.check(persona, PersonaOperation.UPDATE, id, null);
        boolean sent = false;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(UPDATE)) {
            bind(s, persona);
            s.setLong(4, id);
            sent = true;
            if (s.executeUpdate() == 0) {
                throw new PersonaNotFoundException(PersonaOperation.UPDATE, id);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.UPDATE, id, e, sent);
        }
    }

    /**
     * Deletes the persona with this id.
     *
     * @throws PersonaNotFoundException if no persona has this id
     * @throws PersonaOutcomeUnknownException if the connection broke after the change was sent
     */
    public void delete(long id) {
        boolean sent = false;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setLong(1, id);
            sent = true;
            if (s.executeUpdate() == 0) {
                throw new PersonaNotFoundException(PersonaOperation.DELETE, id);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.DELETE, id, e, sent);
        }
    }

    /** The persona with this id, or empty. */
    public Optional<Persona> findById(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(FIND_BY_ID)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(mapRow(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.FIND, id, e);
        }
    }

    /**
     * One page of personas, ordered by id.
     *
     * @param offset how many to skip, 0 or more
     * @param limit how many at most, 1 to {@value #MAX_PAGE}
     * @throws IllegalArgumentException if offset or limit is out of range
     */
    public List<Persona> list(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException(PersonaOperation.LIST + ": offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException(PersonaOperation.LIST + ": limit must be between 1 and " + MAX_PAGE
                    + ", got " + limit);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(LIST)) {
            s.setInt(1, limit);
            s.setInt(2, offset);
            try (ResultSet r = s.executeQuery()) {
                List<Persona> page = new ArrayList<>();
                while (r.next()) {
                    page.add(mapRow(r));
                }
                return List.copyOf(page);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.LIST, null, e);
        }
    }

    /** How many personas are stored. */
    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(COUNT);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw SqlErrors.translate(PersonaOperation.COUNT, null, e);
        }
    }

    private static void bind(PreparedStatement s, Persona p) throws SQLException {
        s.setString(1, p.nombre());
        s.setString(2, p.apellido());
        s.setString(3, p.email());
    }

    private static Persona mapRow(ResultSet r) throws SQLException {
        return new Persona(r.getLong("id_persona"), r.getString("nombre"), r.getString("apellido"),
                r.getString("email"));
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // Ignored on purpose: the connection is closed next, and a pool resets autoCommit on return; the
            // batch's own outcome (committed, or the error being thrown) is what the caller must see.
        }
    }

    private static String readSchema() {
        // Read from this module: the resource sits in this package, encapsulated, and needs no opens.
        try (InputStream in = PersonaDao.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("persona-dao is missing its resource dev/alberca/persona/dao/"
                        + SCHEMA_RESOURCE + "; rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SCHEMA_RESOURCE + " from persona-dao", e);
        }
    }
}
