package dev.alberca.demo;

import dev.alberca.persona.dao.Persona;
import dev.alberca.persona.dao.PersonaDao;
import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.PoolTimeoutException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The two lessons, step by step, on an open pool: settings, check, scoped borrows and their reuse, explicit
 * borrow and release, exhaustion, the persona DAO, stats, close. Each step is announced in one line.
 */
final class Tour {

    static final int STEPS = 13;

    /** The sixth borrow waits this long instead of the pool's 5 s, so the tour stays brisk. */
    static final Duration SIXTH_BORROW_WAIT = Duration.ofSeconds(1);

    private final ConnectionPool pool;
    private final PersonaDao dao;
    private final Output out;

    Tour(ConnectionPool pool, PersonaDao dao, Output out) {
        this.pool = pool;
        this.dao = dao;
        this.out = out;
    }

    void run() throws SQLException {
        settings();
        check();
        oneScopedBorrow();
        sixScopedBorrows();
        explicitBorrowAndRelease();
        fiveHeldAndASixthWanted();
        List<Long> ids = personaInsert();
        personaList();
        personaUpdate(ids.get(0));
        personaDelete(ids);
        stats();
        close();
        borrowAfterClose();
    }

    private void settings() {
        PoolConfig c = pool.config();
        out.step("a pool with the lessons' settings: min " + c.minSize() + ", max " + c.maxSize());
        out.detail("provider %s (module %s), pool '%s'", pool.providerName(), pool.getClass().getModule().getName(),
                pool.name());
        out.detail("a borrow waits up to %d s for a free connection (acquire timeout)",
                c.acquireTimeout().toSeconds());
    }

    private void check() throws SQLException {
        out.step("check(): test the idle connections, replace broken ones, top up to the minimum");
        pool.check();
        out.detail("passed: %d open, %d idle", pool.stats().total(), pool.stats().idle());
    }

    private void oneScopedBorrow() throws SQLException {
        out.step("one scoped borrow: try-with-resources gives the connection back");
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            out.detail("url %s, user %s (the password is never shown)", Masks.url(meta.getURL()), meta.getUserName());
            out.detail("in use while inside the block: %d", pool.stats().inUse());
        }
        out.detail("in use after the block: %d", pool.stats().inUse());
    }

    private void sixScopedBorrows() throws SQLException {
        out.step("six scoped borrows in a row from a pool of at most " + pool.config().maxSize()
                + ": each goes back before the next");
        Set<Integer> pids = new LinkedHashSet<>();
        for (int i = 1; i <= 6; i++) {
            try (Connection c = pool.getConnection()) {
                int pid = backendPid(c);
                pids.add(pid);
                out.detail("borrow %d: backend pid %d", i, pid);
            }
        }
        out.detail("all 6 succeeded on %d server connection%s %s: the pool reuses them", pids.size(),
                pids.size() == 1 ? "" : "s", pids);
    }

    private void explicitBorrowAndRelease() throws SQLException {
        out.step("explicit borrow and release: getConnection(), then pool.release(connection)");
        Connection c = pool.getConnection();
        try {
            out.detail("borrowed backend pid %d; in use: %d", backendPid(c), pool.stats().inUse());
        } finally {
            pool.release(c);
        }
        out.detail("released; in use: %d", pool.stats().inUse());
    }

    private void fiveHeldAndASixthWanted() throws SQLException {
        int max = pool.config().maxSize();
        out.step(max + " held and one more wanted: the extra borrow waits " + SIXTH_BORROW_WAIT.toSeconds()
                + " s, then fails");
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < max; i++) {
                held.add(pool.getConnection());
            }
            out.detail("holding %d connections; in use: %d of %d", held.size(), pool.stats().inUse(), max);
            long start = System.nanoTime();
            try {
                held.add(pool.getConnection(SIXTH_BORROW_WAIT));
            } catch (PoolTimeoutException e) {
                out.detail("borrow %d failed after %d ms with %s:", max + 1, (System.nanoTime() - start) / 1_000_000,
                        e.getClass().getSimpleName());
                out.detail("  %s", e.getMessage());
            }
            if (held.size() > max) {
                throw DemoFailure.failed("borrow " + (max + 1) + " got a connection although " + max
                        + " were held: the pool let more than max-size out");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        out.detail("gave the %d back; in use: %d", held.size(), pool.stats().inUse());
    }

    private List<Long> personaInsert() {
        out.step("persona: insert (the DAO takes one pooled connection per call)");
        // A tag of this run keeps the emails unique on a database that already has rows from other runs.
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
        List<Long> ids = new ArrayList<>();
        for (Persona p : List.of(
                Persona.of("Juan", "Pérez", "juan.perez+" + tag + "@example.org"),
                Persona.of("Karla", "Gómez", "karla.gomez+" + tag + "@example.org"),
                Persona.of("Ada", "Lovelace", "ada.lovelace+" + tag + "@example.org"))) {
            long id = dao.insert(p);
            ids.add(id);
            out.detail("inserted %s %s as id %d", p.nombre(), p.apellido(), id);
        }
        return ids;
    }

    private void personaList() {
        out.step("persona: list (ordered by id, first page of 10)");
        out.personas(dao.list(0, 10), "  ");
        out.detail("%d in the table", dao.count());
    }

    private void personaUpdate(long id) {
        out.step("persona: update id " + id);
        Persona before = dao.findById(id).orElseThrow();
        Persona after = before.withApellido(before.apellido() + " García");
        dao.update(after);
        out.detail("before:");
        out.personas(List.of(before), "    ");
        out.detail("after:");
        out.personas(List.of(dao.findById(id).orElseThrow()), "    ");
    }

    private void personaDelete(List<Long> ids) {
        out.step("persona: delete ids " + ids);
        for (long id : ids) {
            dao.delete(id);
        }
        out.detail("deleted %d; the first page now:", ids.size());
        out.personas(dao.list(0, 10), "  ");
    }

    private void stats() {
        out.step("the pool's stats");
        out.detail("%s", pool.stats());
    }

    private void close() {
        out.step("close(): idle connections closed, no more borrows");
        pool.close();
        out.detail("closed: %s", pool.isClosed());
    }

    private void borrowAfterClose() throws SQLException {
        out.step("a borrow after close");
        Connection c;
        try {
            c = pool.getConnection();
        } catch (PoolClosedException e) {
            out.detail("failed with %s:", e.getClass().getSimpleName());
            out.detail("  %s", e.getMessage());
            return;
        }
        c.close();
        throw DemoFailure.failed("a closed pool handed out a connection");
    }

    private static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_backend_pid()");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
