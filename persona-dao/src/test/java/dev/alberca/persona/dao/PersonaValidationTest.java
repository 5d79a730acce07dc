package dev.alberca.persona.dao;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every rule the DAO checks before SQL: the message names field and rule, never the value; nothing is written. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaValidationTest {

    private static final String EMAIL_RULE = "email is malformed: it needs one '@' with a name before it and a"
            + " domain with a dot after it, and no spaces";

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_validation");

    @EachProvider
    void aMissingNombreIsRefused(String provider) {
        assertInsertRefused(provider, Persona.of(null, "Lovelace", "ada@example.org"),
                "nombre", "insert persona: nombre is missing or blank");
    }

    @EachProvider
    void aBlankNombreIsRefused(String provider) {
        assertInsertRefused(provider, Persona.of(" \t ", "Lovelace", "ada@example.org"),
                "nombre", "insert persona: nombre is missing or blank");
        assertInsertRefused(provider, Persona.of("", "Lovelace", "ada@example.org"),
                "nombre", "insert persona: nombre is missing or blank");
    }

    @EachProvider
    void aBlankApellidoIsRefused(String provider) {
        assertInsertRefused(provider, Persona.of("Ada", "  ", "ada@example.org"),
                "apellido", "insert persona: apellido is missing or blank");
    }

    @EachProvider
    void aMissingEmailIsRefused(String provider) {
        assertInsertRefused(provider, Persona.of("Ada", "Lovelace", null),
                "email", "insert persona: email is missing or blank");
    }

    @EachProvider
    void aNombreOverFiftyCharactersIsRefusedWithoutQuotingIt(String provider) {
        String tooLong = "Xyzzy" + "a".repeat(46);

        InvalidPersonaException e = assertInsertRefused(provider, Persona.of(tooLong, "Lovelace", "ada@example.org"),
                "nombre", "insert persona: nombre is too long: 51 characters, at most 50");
        assertThat(e.getMessage()).doesNotContain("Xyzzy");
    }

    @EachProvider
    void anApellidoOverFiftyCharactersIsRefused(String provider) {
        assertInsertRefused(provider, Persona.of("Ada", "L".repeat(51), "ada@example.org"),
                "apellido", "insert persona: apellido is too long: 51 characters, at most 50");
    }

    @EachProvider
    void lengthsCountCharactersNotJavaChars(String provider) {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units

        assertInsertRefused(provider, Persona.of(emoji.repeat(51), "Lovelace", "ada@example.org"),
                "nombre", "insert persona: nombre is too long: 51 characters, at most 50");
    }

    @EachProvider
    void anEmailOver254CharactersIsRefused(String provider) {
        String email = "a".repeat(243) + "@example.org"; // 255 characters

        assertInsertRefused(provider, Persona.of("Ada", "Lovelace", email),
                "email", "insert persona: email is too long: 255 characters, at most 254");
    }

    @EachProvider
    void aControlCharacterInANameIsRefused(String provider) {
        assertInsertRefused(provider, Persona.of("Ada\u0000", "Lovelace", "ada@example.org"), "nombre",
                "insert persona: nombre contains a control character (a line break, tab, NUL or the like); remove it");
        assertInsertRefused(provider, Persona.of("Ada", "Love\nlace", "ada@example.org"), "apellido",
                "insert persona: apellido contains a control character (a line break, tab, NUL or the like);"
                        + " remove it");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"secretada", "secretada@", "@secretada.org", "secretada@example",
            "secret ada@example.org", "secretada@@example.org", "secretada@example..org", "secretada@.org",
            "secretada@example.org.", "secret@ada@example.org"})
    void aMalformedEmailIsRefusedWithoutQuotingIt(String email) {
        InvalidPersonaException e = assertInsertRefused("simple", Persona.of("Ada", "Lovelace", email),
                "email", "insert persona: " + EMAIL_RULE);
        assertThat(e.getMessage()).doesNotContain("secret");
    }

    @EachProvider
    void aMalformedEmailIsRefusedByEveryProvider(String provider) {
        assertInsertRefused(provider, Persona.of("Ada", "Lovelace", "secretada-at-example.org"),
                "email", "insert persona: " + EMAIL_RULE);
    }

    @EachProvider
    void aNullPersonaIsRefused(String provider) {
        assertInsertRefused(provider, null, "persona", "insert persona: the persona is missing (null)");
    }

    @EachProvider
    void anUpdateNamesItsIdAndWritesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        List<Persona> before = table.rows();

        InvalidPersonaException e = catchThrowableOfType(InvalidPersonaException.class,
                () -> dao.update(new Persona(id, "Ada", "Lovelace", "secretada.example.org")));

        assertThat(e).hasMessage("update persona id " + id + ": " + EMAIL_RULE);
        assertThat(e.operation()).isEqualTo(PersonaOperation.UPDATE);
        assertThat(e.id()).hasValue(id);
        assertThat(e.sqlState()).isEmpty();
        assertThat(table.rows()).isEqualTo(before);
    }

    @EachProvider
    void anUpdateWithoutIdIsRefused(String provider) {
        PersonaDao dao = table.dao(provider);

        assertThatThrownBy(() -> dao.update(Persona.of("Ada", "Lovelace", "ada@example.org")))
                .isInstanceOf(InvalidPersonaException.class)
                .hasMessage("update persona: id is missing: update needs the id of a stored persona");
    }

    @EachProvider
    void aBatchNamesTheFirstBadRowAndWritesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Persona> batch = List.of(
                Persona.of("Ada", "Lovelace", "ada@example.org"),
                Persona.of("Alan", "Turing", "secretalan"),
                Persona.of(" ", "Hopper", "grace@example.org"));

        assertThatThrownBy(() -> dao.insertAll(batch))
                .isInstanceOf(InvalidPersonaException.class)
                .hasMessage("insert batch: row 2 of 3: " + EMAIL_RULE)
                .hasMessageNotContaining("secret");
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void wellFormedEmailsOfManyShapesAreAccepted() {
        PersonaDao dao = table.dao("simple");

        for (String email : List.of("a@b.co", "o'brien+tag@example.org", "ñandú@ejemplo.es", "x@sub.domain.example",
                "\"quoted\"@example.org")) {
            dao.insert(Persona.of("Ada", "Lovelace", email));
        }

        assertThat(table.rows()).hasSize(5);
    }

    private static InvalidPersonaException assertInsertRefused(String provider, Persona persona, String field,
                                                               String message) {
        PersonaDao dao = table.dao(provider);

        InvalidPersonaException e = catchThrowableOfType(InvalidPersonaException.class, () -> dao.insert(persona));

        assertThat(e).as("insert of an invalid persona").isNotNull().hasMessage(message).hasNoCause();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.operation()).isEqualTo(PersonaOperation.INSERT);
        assertThat(e.sqlState()).isEmpty();
        assertThat(table.rows()).as("rows after a refused insert").isEmpty();
        return e;
    }
}
