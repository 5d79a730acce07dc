package dev.alberca.persona.dao;

import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaSchemaTest {

    private static PersonaTable table;

    @BeforeAll
    static void openTable() {
        table = new PersonaTable("persona_schema");
    }

    @AfterAll
    static void closeTable() {
        table.close();
    }

    @EachProvider
    void createSchemaRunsAgainWithoutHarmingTheRows(String provider) {
        PersonaDao dao = table.dao(provider);
        long id = dao.insert(Persona.of("Ada", "Lovelace", provider + "@example.org"));

        dao.createSchema();
        dao.createSchema();

        assertThat(dao.findById(id)).isPresent();
    }

    @Test
    void theTableHasTheLessonsColumnsWithTheDocumentedLengths() throws Exception {
        table.dao("simple");
        List<String> columns = new ArrayList<>();
        try (Connection c = TestDatabase.get().admin();
             PreparedStatement s = c.prepareStatement("""
                     select column_name || ' ' || data_type
                            || coalesce('(' || character_maximum_length || ')', '')
                            || case is_nullable when 'NO' then ' not null' else '' end
                       from information_schema.columns
                      where table_schema = ? and table_name = 'persona'
                      order by ordinal_position
                     """)) {
            s.setString(1, "persona_schema");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }

        assertThat(columns).containsExactly(
                "id_persona bigint not null",
                "nombre character varying(" + Persona.MAX_NOMBRE + ") not null",
                "apellido character varying(" + Persona.MAX_APELLIDO + ") not null",
                "email character varying(" + Persona.MAX_EMAIL + ") not null");
    }
}
