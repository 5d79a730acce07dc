package dev.alberca.demo;

import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** persona commands against the test server (--url), the table checked outside the app. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaCommandTest {

    @BeforeEach
    void emptyTable() throws SQLException {
        admin("drop table if exists public.persona");
    }

    @Test
    void addPrintsTheNewIdAndTheRow() throws SQLException {
        Cli.Run run = Cli.runOnTestDatabase("persona", "add", "--nombre", "Ada", "--apellido", "Lovelace",
                "--email", "ada@example.org");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("added persona id 1").contains("Ada", "Lovelace", "ada@example.org");
        assertThat(rows()).containsExactly("1|Ada|Lovelace|ada@example.org");
    }

    @Test
    void addWithABlankNameExitsOneWithAClearMessageAndWritesNothing() throws SQLException {
        add("Ada", "Lovelace", "ada@example.org");
        List<String> before = rows();

        Cli.Run run = Cli.runOnTestDatabase("persona", "add", "--nombre", "  ", "--apellido", "Turing",
                "--email", "alan@example.org");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("error: insert persona: nombre is missing or blank");
        assertThat(run.out()).isEmpty();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void addWithATakenEmailExitsOneWithAClearMessageAndWritesNothing() throws SQLException {
        add("Ada", "Lovelace", "ada@example.org");
        List<String> before = rows();

        Cli.Run run = Cli.runOnTestDatabase("persona", "add", "--nombre", "Otra", "--apellido", "Persona",
                "--email", "ada@example.org");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("error: insert persona: email already in use by another persona"
                + " (SQLState 23505)");
        assertThat(run.err()).doesNotContain("ada@example.org", "persona_email_uk", "Key (");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void addWithAMalformedEmailExitsOne() throws SQLException {
        Cli.Run run = Cli.runOnTestDatabase("persona", "add", "--nombre", "Ada", "--apellido", "Lovelace",
                "--email", "not-an-email");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: insert persona: email is malformed").doesNotContain("not-an-email");
        assertThat(rows()).isEmpty();
    }

    @Test
    void listShowsRowsInIdOrderWithPaging() throws SQLException {
        add("Ada", "Lovelace", "ada@example.org");
        add("Alan", "Turing", "alan@example.org");
        add("Grace", "Hopper", "grace@example.org");

        Cli.Run all = Cli.runOnTestDatabase("persona", "list");
        Cli.Run page = Cli.runOnTestDatabase("persona", "list", "--offset", "1", "--limit", "1");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out().lines()).hasSize(5);
        assertThat(all.out()).containsSubsequence("Ada", "Alan", "Grace").contains("shown 1-3 of 3");
        assertThat(page.out()).contains("Alan").doesNotContain("Ada", "Grace").contains("shown 2-2 of 3");
    }

    @Test
    void showPrintsOneRowAndAnUnknownIdExitsOne() throws SQLException {
        add("Ada", "Lovelace", "ada@example.org");

        Cli.Run found = Cli.runOnTestDatabase("persona", "show", "1");
        Cli.Run missing = Cli.runOnTestDatabase("persona", "show", "99");

        assertThat(found.exitCode()).isZero();
        assertThat(found.out()).contains("Lovelace");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("error: show persona id 99: not found, no persona has this id");
    }

    @Test
    void updateChangesOnlyTheGivenValues() throws SQLException {
        add("Ada", "Lovelace", "ada@example.org");

        Cli.Run run = Cli.runOnTestDatabase("persona", "update", "1", "--apellido", "King");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("updated persona id 1");
        assertThat(rows()).containsExactly("1|Ada|King|ada@example.org");
    }

    @Test
    void updateOfAnUnknownIdExitsOne() throws SQLException {
        Cli.Run run = Cli.runOnTestDatabase("persona", "update", "99", "--apellido", "King");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: update persona id 99: not found, no persona has this id");
    }

    @Test
    void deleteRemovesTheRowAndASecondDeleteExitsOne() throws SQLException {
        add("Ada", "Lovelace", "ada@example.org");

        Cli.Run first = Cli.runOnTestDatabase("persona", "delete", "1");
        Cli.Run second = Cli.runOnTestDatabase("persona", "delete", "1");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("deleted persona id 1" + System.lineSeparator());
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("error: delete persona id 1: not found, no persona has this id"
                + " (SQLState 02000)");
        assertThat(rows()).isEmpty();
    }

    @Test
    void anUnreachableServerExitsOneWithThePoolsMessage() {
        Cli.Run run = Cli.run("persona", "list", "--url", "jdbc:postgresql://127.0.0.1:1/nothing", "--user", "x");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("error: ").contains("unreachable");
    }

    private static void add(String nombre, String apellido, String email) {
        Cli.Run run = Cli.runOnTestDatabase("persona", "add", "--nombre", nombre, "--apellido", apellido,
                "--email", email);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.get().admin();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id_persona, nombre, apellido, email from public.persona"
                     + " order by id_persona")) {
            while (r.next()) {
                rows.add(r.getLong(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return rows; // no table yet: no rows
            }
            throw e;
        }
        return rows;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = TestDatabase.get().admin();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
