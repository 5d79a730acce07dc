package dev.alberca.demo;

import dev.alberca.persona.dao.PersonaDao;
import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.spi.ConnectionProvider;
import picocli.CommandLine;

import java.sql.SQLException;
import java.time.Duration;

/**
 * What a command runs on: the chosen provider, a database (started if embedded), a pool with the lessons'
 * settings, and the persona DAO with its table in place. Closing it closes the pool, then the database.
 */
final class Session implements AutoCloseable {

    /** The lessons' pool: at least 1 connection, at most 5, a borrow waits up to 5 s. */
    static final int MIN_SIZE = 1;
    static final int MAX_SIZE = 5;
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(5);
    static final String POOL_NAME = "alberca-demo";

    private final Database database;
    private final ConnectionPool pool;
    private final PersonaDao dao;

    private Session(Database database, ConnectionPool pool) {
        this.database = database;
        this.pool = pool;
        this.dao = new PersonaDao(pool);
    }

    /**
     * Chooses the provider first (no database starts when there is none), then starts or reaches the
     * database, opens the pool and makes sure the persona table exists.
     */
    static Session open(Main options, CommandLine cl) throws SQLException {
        ConnectionProvider provider = ProviderChoice.choose(options.environment, options.provider);
        Database database = DatabaseLauncher.open(options, cl);
        try {
            ConnectionPool pool = ConnectionPools.open(PoolConfig.builder()
                    .url(database.url()).user(database.user()).password(database.password())
                    .poolName(POOL_NAME).provider(provider.name())
                    .minSize(MIN_SIZE).maxSize(MAX_SIZE).acquireTimeout(ACQUIRE_TIMEOUT)
                    .build());
            Session session = new Session(database, pool);
            try {
                session.dao.createSchema();
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
            return session;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    ConnectionPool pool() {
        return pool;
    }

    PersonaDao dao() {
        return dao;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            database.close();
        }
    }
}
