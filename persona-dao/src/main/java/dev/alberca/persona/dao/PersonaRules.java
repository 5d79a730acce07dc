package dev.alberca.persona.dao;

import java.util.regex.Pattern;

/**
 * The rules a persona must keep before any SQL runs. A broken rule is an {@link InvalidPersonaException}
 * that names the field and the rule; the value itself never goes into the message.
 */
final class PersonaRules {

    /**
     * One {@code @} with something before it, and a domain of dot-separated labels after it; no spaces
     * anywhere. Deliberately loose: the only sure check of an address is a mail that arrives.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+",
            Pattern.UNICODE_CHARACTER_CLASS);

    static final String EMAIL_RULE = "it needs one '@' with a name before it and a domain with a dot after it,"
            + " and no spaces";

    private PersonaRules() {
    }

    /** Checks the three values; {@code row} (like "row 2 of 3") prefixes the problem in a batch. */
    static void check(Persona persona, PersonaOperation operation, Long id, String row) {
        if (persona == null) {
            throw invalid(operation, id, row, "persona", "the persona is missing (null)");
        }
        checkText("nombre", persona.nombre(), Persona.MAX_NOMBRE, operation, id, row);
        checkText("apellido", persona.apellido(), Persona.MAX_APELLIDO, operation, id, row);
        String email = persona.email();
        checkText("email", email, Persona.MAX_EMAIL, operation, id, row);
        if (!EMAIL.matcher(email).matches()) {
            throw invalid(operation, id, row, "email", "email is malformed: " + EMAIL_RULE);
        }
    }

    private static void checkText(String field, String value, int max, PersonaOperation operation, Long id,
                                  String row) {
        if (value == null || value.isBlank()) {
            throw invalid(operation, id, row, field, field + " is missing or blank");
        }
        // PostgreSQL counts characters, not UTF-16 units: an emoji is one character but two Java chars.
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw invalid(operation, id, row, field, field + " is too long: " + length + " characters, at most "
                    + max);
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(operation, id, row, field, field
                    + " contains a control character (a line break, tab, NUL or the like); remove it");
        }
    }

    private static InvalidPersonaException invalid(PersonaOperation operation, Long id, String row, String field,
                                                   String problem) {
        return new InvalidPersonaException(operation, id, field, row == null ? problem : row + ": " + problem);
    }
}
