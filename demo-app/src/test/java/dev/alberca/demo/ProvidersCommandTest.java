package dev.alberca.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' module path holds pool-simple only. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProvidersCommandTest {

    @Test
    void listsTheProviderOnTheModulePathAndTheChoice() {
        Cli.Run run = Cli.run("providers");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("pool providers on the module path:")
                .containsPattern("(?m)^  simple +module dev\\.alberca\\.pool\\.simple$")
                .contains("would use: simple");
    }

    @Test
    void honoursProviderByName() {
        Cli.Run run = Cli.run("providers", "--provider", "SIMPLE");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("would use: simple");
    }

    @Test
    void aNameThatIsNotThereIsAUsageError() {
        Cli.Run run = Cli.run("providers", "--provider", "hikari");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'hikari'", "is not present");
    }
}
