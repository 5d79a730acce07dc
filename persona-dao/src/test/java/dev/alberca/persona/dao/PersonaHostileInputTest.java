package dev.alberca.persona.dao;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values that break hand-built SQL are stored and read back exactly as given. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaHostileInputTest {

    private static final String INJECTION = "'; DROP TABLE persona; --";

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_hostile");

    @EachProvider
    void sqlInAFieldIsStoredAsTextAndTheTableSurvives(String provider) {
        PersonaDao dao = table.dao(provider);

        long id = dao.insert(Persona.of(INJECTION, "Robert'); DROP TABLE persona;--", "bobby@example.org"));

        assertThat(dao.findById(id)).contains(
                new Persona(id, INJECTION, "Robert'); DROP TABLE persona;--", "bobby@example.org"));
        assertThat(dao.count()).isEqualTo(1);
    }

    @EachProvider
    void quotesBackslashesAndPercentSignsRoundTrip(String provider) {
        assertRoundTrip(provider, Persona.of("O'Brien \"Bob\"", "back\\slash % _ ? $1 :name", "o'brien@example.org"));
    }

    @EachProvider
    void unicodeAndEmojiRoundTrip(String provider) {
        assertRoundTrip(provider, Persona.of("José Ñúñez 😀", "Straße Łódź 日本語 עברית", "josé@ejemplo.es"));
    }

    @EachProvider
    void valuesOfExactlyTheMaximumLengthRoundTrip(String provider) {
        String emojiName = "😀".repeat(Persona.MAX_NOMBRE); // 50 characters, 100 Java chars
        String email = "a".repeat(Persona.MAX_EMAIL - "@example.org".length()) + "@example.org";

        assertRoundTrip(provider, Persona.of(emojiName, "b".repeat(Persona.MAX_APELLIDO), email));
    }

    @EachProvider
    void oneCharacterOverTheMaximumIsRefused(String provider) {
        PersonaDao dao = table.dao(provider);
        String email = "a".repeat(Persona.MAX_EMAIL + 1 - "@example.org".length()) + "@example.org";

        assertThatThrownBy(() -> dao.insert(Persona.of("😀".repeat(Persona.MAX_NOMBRE + 1), "b", "b@example.org")))
                .hasMessage("insert persona: nombre is too long: 51 characters, at most 50");
        assertThatThrownBy(() -> dao.insert(Persona.of("a", "b".repeat(Persona.MAX_APELLIDO + 1), "b@example.org")))
                .hasMessage("insert persona: apellido is too long: 51 characters, at most 50");
        assertThatThrownBy(() -> dao.insert(Persona.of("a", "b", email)))
                .hasMessage("insert persona: email is too long: 255 characters, at most 254");
        assertThat(table.rows()).isEmpty();
    }

    @EachProvider
    void leadingAndTrailingSpacesAreKept(String provider) {
        assertRoundTrip(provider, Persona.of("  Ada ", " Lovelace  ", "ada@example.org"));
    }

    @EachProvider
    void hostileValuesSurviveUpdateAndBatch(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Long> ids = dao.insertAll(List.of(
                Persona.of(INJECTION, "x", "one@example.org"),
                Persona.of("x", INJECTION, "two@example.org")));

        dao.update(new Persona(ids.get(0), "😀'\"", INJECTION, "one@example.org"));

        assertThat(table.rows()).containsExactly(
                new Persona(ids.get(0), "😀'\"", INJECTION, "one@example.org"),
                new Persona(ids.get(1), "x", INJECTION, "two@example.org"));
    }

    private static void assertRoundTrip(String provider, Persona persona) {
        PersonaDao dao = table.dao(provider);

        long id = dao.insert(persona);

        assertThat(dao.findById(id)).contains(persona.withId(id));
        assertThat(dao.list(0, 10)).containsExactly(persona.withId(id));
        assertThat(table.rows()).containsExactly(persona.withId(id));
    }
}
