package dev.alberca.persona.dao;

/**
 * One row of the {@code persona} table. The id is {@code null} until the row is stored.
 *
 * <pre>{@code
 * Persona ada = Persona.of("Ada", "Lovelace", "ada@example.org");   // not stored yet: id() is null
 * long id = dao.insert(ada);
 * dao.update(ada.withId(id).withEmail("ada.lovelace@example.org"));
 * }</pre>
 *
 * <p>The record holds values as given; {@link PersonaDao} checks them before any SQL runs. Lengths count
 * characters (code points), as PostgreSQL does: one emoji is one character. {@link #toString()} masks the
 * personal values, so a persona logged by mistake leaks nothing.
 *
 * @param id the generated key ({@code id_persona}), or {@code null} before insert
 * @param nombre the first name: required, not blank, at most {@value #MAX_NOMBRE} characters
 * @param apellido the last name: required, not blank, at most {@value #MAX_APELLIDO} characters
 * @param email the e-mail address: required, well formed, unique, at most {@value #MAX_EMAIL} characters
 */
public record Persona(Long id, String nombre, String apellido, String email) {

    /** The longest {@code nombre}, in characters: the column is {@code varchar(50)}. */
    public static final int MAX_NOMBRE = 50;
    /** The longest {@code apellido}, in characters: the column is {@code varchar(50)}. */
    public static final int MAX_APELLIDO = 50;
    /** The longest {@code email}, in characters (the limit of a usable address, RFC 5321). */
    public static final int MAX_EMAIL = 254;

    /** A persona not stored yet. */
    public static Persona of(String nombre, String apellido, String email) {
        return new Persona(null, nombre, apellido, email);
    }

    /** This persona with another id. */
    public Persona withId(long newId) {
        return new Persona(newId, nombre, apellido, email);
    }

    /** This persona with another first name. */
    public Persona withNombre(String newNombre) {
        return new Persona(id, newNombre, apellido, email);
    }

    /** This persona with another last name. */
    public Persona withApellido(String newApellido) {
        return new Persona(id, nombre, newApellido, email);
    }

    /** This persona with another e-mail address. */
    public Persona withEmail(String newEmail) {
        return new Persona(id, nombre, apellido, newEmail);
    }

    /** The id and masked values, e.g. {@code Persona[id=7, nombre=***, apellido=***, email=***]}. */
    @Override
    public String toString() {
        return "Persona[id=" + id + ", nombre=" + mask(nombre) + ", apellido=" + mask(apellido)
                + ", email=" + mask(email) + "]";
    }

    private static String mask(String value) {
        return value == null ? "null" : "***";
    }
}
