package dev.alberca.pool.api;

import dev.alberca.pool.api.internal.JdbcUrl;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The pool could not give a connection because the database refused or could not be reached: nothing
 * listening, a wrong password, an unknown database, a server that never answers. Keeps the driver's error
 * as its cause and that error's SQLState as its own.
 *
 * <pre>{@code
 * catch (DatabaseUnavailableException e) {
 *     if (e.getSQLState().startsWith("28")) { ... credentials ... }
 * }
 * }</pre>
 */
public class DatabaseUnavailableException extends SQLTransientConnectionException {

    private static final long serialVersionUID = 1L;

    private final String poolName;
    private final Duration waited;

    /**
     * @param poolName the pool's name
     * @param waited how long the caller waited before giving up
     * @param cause the driver's error from the last attempt to connect
     */
    public DatabaseUnavailableException(String poolName, Duration waited, SQLException cause) {
        super(message(poolName, waited, cause), cause.getSQLState(), cause.getErrorCode(), cause);
        this.poolName = poolName;
        this.waited = waited;
    }

    /**
     * For a wait that ended while connection attempts were still running: the database or the network
     * did not answer in time. Its cause is a made-up SQLException with SQLState 08001 that says so.
     */
    public static DatabaseUnavailableException noAnswer(String poolName, Duration waited) {
        return new DatabaseUnavailableException(poolName, waited, new SQLException("no connection attempt finished"
                + " within " + waited.toMillis() + " ms: the server or the network does not answer", "08001"));
    }

    private static String message(String poolName, Duration waited, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String what;
        String advice;
        if (state.startsWith("28") || state.equals("08004")) {
            what = "the database refused the login";
            advice = "check the user and the password";
        } else if (state.equals("3D000")) {
            what = "the database does not exist";
            advice = "check the database name at the end of the URL";
        } else {
            what = "the database is unreachable";
            advice = "check that the server is running and that the URL's host and port are right";
        }
        return "pool '" + poolName + "': " + what + " (" + JdbcUrl.mask(String.valueOf(cause.getMessage()))
                + "; SQLState " + (state.isEmpty() ? "none" : state) + ") after " + waited.toMillis() + " ms; " + advice;
    }

    /** The pool's name. */
    public String poolName() {
        return poolName;
    }

    /** How long the caller waited. */
    public Duration waited() {
        return waited;
    }
}
