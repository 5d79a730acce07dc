package dev.alberca.persona.dao;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A taken email is a typed, readable error that quotes nothing, and the table stays as it was. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaDuplicateEmailTest {

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_duplicate");

    @EachProvider
    void insertingATakenEmailFailsAsDuplicateAndChangesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        dao.insert(Persona.of("Ada", "Lovelace", "secret.ada@example.org"));
        List<Persona> before = table.rows();

        DuplicateEmailException e = catchThrowableOfType(DuplicateEmailException.class,
                () -> dao.insert(Persona.of("Otra", "Persona", "secret.ada@example.org")));

        assertThat(e).hasMessage("insert persona: email already in use by another persona (SQLState 23505)");
        assertThat(e.operation()).isEqualTo(PersonaOperation.INSERT);
        assertThat(e.sqlState()).contains("23505");
        assertThat(e.id()).isEmpty();
        assertThat(table.rows()).isEqualTo(before);
    }

    /** Not even in the cause: a logged stack trace prints it, and pgjdbc would quote the server's detail. */
    @EachProvider
    void theDriversMessageStaysInTheCauseOnlyAndQuotesNoValue(String provider) {
        PersonaDao dao = table.dao(provider);
        dao.insert(Persona.of("Ada", "Lovelace", "secret.ada@example.org"));

        DuplicateEmailException e = catchThrowableOfType(DuplicateEmailException.class,
                () -> dao.insert(Persona.of("Otra", "Persona", "secret.ada@example.org")));

        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23505");
        assertThat(e.getMessage()).doesNotContain("secret", "persona_email_uk", "Key (");
        assertThat(e.toString()).doesNotContain("secret");
        assertThat(e.getCause().getMessage()).as("the driver's message still names the constraint")
                .contains("persona_email_uk");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("secret");
    }

    @EachProvider
    void updatingToAnotherPersonasEmailFailsAsDuplicateAndChangesNothing(String provider) {
        PersonaDao dao = table.dao(provider);
        dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));
        long alan = dao.insert(Persona.of("Alan", "Turing", "alan@example.org"));
        List<Persona> before = table.rows();

        DuplicateEmailException e = catchThrowableOfType(DuplicateEmailException.class,
                () -> dao.update(new Persona(alan, "Alan", "Turing", "ada@example.org")));

        assertThat(e).hasMessage("update persona id " + alan
                + ": email already in use by another persona (SQLState 23505)");
        assertThat(e.id()).hasValue(alan);
        assertThat(table.rows()).isEqualTo(before);
    }

    @EachProvider
    void emailsDifferingOnlyInCaseAreDifferentEmails(String provider) {
        PersonaDao dao = table.dao(provider);
        dao.insert(Persona.of("Ada", "Lovelace", "ada@example.org"));

        dao.insert(Persona.of("Ada", "Lovelace", "ADA@example.org"));

        assertThat(table.rows()).hasSize(2);
    }
}
