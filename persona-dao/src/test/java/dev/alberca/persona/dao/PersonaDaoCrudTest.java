package dev.alberca.persona.dao;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaDaoCrudTest {

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_crud");

    @EachProvider
    void insertReturnsTheGeneratedIdAndFindByIdReadsTheRowBack(String provider) {
        PersonaDao dao = table.dao(provider);

        long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));

        assertThat(dao.findById(id)).contains(new Persona(id, "Ada", "Lovelace", "ada@example.org"));
        assertThat(table.rows()).containsExactly(new Persona(id, "Ada", "Lovelace", "ada@example.org"));
    }

    @EachProvider
    void insertIgnoresAnIdGivenByTheCaller(String provider) {
        PersonaDao dao = table.dao(provider);

        long id = dao.insert(new Persona(999L, "Ada", "Lovelace", "ada@example.org"));

        assertThat(id).isNotEqualTo(999L);
        assertThat(dao.findById(999L)).isEmpty();
    }

    @EachProvider
    void updateReplacesAllThreeValues(String provider) {
        PersonaDao dao = table.dao(provider);
        long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));

        dao.update(new Persona(id, "Augusta Ada", "King", "ada.king@example.org"));

        assertThat(dao.findById(id)).contains(new Persona(id, "Augusta Ada", "King", "ada.king@example.org"));
    }

    @EachProvider
    void updateMayKeepTheSameEmail(String provider) {
        PersonaDao dao = table.dao(provider);
        long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));

        dao.update(new Persona(id, "Ada", "King", "ada@example.org"));

        assertThat(dao.findById(id).orElseThrow().apellido()).isEqualTo("King");
    }

    @EachProvider
    void deleteRemovesOnlyThatRow(String provider) {
        PersonaDao dao = table.dao(provider);
        long ada = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        long alan = dao.insert(Persona.of("Alan", "Turing", "alan@example.org"));

        dao.delete(ada);

        assertThat(dao.findById(ada)).isEmpty();
        assertThat(dao.findById(alan)).isPresent();
        assertThat(dao.count()).isEqualTo(1);
    }

    @EachProvider
    void findByIdOfAnUnknownIdIsEmpty(String provider) {
        assertThat(table.dao(provider).findById(424242)).isEmpty();
    }

    @EachProvider
    void updateOfAnUnknownIdFailsAsNotFoundAndChangesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        List<Persona> before = table.rows();

        assertThatThrownBy(() -> dao.update(new Persona(424242L, "Alan", "Turing", "alan@example.org")))
                .isInstanceOf(PersonaNotFoundException.class)
                .hasMessage("update persona id 424242: not found, no persona has this id (SQLState 02000)")
                .satisfies(e -> {
                    PersonaException p = (PersonaException) e;
                    assertThat(p.operation()).isEqualTo(PersonaOperation.UPDATE);
                    assertThat(p.id()).hasValue(424242);
                    assertThat(p.sqlState()).contains("02000");
                });
        assertThat(table.rows()).isEqualTo(before);
    }

    @EachProvider
    void deleteOfAnUnknownIdFailsAsNotFound(String provider) {
        PersonaDao dao = table.dao(provider);

        assertThatThrownBy(() -> dao.delete(424242))
                .isInstanceOf(PersonaNotFoundException.class)
                .hasMessage("delete persona id 424242: not found, no persona has this id (SQLState 02000)");
    }

    @EachProvider
    void deletingTwiceFailsTheSecondTime(String provider) {
        PersonaDao dao = table.dao(provider);
        long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        dao.delete(id);

        assertThatThrownBy(() -> dao.delete(id)).isInstanceOf(PersonaNotFoundException.class);
    }

    @EachProvider
    void countCountsEveryRow(String provider) {
        PersonaDao dao = table.dao(provider);
        assertThat(dao.count()).isZero();

        insertNumbered(dao, 7);

        assertThat(dao.count()).isEqualTo(7);
    }

    @EachProvider
    void listReturnsPagesInIdOrder(String provider) {
        PersonaDao dao = table.dao(provider);
        List<Long> ids = insertNumbered(dao, 12);

        List<Persona> first = dao.list(0, 5);
        List<Persona> second = dao.list(5, 5);
        List<Persona> last = dao.list(10, 5);

        assertThat(first).extracting(Persona::id).containsExactlyElementsOf(ids.subList(0, 5));
        assertThat(second).extracting(Persona::id).containsExactlyElementsOf(ids.subList(5, 10));
        assertThat(last).extracting(Persona::id).containsExactlyElementsOf(ids.subList(10, 12));
        assertThat(dao.list(12, 5)).isEmpty();
        assertThat(first.get(0)).isEqualTo(new Persona(ids.get(0), "Nombre0", "Apellido0", "p0@example.org"));
    }

    @EachProvider
    void listOfAnEmptyTableIsEmpty(String provider) {
        assertThat(table.dao(provider).list(0, PersonaDao.MAX_PAGE)).isEmpty();
    }

    @EachProvider
    void listRefusesANegativeOffset(String provider) {
        assertThatThrownBy(() -> table.dao(provider).list(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("list personas: offset must be 0 or more, got -1");
    }

    @EachProvider
    void listRefusesALimitOutOfRange(String provider) {
        PersonaDao dao = table.dao(provider);

        assertThatThrownBy(() -> dao.list(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("list personas: limit must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> dao.list(0, 1001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("list personas: limit must be between 1 and 1000, got 1001");
    }

    @EachProvider
    void everyOperationGivesItsConnectionBack(String provider) {
        PersonaDao dao = table.dao(provider);
        long id = dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        dao.findById(id);
        dao.list(0, 10);
        dao.count();
        dao.update(new Persona(id, "Ada", "King", "ada@example.org"));
        dao.insertAll(List.of(Persona.of("Alan", "Turing", "alan@example.org")));
        dao.delete(id);
        assertThatThrownBy(() -> dao.delete(id)).isInstanceOf(PersonaNotFoundException.class);

        assertThat(table.pool(provider).stats().inUse()).isZero();
    }

    private static List<Long> insertNumbered(PersonaDao dao, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> dao.insert(Persona.of("Nombre" + i, "Apellido" + i, "p" + i + "@example.org")))
                .toList();
    }
}
