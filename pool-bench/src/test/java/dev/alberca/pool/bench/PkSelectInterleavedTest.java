package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How PkSelectInterleaved shares the time out between the pool and the held connection, and books it. */
class PkSelectInterleavedTest {

    private static final long SLICE = PkSelectInterleaved.SLICE_MILLIS * 1_000_000L;

    @Test
    void slicesGoToEitherSideAboutHalfTheTimeWithNoPeriodUpToASecondAndAHalf() {
        int slices = 20_000;
        int maxPeriod = (int) (1_500 / PkSelectInterleaved.SLICE_MILLIS);
        for (int period = 2; period <= maxPeriod; period++) {
            for (int phase = 0; phase < period; phase++) {
                int pooled = 0;
                int all = 0;
                for (long k = phase; k < slices; k += period) {
                    all++;
                    pooled += PkSelectInterleaved.pooledSlice(k) ? 1 : 0;
                }
                // Strict turns would put every slice of an even period's phase on one side (0 or 1).
                assertThat((double) pooled / all).as("period %d, phase %d", period, phase).isBetween(0.4, 0.6);
            }
        }
    }

    @Test
    void aCallIsBookedToTheSideItStartedInWithTheTimeUntilTheNextCallStarts() {
        PkSelectInterleaved.Split split = new PkSelectInterleaved.Split();
        split.clear();
        long epoch = 1_000;
        long pooledSlice = firstSlice(true);
        long heldSlice = firstSlice(false);
        long t1 = epoch + pooledSlice * SLICE + SLICE - 10; // starts 10 ns before its pool slice ends
        long t2 = epoch + heldSlice * SLICE + 5;
        long t3 = t2 + 700;

        assertThat(split.next(t1, epoch)).isTrue();
        assertThat(split.pooledCalls).isZero(); // not finished yet
        assertThat(split.next(t2, epoch)).isFalse();
        split.next(t3, epoch);

        assertThat(split.pooledCalls).isEqualTo(1);
        assertThat(split.pooledNanos).isEqualTo(t2 - t1);
        assertThat(split.noneCalls).isEqualTo(1);
        assertThat(split.noneNanos).isEqualTo(700);
    }

    @Test
    void aNewIterationDropsTheCallRunningAcrossItsStart() {
        PkSelectInterleaved.Split split = new PkSelectInterleaved.Split();
        long start = firstSlice(true) * SLICE;
        split.next(start, 0);
        split.clear(); // JMH starts the next iteration
        split.next(start + 100, 0);
        split.next(start + 300, 0);

        assertThat(split.pooledCalls).isEqualTo(1);
        assertThat(split.pooledNanos).isEqualTo(200);
    }

    @Test
    void theWarmUpsDataSourceGivesThePoolsConnectionFirstThenTakesTurns() throws Exception {
        StubDriver.install();
        try (Connection pooled = DriverManager.getConnection(StubDriver.URL);
             Connection own = DriverManager.getConnection(StubDriver.URL)) {
            PkSelectInterleaved.TurnTaking turns = new PkSelectInterleaved.TurnTaking(
                    new PkSelect.OneConnection(pooled), new PkSelect.OneConnection(own));

            assertThat(List.of(turns.getConnection(), turns.getConnection(), turns.getConnection(),
                    turns.getConnection())).containsExactly(pooled, own, pooled, own);
        }
    }

    private static long firstSlice(boolean pooled) {
        long k = 0;
        while (PkSelectInterleaved.pooledSlice(k) != pooled) {
            k++;
        }
        return k;
    }
}
