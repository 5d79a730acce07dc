package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a benchmark that takes turns picks the side of a slice of the clock. */
class TurnsTest {

    @Test
    void slicesGoToEitherSideAboutHalfTheTimeWithNoPeriodUpToASecondAndAHalf() {
        int slices = 20_000;
        int maxPeriod = (int) (1_500 / Turns.SLICE_MILLIS);
        for (int period = 2; period <= maxPeriod; period++) {
            for (int phase = 0; phase < period; phase++) {
                int first = 0;
                int all = 0;
                for (long k = phase; k < slices; k += period) {
                    all++;
                    first += Turns.firstSlice(k) ? 1 : 0;
                }
                // Strict turns would put every slice of an even period's phase on one side (0 or 1).
                assertThat((double) first / all).as("period %d, phase %d", period, phase).isBetween(0.4, 0.6);
            }
        }
    }
}
