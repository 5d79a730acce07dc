package dev.alberca.persona.dao;

/**
 * The connection broke after a write was sent (or its commit), before the database's answer came back:
 * the row may or may not be stored. Distinct from every other failure, where nothing was written.
 *
 * <pre>{@code
 * try {
 *     dao.insert(persona);
 * } catch (PersonaOutcomeUnknownException e) {
 *     // look the email up before trying again: the insert may have been stored
 * }
 * }</pre>
 */
public class PersonaOutcomeUnknownException extends PersonaException {

    private static final long serialVersionUID = 1L;

    PersonaOutcomeUnknownException(PersonaOperation operation, Long id, String sqlState, Throwable cause) {
        super(operation, id, "outcome unknown: the connection to the database broke after the change was sent,"
                + " so it may or may not be stored; check before trying again", sqlState, cause);
    }
}
