package dev.alberca.persona.dao;

import java.sql.SQLException;

/**
 * Another persona already has this e-mail address: the database refused the row (SQLState
 * {@code 23505} on the unique constraint {@code persona_email_uk}) and nothing was written.
 *
 * <pre>{@code
 * try {
 *     dao.insert(persona);
 * } catch (DuplicateEmailException e) {
 *     // "insert persona: email already in use by another persona (SQLState 23505)"
 * }
 * }</pre>
 */
public class DuplicateEmailException extends PersonaException {

    private static final long serialVersionUID = 1L;

    DuplicateEmailException(PersonaOperation operation, Long id, String row, SQLException cause) {
        super(operation, id, (row == null ? "" : row + ": ") + "email already in use by another persona",
                cause.getSQLState(), cause);
    }
}
