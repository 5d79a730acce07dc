package dev.alberca.pool.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's knob for the database's rounds: the mode's default, a given number, or a clear refusal. */
class BenchTest {

    @AfterEach
    void forget() {
        System.clearProperty(Bench.DB_ROUNDS);
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
}
