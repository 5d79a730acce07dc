package dev.alberca.persona.dao;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Failures of the database or the pool: the operation and id, the SQLState, the cause; no row data. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaFailureTest {

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_failure");

    @EachProvider
    void aMissingTableIsReportedWithItsSqlStateAndAHint(String provider) {
        PersonaDao dao = new PersonaDao(table.pool(provider)); // no createSchema()
        table.admin("drop table if exists persona_failure.persona");

        PersonaException e = catchThrowableOfType(PersonaException.class, () -> dao.findById(7));

        assertThat(e).hasMessage("find persona id 7: failed: the persona table does not exist; call createSchema()"
                + " first (SQLState 42P01)");
        assertThat(e.sqlState()).contains("42P01");
        assertThat(e.operation()).isEqualTo(PersonaOperation.FIND);
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
    }

    @EachProvider
    void aClosedPoolIsReportedWithThePoolsOwnMessage(String provider) {
        PersonaTable own = new PersonaTable("persona_failure_" + provider);
        PersonaDao dao = own.dao(provider);
        own.close();

        PersonaException e = catchThrowableOfType(PersonaException.class, () -> dao.count());

        assertThat(e.getMessage()).startsWith("count personas: failed: pool '").contains("is closed");
        assertThat(e.sqlState()).contains("08003");
        own.admin("drop schema persona_failure_" + provider + " cascade");
    }

    @EachProvider
    void aValueRefusedByTheDatabaseIsNotQuoted(String provider) {
        PersonaDao dao = table.dao(provider);
        // A stricter column than the DAO knows about: the database refuses, the message stays clean.
        table.admin("alter table persona_failure.persona alter column apellido type varchar(5)");
        try {
            PersonaException e = catchThrowableOfType(PersonaException.class,
                    () -> dao.insert(Persona.of("Ada", "Secretlovelace", "ada@example.org")));

            assertThat(e).hasMessage("insert persona: failed: the database refused a value (SQLState 22001)");
            assertThat(e.getMessage()).doesNotContain("Secret");
        } finally {
            table.admin("drop table persona_failure.persona");
        }
    }
}
