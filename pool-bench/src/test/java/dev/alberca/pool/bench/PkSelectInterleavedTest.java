package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How PkSelectInterleaved shares the time out between the pool and the held connection, and books it. */
class PkSelectInterleavedTest {

    private static final long SLICE = Turns.SLICE_MILLIS * 1_000_000L;

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

        assertThat(split.next(t1, epoch, 1)).isTrue();
        assertThat(split.pooledCalls).isZero(); // not finished yet
        assertThat(split.next(t2, epoch, 1)).isFalse();
        split.next(t3, epoch, 1);

        assertThat(split.pooledCalls).isEqualTo(1);
        assertThat(split.pooledNanos).isEqualTo(t2 - t1);
        assertThat(split.noneCalls).isEqualTo(1);
        assertThat(split.noneNanos).isEqualTo(700);
    }

    @Test
    void aNewIterationDropsTheCallRunningAcrossItsStart() {
        PkSelectInterleaved.Split split = new PkSelectInterleaved.Split();
        long start = firstSlice(true) * SLICE;
        split.next(start, 0, 1);
        split.clear(); // JMH starts the next iteration
        split.next(start + 100, 0, 1);
        split.next(start + 300, 0, 1);

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
        while (Turns.firstSlice(k) != pooled) {
            k++;
        }
        return k;
    }
}
