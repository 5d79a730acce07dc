package dev.alberca.persona.dao;

import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolClosedException;
import dev.alberca.pool.api.PoolTimeoutException;
import dev.alberca.pool.api.TooManyWaitersException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@link SQLException} into a {@link PersonaException} whose message is safe to show: the
 * operation, the id, what kind of failure and the SQLState, never the driver's text (which may quote the
 * row, e.g. "Key (email)=(...) already exists").
 */
final class SqlErrors {

    /** PostgreSQL's unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";
    /** The unique constraint on the email column, as named in schema.sql. */
    static final String EMAIL_CONSTRAINT = "persona_email_uk";

    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d{1,9}) ");

    private SqlErrors() {
    }

    /**
     * As {@link #translate(PersonaOperation, Long, SQLException)}, for a write: when the connection broke
     * after the change (or its commit) was sent, the caller can't know whether it was stored.
     */
    static PersonaException translate(PersonaOperation operation, Long id, SQLException e, boolean sent) {
        String state = firstState(e);
        if (sent && connectionBroke(state)) {
            return new PersonaOutcomeUnknownException(operation, id, state, e);
        }
        return translate(operation, id, e);
    }

    /** Class 08 (connection exception) or 57P01-57P03 (the server went away mid-call). */
    private static boolean connectionBroke(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    static PersonaException translate(PersonaOperation operation, Long id, SQLException e) {
        SQLException unique = find(e, UNIQUE_VIOLATION);
        // Only the constraint's name is read from the driver's text; none of it reaches the message.
        if (unique != null && String.valueOf(unique.getMessage()).contains(EMAIL_CONSTRAINT)) {
            return new DuplicateEmailException(operation, id, failedRow(e), unique);
        }
        String state = firstState(e);
        return new PersonaException(operation, id, "failed: " + describe(e, state), state, e);
    }

    private static String describe(SQLException e, String state) {
        // The pools' own errors carry no row data, and their text (pool name, sizes, wait) says what to do.
        if (e instanceof PoolTimeoutException || e instanceof PoolClosedException
                || e instanceof TooManyWaitersException || e instanceof DatabaseUnavailableException) {
            return e.getMessage();
        }
        if (state == null) {
            return "the database reported an error without an SQLState";
        }
        if (state.equals("08001") || state.equals("08004")) {
            return "could not connect to the database";
        }
        if (state.startsWith("08")) {
            return "the connection to the database broke";
        }
        if (state.startsWith("23")) {
            return "the row breaks a constraint of the persona table";
        }
        if (state.startsWith("22")) {
            return "the database refused a value";
        }
        if (state.startsWith("40")) {
            return "the transaction was rolled back by the database (deadlock or serialization); try again";
        }
        if (state.equals("57014")) {
            return "the statement was cancelled or timed out";
        }
        if (state.startsWith("57P")) {
            return "the database is shutting down or restarting";
        }
        if (state.equals("42P01")) {
            return "the persona table does not exist; call createSchema() first";
        }
        if (state.startsWith("42")) {
            return "the database refused the statement (syntax or access rule)";
        }
        return "the database reported an error";
    }

    /** The first SQLException in the cause and next-exception chains that has this state. */
    private static SQLException find(SQLException e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
                    if (state.equals(s.getSQLState())) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    private static String firstState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /**
     * For a failed batch, "row N" (1-based) of the entry the driver names; null if it names none. Only
     * pgjdbc's entry number is read ("Batch entry 9 ... was aborted"): the update counts can't tell, as
     * pgjdbc marks every entry of an aborted batch as failed.
     */
    private static String failedRow(SQLException e) {
        if (e instanceof BatchUpdateException) {
            Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
            if (m.lookingAt()) {
                return "row " + (Long.parseLong(m.group(1)) + 1);
            }
        }
        return null;
    }
}
