package dev.alberca.demo;

import dev.alberca.pool.api.ConnectionPools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the password of --url comes from: the environment, else a prompt, never the command line. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatabaseLauncherTest {

    private final List<String> prompts = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    @Test
    void thePasswordComesFromAlbercaPasswordWithoutAPrompt() {
        Database db = open(Map.of("ALBERCA_PASSWORD", "s3cret"), "typed", "--url", "jdbc:postgresql://db/app",
                "--user", "app");

        assertThat(db.password()).isEqualTo("s3cret");
        assertThat(db.user()).isEqualTo("app");
        assertThat(prompts).isEmpty();
    }

    @Test
    void withoutTheVariableItAsksAtThePromptAndMasksTheUrl() {
        Database db = open(Map.of(), "typed", "--url", "jdbc:postgresql://db/app?password=inurl&ssl=true",
                "--user", "app");

        assertThat(db.password()).isEqualTo("typed");
        assertThat(prompts).containsExactly(
                "password for user app at jdbc:postgresql://db/app?password=***&ssl=true: ");
    }

    @Test
    void withoutTheVariableOrAConsoleItConnectsWithoutAPasswordAndSaysSo() {
        Database db = open(Map.of(), null, "--url", "jdbc:postgresql://db/app");

        assertThat(db.password()).isNull();
        assertThat(err.toString()).contains("ALBERCA_PASSWORD is not set and there is no console");
    }

    @Test
    void theDatabaseNeverPrintsItsPassword() {
        Database db = open(Map.of("ALBERCA_PASSWORD", "s3cret"), null, "--url", "jdbc:postgresql://db/app");

        assertThat(db.toString()).doesNotContain("s3cret").contains("password=***");
    }

    @Test
    void dataDirDoesNotGoWithUrl() {
        Cli.Run run = Cli.run("persona", "list", "--url", "jdbc:postgresql://db/app", "--data-dir", "/tmp/x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--data-dir is for the embedded PostgreSQL");
    }

    private Database open(Map<String, String> env, String typed, String... args) {
        Main main = new Main(new Environment(env::get, ConnectionPools::providers, prompt -> {
            prompts.add(prompt);
            return typed == null ? null : typed.toCharArray();
        }));
        CommandLine cl = new CommandLine(main);
        cl.setErr(new PrintWriter(err, true));
        cl.parseArgs(args);
        return DatabaseLauncher.open(main, cl);
    }
}
