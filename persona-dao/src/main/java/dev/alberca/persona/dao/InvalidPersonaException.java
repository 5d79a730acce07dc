package dev.alberca.persona.dao;

/**
 * The DAO refused a value before any SQL ran: nothing was written. The message names the field and the
 * rule it breaks, never the value.
 *
 * <pre>{@code
 * try {
 *     dao.insert(Persona.of(" ", "Lovelace", "ada@example.org"));
 * } catch (InvalidPersonaException e) {
 *     e.field();        // "nombre"
 *     e.getMessage();   // "insert persona: nombre is missing or blank"
 * }
 * }</pre>
 */
public class InvalidPersonaException extends PersonaException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidPersonaException(PersonaOperation operation, Long id, String field, String problem) {
        super(operation, id, problem, null, null);
        this.field = field;
    }

    /** The field that broke a rule: {@code nombre}, {@code apellido}, {@code email}, {@code id}, ... */
    public String field() {
        return field;
    }
}
