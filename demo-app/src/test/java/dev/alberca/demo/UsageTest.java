package dev.alberca.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, usage errors and the missing provider: exit codes 0 and 2, no database needed. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UsageTest {

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "tour", "persona", "persona list", "persona show", "persona add", "persona update",
            "persona delete", "providers"})
    void everyCommandHasHelpThatExitsZero(String command) {
        String[] args = (command + " --help").strip().split(" ");

        Cli.Run run = Cli.run(args);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Usage: alberca-demo" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void theRootHelpListsTheCommandsAndTheExitCodes() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.out()).contains("tour", "persona", "providers", "--provider=NAME", "--url=JDBC_URL",
                "Exit codes:", "2   usage error, or no pool provider on the module path");
        assertThat(run.out()).doesNotContain("--password");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Run run = Cli.run("--bogus");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void aPasswordOptionDoesNotExist() {
        Cli.Run run = Cli.run("persona", "list", "--url", "jdbc:postgresql://localhost/x", "--password", "secret");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--password', 'secret'");
    }

    @Test
    void personaWithoutACommandIsAUsageError() {
        Cli.Run run = Cli.run("persona");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: persona list, show, add, update or delete");
    }

    @Test
    void addWithoutItsRequiredOptionsIsAUsageError() {
        Cli.Run run = Cli.run("persona", "add", "--nombre", "Ada");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options: '--apellido=TEXT', '--email=ADDRESS'");
    }

    @Test
    void updateWithNothingToChangeIsAUsageError() {
        Cli.Run run = Cli.run("persona", "update", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Nothing to update: give --nombre, --apellido or --email");
    }

    @Test
    void aNonNumericIdIsAUsageError() {
        Cli.Run run = Cli.run("persona", "show", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for positional parameter at index 0 (ID): 'abc'");
    }

    @Test
    void aListLimitOutOfRangeIsAUsageError() {
        Cli.Run run = Cli.run("persona", "list", "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--limit must be between 1 and 1000, got 0");
    }

    @Test
    void userWithoutUrlIsAUsageError() {
        Cli.Run run = Cli.run("persona", "list", "--user", "ada");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--user goes with --url");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "tour", "persona list", "providers"})
    void withNoProviderOnTheModulePathItNamesTheFoldersToAddAndExitsTwo(String command) {
        String[] args = command.isEmpty() ? new String[0] : command.split(" ");

        Cli.Run run = Cli.run(List::of, Map.of(), args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("no connection pool provider on the module path.")
                .contains("-p demo-app/target/modules:pool-simple/target/modules",
                        "pool-hikari/target/modules", "pool-dbcp/target/modules");
        assertThat(run.err()).as("no database is started without a provider")
                .doesNotContain("starting an embedded PostgreSQL");
    }

    @Test
    void aProviderThatIsNotThereIsAUsageError() {
        Cli.Run run = Cli.run("--provider", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'nope'", "is not present", "--provider NAME")
                .doesNotContain("starting an embedded PostgreSQL");
    }

    @Test
    void versionExitsZero() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("alberca demo ");
    }
}
