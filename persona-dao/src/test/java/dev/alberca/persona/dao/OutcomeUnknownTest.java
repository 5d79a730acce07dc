package dev.alberca.persona.dao;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a write leave its outcome unknown, and what the caller is told. */
class OutcomeUnknownTest {

    @Test
    void aConnectionThatBreaksAfterTheWriteWasSentLeavesItsOutcomeUnknown() {
        PersonaException e = SqlErrors.translate(PersonaOperation.INSERT, null,
                new SQLException("An I/O error occurred while sending to the backend.", "08006"), true);
        assertThat(e).isInstanceOf(PersonaOutcomeUnknownException.class);
        assertThat(e.getMessage()).isEqualTo("insert persona: outcome unknown: the connection to the database"
                + " broke after the change was sent, so it may or may not be stored; check before trying again"
                + " (SQLState 08006)");
        assertThat(e.sqlState()).contains("08006");
    }

    @Test
    void aServerShutdownDuringTheWriteLeavesItsOutcomeUnknown() {
        assertThat(SqlErrors.translate(PersonaOperation.DELETE, 7L,
                new SQLException("terminating connection due to administrator command", "57P01"), true))
                .isInstanceOf(PersonaOutcomeUnknownException.class).hasMessageStartingWith("delete persona id 7:");
    }

    @Test
    void aConnectionThatBrokeBeforeAnythingWasSentIsAPlainFailure() {
        assertThat(SqlErrors.translate(PersonaOperation.INSERT, null, new SQLException("refused", "08001"), false))
                .isNotInstanceOf(PersonaOutcomeUnknownException.class)
                .hasMessage("insert persona: failed: could not connect to the database (SQLState 08001)");
    }

    @Test
    void aConstraintErrorAfterSendingIsKnownToHaveWrittenNothing() {
        assertThat(SqlErrors.translate(PersonaOperation.INSERT, null, new SQLException("check", "23514"), true))
                .isNotInstanceOf(PersonaOutcomeUnknownException.class);
    }
}
