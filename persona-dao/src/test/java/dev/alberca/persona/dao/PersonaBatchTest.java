package dev.alberca.persona.dao;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** insertAll writes every row or none. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaBatchTest {

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_batch");

    @EachProvider
    void aBatchStoresEveryRowAndReturnsTheIdsInOrder(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Persona> batch = numbered(100);

        List<Long> ids = dao.insertAll(batch);

        assertThat(ids).hasSize(100).isSorted().doesNotHaveDuplicates();
        List<Persona> stored = table.rows();
        for (int i = 0; i < batch.size(); i++) {
            assertThat(stored.get(i)).isEqualTo(batch.get(i).withId(ids.get(i)));
        }
    }

    @EachProvider
    void anEmptyBatchWritesNothing(String provider) {
        assertThat(table.dao(provider).insertAll(List.of())).isEmpty();
        assertThat(table.rows()).isEmpty();
    }

    @EachProvider
    void oneInvalidRowWritesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Persona> batch = new ArrayList<>(numbered(10));
        batch.set(9, Persona.of("", "Apellido9", "p9@example.org"));

        assertThatThrownBy(() -> dao.insertAll(batch))
                .isInstanceOf(InvalidPersonaException.class)
                .hasMessage("insert batch: row 10 of 10: nombre is missing or blank");
        assertThat(table.rows()).isEmpty();
    }

    @EachProvider
    void aTakenEmailInTheLastRowWritesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        long existing = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        List<Persona> batch = new ArrayList<>(numbered(10));
        batch.set(9, Persona.of("Otra", "Ada", "ada@example.org"));

        assertThatThrownBy(() -> dao.insertAll(batch))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessage("insert batch: row 10: email already in use by another persona (SQLState 23505)")
                .hasMessageNotContaining("ada@example.org")
                .satisfies(e -> assertThat(stackTrace(e)).as("the batch's SQL and values, in no cause either")
                        .doesNotContain("ada@example.org").doesNotContain("Otra"));
        assertThat(table.rows()).containsExactly(new Persona(existing, "Ada", "Lovelace", "ada@example.org"));
    }

    @EachProvider
    void anEmailTwiceInOneBatchWritesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Persona> batch = List.of(
                Persona.of("Ada", "Lovelace", "same@example.org"),
                Persona.of("Alan", "Turing", "same@example.org"));

        assertThatThrownBy(() -> dao.insertAll(batch))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessage("insert batch: row 2: email already in use by another persona (SQLState 23505)");
        assertThat(table.rows()).isEmpty();
    }

    @EachProvider
    void theConnectionOfAFailedBatchIsCleanForTheNextCaller(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Persona> clash = List.of(
                Persona.of("Ada", "Lovelace", "same@example.org"),
                Persona.of("Alan", "Turing", "same@example.org"));
        assertThatThrownBy(() -> dao.insertAll(clash)).isInstanceOf(DuplicateEmailException.class);

        long id = dao.insert(Persona.of("Grace", "Hopper", "grace@example.org"));

        assertThat(table.rows()).extracting(Persona::id).containsExactly(id);
        assertThat(table.pool(provider).stats().inUse()).isZero();
    }

    private static List<Persona> numbered(int n) {
        List<Persona> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Persona.of("Nombre" + i, "Apellido" + i, "p" + i + "@example.org"));
        }
        return out;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
