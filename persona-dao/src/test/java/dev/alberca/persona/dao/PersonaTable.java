package dev.alberca.persona.dao;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One test class's own persona table: a PostgreSQL schema of its own on the shared test server, reached
 * through one pool per provider whose sessions have that schema first on their search path. Test classes
 * therefore never see each other's rows. Registered as a JUnit extension, it empties the table before
 * each test and closes its pools after the class's last one.
 */
final class PersonaTable implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    private final String schema;
    private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();

    /** @param schema a plain lower-case identifier, e.g. {@code persona_crud} */
    PersonaTable(String schema) {
        this.schema = schema;
        admin("drop schema if exists " + schema + " cascade");
        admin("create schema " + schema);
    }

    /** A DAO on this provider's pool (opened on first use, max 8 connections), the table created. */
    PersonaDao dao(String provider) {
        PersonaDao dao = new PersonaDao(pool(provider));
        dao.createSchema();
        return dao;
    }

    /** This provider's pool for this table. */
    ConnectionPool pool(String provider) {
        return pools.computeIfAbsent(provider, p -> {
            try {
                return ConnectionPools.open(TestDatabase.get()
                        .config(TestDatabase.uniqueName(schema.replace('_', '-') + "-" + p))
                        .provider(p).maxSize(8)
                        .driverProperty("currentSchema", schema)
                        .build());
            } catch (SQLException e) {
                throw new IllegalStateException("could not open a " + p + " pool", e);
            }
        });
    }

    /** Empties the table (if it exists yet) and restarts its ids. */
    void truncate() {
        admin("do $$ begin if to_regclass('" + schema + ".persona') is not null then "
                + "truncate " + schema + ".persona restart identity; end if; end $$");
    }

    /** Every row, read outside the DAO and the pools, ordered by id. */
    List<Persona> rows() {
        try (Connection c = TestDatabase.get().admin();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id_persona, nombre, apellido, email from " + schema
                     + ".persona order by id_persona")) {
            List<Persona> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new Persona(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement as the superuser, outside the pools. */
    void admin(String sql) {
        try (Connection c = TestDatabase.get().admin();
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("admin statement failed: " + sql, e);
        }
    }

    /** Each test starts with an empty table. */
    @Override
    public void beforeEach(ExtensionContext context) {
        truncate();
    }

    /** The pools close after the class's last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        pools.values().forEach(ConnectionPool::close);
        pools.clear();
    }
}
