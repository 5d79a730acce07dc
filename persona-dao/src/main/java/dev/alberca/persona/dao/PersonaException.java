package dev.alberca.persona.dao;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link PersonaDao} operation failed. Unchecked, like {@link java.io.UncheckedIOException}: the
 * {@link java.sql.SQLException} behind it, if any, is the {@linkplain #getCause() cause}.
 *
 * <pre>{@code
 * try {
 *     dao.update(persona);
 * } catch (PersonaNotFoundException e) {
 *     ... // e.id() is the id that was not there
 * } catch (PersonaException e) {
 *     log.warn("{} failed, SQLState {}", e.operation(), e.sqlState().orElse("none"));
 * }
 * }</pre>
 *
 * <p>The message names the operation and the id and says what went wrong; it never holds the personal
 * values the DAO was given, nor the driver's own message (which may quote them). The driver's error
 * stays available as the cause, for a debugger; do not show it to users or write it to shared logs.
 *
 * @see InvalidPersonaException
 * @see DuplicateEmailException
 * @see PersonaNotFoundException
 */
public class PersonaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PersonaOperation operation;
    private final Long id;
    private final String sqlState;

    PersonaException(PersonaOperation operation, Long id, String problem, String sqlState, Throwable cause) {
        super(where(operation, id) + ": " + problem + (sqlState == null ? "" : " (SQLState " + sqlState + ")"), cause);
        this.operation = operation;
        this.id = id;
        this.sqlState = sqlState;
    }

    /** What the DAO was doing. */
    public PersonaOperation operation() {
        return operation;
    }

    /** The id the operation was about, if it had one. */
    public OptionalLong id() {
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /**
     * The SQLState: the database's when a statement failed ({@code 23505}, {@code 08006}, ...), {@code 02000}
     * (no data) when no row had the id; empty when the DAO refused the input before any SQL ran.
     */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    static String where(PersonaOperation operation, Long id) {
        return id == null ? operation.toString() : operation + " id " + id;
    }
}
