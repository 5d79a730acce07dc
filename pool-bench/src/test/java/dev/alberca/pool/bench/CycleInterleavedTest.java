package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** What CycleInterleaved races each contestant against, how it books a batch, and that each pair runs. */
class CycleInterleavedTest {

    private static final long SLICE = Turns.SLICE_MILLIS * 1_000_000L;

    @Test
    void eachAdapterIsRacedAgainstItsLibraryAndEachLibraryAgainstItself() {
        assertThat(CycleInterleaved.library("hikari")).isEqualTo("raw-hikari");
        assertThat(CycleInterleaved.library("simple")).isEqualTo("raw-hikari");
        assertThat(CycleInterleaved.library("dbcp")).isEqualTo("raw-dbcp");
        assertThat(CycleInterleaved.library("raw-hikari")).isEqualTo("raw-hikari");
        assertThat(CycleInterleaved.library("raw-dbcp")).isEqualTo("raw-dbcp");
    }

    @Test
    void aBatchIsBookedAsItsCyclesToTheSideItStartedIn() {
        CycleInterleaved.Split split = new CycleInterleaved.Split();
        split.clear();
        long contestantSlice = firstSlice(true);
        long librarySlice = firstSlice(false);
        long t1 = contestantSlice * SLICE + 3;
        long t2 = librarySlice * SLICE + 1;
        long t3 = t2 + 6_400;

        assertThat(split.next(t1, 0, CycleInterleaved.BATCH)).isTrue();
        assertThat(split.next(t2, 0, CycleInterleaved.BATCH)).isFalse();
        split.next(t3, 0, CycleInterleaved.BATCH);

        assertThat(split.contestantCalls).isEqualTo(CycleInterleaved.BATCH);
        assertThat(split.contestantNanos).isEqualTo(t2 - t1);
        assertThat(split.libraryCalls).isEqualTo(CycleInterleaved.BATCH);
        assertThat(split.libraryNanos).isEqualTo(6_400);
        split.clear();
        assertThat(split.contestantCalls + split.contestantNanos + split.libraryCalls + split.libraryNanos).isZero();
    }

    @Test
    void everyContestantAndItsLibraryOpenCycleAndClose() throws Exception {
        for (String contestant : Contestant.ALL) {
            CycleInterleaved bench = new CycleInterleaved();
            bench.contestant = contestant;
            bench.maxPoolSize = 4;
            bench.open();
            CycleInterleaved.Split split = new CycleInterleaved.Split();
            split.clear();
            try {
                Connection last = bench.cycles(split);
                assertThat(last.isClosed()).as(contestant).isTrue(); // given back
                bench.cyclesYielding(split);
            } finally {
                bench.close();
            }
            assertThat(split.contestantCalls + split.libraryCalls).as(contestant).isEqualTo(CycleInterleaved.BATCH);
        }
    }

    private static long firstSlice(boolean first) {
        long k = 0;
        while (Turns.firstSlice(k) != first) {
            k++;
        }
        return k;
    }
}
