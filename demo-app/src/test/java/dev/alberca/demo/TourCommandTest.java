package dev.alberca.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The tour, run to completion on pool-simple. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TourCommandTest {

    @Test
    void theTourStartsAnEmbeddedDatabaseRunsEveryStepAndExitsZero() {
        Cli.Run run = Cli.run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("starting an embedded PostgreSQL; its data lives in ", "(deleted on exit)",
                "embedded PostgreSQL ready at jdbc:postgresql://127.0.0.1:",
                "stopped the embedded PostgreSQL and deleted its data");
        assertThat(run.out()).containsSubsequence(
                "step 1/13: a pool with the lessons' settings: min 1, max 5",
                "provider simple (module dev.alberca.pool.simple)",
                "step 2/13: check()",
                "step 3/13: one scoped borrow",
                "user postgres (the password is never shown)",
                "step 4/13: six scoped borrows",
                "borrow 6: backend pid",
                "all 6 succeeded",
                "step 5/13: explicit borrow and release",
                "step 6/13: 5 held and one more wanted",
                "borrow 6 failed after",
                "PoolTimeoutException",
                "connection pool exhausted: pool 'alberca-demo' had no free connection within",
                "step 7/13: persona: insert",
                "step 8/13: persona: list",
                "step 9/13: persona: update",
                "step 10/13: persona: delete",
                "step 11/13: the pool's stats",
                "timeouts=1",
                "step 12/13: close()",
                "closed: true",
                "step 13/13: a borrow after close",
                "PoolClosedException",
                "is closed",
                "tour done in ");
    }

    @Test
    void theTourRunsOnAServerGivenByUrl() {
        Cli.Run run = Cli.runOnTestDatabase("tour");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain("embedded");
        assertThat(run.out()).contains("step 13/13", "connection pool exhausted", "tour done in ");
    }

    @Test
    void theTourRunsEveryStepInUnderThirtySeconds() {
        long start = System.nanoTime();

        Cli.Run run = Cli.runOnTestDatabase();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
    }

    @Test
    void dataKeptInADataDirOutlivesTheRun(@TempDir Path dir) {
        Path data = dir.resolve("pg");

        Cli.Run add = Cli.run("persona", "add", "--nombre", "Ada", "--apellido", "Lovelace",
                "--email", "ada@example.org", "--data-dir", data.toString());
        Cli.Run list = Cli.run("persona", "list", "--data-dir", data.toString());

        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("ada@example.org", "shown 1-1 of 1");
        assertThat(list.err()).contains("(kept; reusing it)", "its data stays in " + data);
        assertThat(Files.exists(data.resolve("postgresql.conf"))).isTrue();
    }
}
