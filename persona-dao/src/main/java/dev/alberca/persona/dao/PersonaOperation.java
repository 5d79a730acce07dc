package dev.alberca.persona.dao;

/**
 * What {@link PersonaDao} was doing when it failed; every {@link PersonaException} names one.
 *
 * <pre>{@code
 * catch (PersonaException e) {
 *     if (e.operation() == PersonaOperation.INSERT) { ... }
 * }
 * }</pre>
 */
public enum PersonaOperation {
    /** {@link PersonaDao#createSchema()}. */
    CREATE_SCHEMA("create schema"),
    /** {@link PersonaDao#insert(Persona)}. */
    INSERT("insert persona"),
    /** {@link PersonaDao#insertAll(java.util.List)}. */
    INSERT_BATCH("insert batch"),
    /** {@link PersonaDao#update(Persona)}. */
    UPDATE("update persona"),
    /** {@link PersonaDao#delete(long)}. */
    DELETE("delete persona"),
    /** {@link PersonaDao#findById(long)}. */
    FIND("find persona"),
    /** {@link PersonaDao#list(int, int)}. */
    LIST("list personas"),
    /** {@link PersonaDao#count()}. */
    COUNT("count personas");

    private final String text;

    PersonaOperation(String text) {
        this.text = text;
    }

    /** The operation in words, as error messages start: {@code insert persona}, {@code list personas}. */
    @Override
    public String toString() {
        return text;
    }
}
