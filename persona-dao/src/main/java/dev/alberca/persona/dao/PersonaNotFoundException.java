package dev.alberca.persona.dao;

/**
 * No persona has the id an update or delete named; nothing was changed. Its SQLState is {@code 02000},
 * the SQL standard's "no data".
 *
 * <pre>{@code
 * try {
 *     dao.delete(42);
 * } catch (PersonaNotFoundException e) {
 *     // "delete persona id 42: not found, no persona has this id (SQLState 02000)"
 * }
 * }</pre>
 */
public class PersonaNotFoundException extends PersonaException {

    private static final long serialVersionUID = 1L;

    /** The SQL standard's SQLState for a statement that found no row. */
    static final String NO_DATA = "02000";

    PersonaNotFoundException(PersonaOperation operation, long id) {
        super(operation, id, "not found, no persona has this id", NO_DATA, null);
    }
}
