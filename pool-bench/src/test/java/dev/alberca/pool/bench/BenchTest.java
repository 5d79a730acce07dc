package dev.alberca.pool.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's knobs for the database: the mode's default, a given value, or a clear refusal. */
class BenchTest {

    @AfterEach
    void forget() {
        System.clearProperty(Bench.DB_ROUNDS);
        System.clearProperty(Bench.DB_THREADS);
        System.clearProperty(PkSelect.SETTLE_SECONDS);
    }

    @Test
    void theModesRoundsWhenNotGiven() {
        assertThat(Bench.databaseRounds(3)).isEqualTo(3);
    }

    @Test
    void theGivenRounds() {
        System.setProperty(Bench.DB_ROUNDS, " 8 ");
        assertThat(Bench.databaseRounds(3)).isEqualTo(8);
    }

    @Test
    void zeroOrTextIsRefusedWithWhatToGive() {
        for (String bad : new String[] {"0", "-2", "eight", ""}) {
            System.setProperty(Bench.DB_ROUNDS, bad);
            assertThatThrownBy(() -> Bench.databaseRounds(3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Dalberca.bench.dbrounds=" + bad + " is not a number of rounds; give a whole number"
                            + " of 1 or more, e.g. -Dalberca.bench.dbrounds=8, or leave it out for the mode's 3");
        }
    }

    @Test
    void settleSecondsMayBeZeroButNotNegative() {
        System.setProperty(PkSelect.SETTLE_SECONDS, "0");
        assertThat(Bench.wholeNumber(PkSelect.SETTLE_SECONDS, "seconds", 0, 10, 60)).isZero();
        System.setProperty(PkSelect.SETTLE_SECONDS, "-1");
        assertThatThrownBy(() -> Bench.wholeNumber(PkSelect.SETTLE_SECONDS, "seconds", 0, 10, 60))
                .hasMessage("-Dalberca.bench.settleseconds=-1 is not a number of seconds; give a whole number of 0 or"
                        + " more, e.g. -Dalberca.bench.settleseconds=10, or leave it out for the mode's 60");
    }

    @Test
    void allFourThreadCountsOrTheOneNamed() {
        assertThat(Bench.databaseThreads()).containsExactly(1, 4, 8, 16);
        System.setProperty(Bench.DB_THREADS, "8");
        assertThat(Bench.databaseThreads()).containsExactly(8);
        System.setProperty(Bench.DB_THREADS, "5");
        assertThatThrownBy(Bench::databaseThreads)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dalberca.bench.threads=5 is not one of the database's thread counts; give 1, 4, 8 or 16,"
                        + " or leave it out for all four");
    }
}
