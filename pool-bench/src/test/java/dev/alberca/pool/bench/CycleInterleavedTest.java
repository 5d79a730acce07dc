package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** What CycleInterleaved races each contestant against, how it books a batch, and that each pair runs. */
class CycleInterleavedTest {

    @Test
    void eachAdapterIsRacedAgainstItsLibraryAndEachLibraryAgainstItself() {
        assertThat(CycleInterleaved.library("hikari")).isEqualTo("raw-hikari");
        assertThat(CycleInterleaved.library("simple")).isEqualTo("raw-hikari");
        assertThat(CycleInterleaved.library("dbcp")).isEqualTo("raw-dbcp");
        assertThat(CycleInterleaved.library("raw-hikari")).isEqualTo("raw-hikari");
        assertThat(CycleInterleaved.library("raw-dbcp")).isEqualTo("raw-dbcp");
    }

    @Test
    void aBatchIsBookedAsTheCyclesItMadeToTheSideItStartedIn() {
        CycleInterleaved.Split split = new CycleInterleaved.Split();
        split.clear();

        split.turn(1_000, true);
        split.ran(CycleInterleaved.BATCH);
        split.turn(1_900, false);
        split.ran(5); // stopped early: the turn passed
        split.turn(2_400, true);

        assertThat(split.contestantCalls).isEqualTo(CycleInterleaved.BATCH);
        assertThat(split.contestantNanos).isEqualTo(900);
        assertThat(split.libraryCalls).isEqualTo(5);
        assertThat(split.libraryNanos).isEqualTo(500);
        split.clear();
        assertThat(split.contestantCalls + split.contestantNanos + split.libraryCalls + split.libraryNanos).isZero();
    }

    @Test
    void swappedTheFirstSideIsTheLibrarys() {
        CycleInterleaved bench = new CycleInterleaved();
        bench.swapped = true;
        CycleInterleaved.Split split = new CycleInterleaved.Split();
        split.start(bench);
        split.clear();

        split.turn(0, true); // the first loop: the library's
        split.ran(3);
        split.turn(500, false);

        assertThat(split.libraryCalls).isEqualTo(3);
        assertThat(split.libraryNanos).isEqualTo(500);
        assertThat(split.contestantCalls).isZero();
    }

    @Test
    void theWallClockTimeOfTheFirstLoopsTurnsGoesToWhicheverPoolRunsThere() {
        long slice = Turns.SLICE_NANOS;
        for (boolean swapped : new boolean[] {false, true}) {
            CycleInterleaved bench = new CycleInterleaved();
            bench.swapped = swapped;
            bench.epoch = 0;
            CycleInterleaved.Split split = new CycleInterleaved.Split();
            split.start(bench);
            split.clear(0);
            split.end(40 * slice);

            long firstLoop = Turns.firstNanos(0, 0, 40 * slice);
            assertThat(swapped ? split.libraryWallNanos : split.contestantWallNanos).isEqualTo(firstLoop);
            assertThat(split.contestantWallNanos + split.libraryWallNanos).isEqualTo(40 * slice);
            split.clear(0);
            assertThat(split.contestantWallNanos + split.libraryWallNanos).isZero();
        }
    }

    @Test
    void aBatchStopsAtTheFirstCycleAfterTheTurnPassed() throws Exception {
        CycleInterleaved bench = new CycleInterleaved();
        bench.contestant = "raw-hikari";
        bench.maxPoolSize = 4;
        bench.open();
        CycleInterleaved.Split split = new CycleInterleaved.Split();
        split.start(bench);
        split.clear();
        try {
            bench.passTurnAfter(3); // the test's stand-in for the timekeeper, which it stops
            Connection last = bench.cycles(split);
            split.turn(System.nanoTime(), true); // books it

            assertThat(last.isClosed()).isTrue(); // given back
            assertThat(split.contestantCalls + split.libraryCalls).isEqualTo(3);
        } finally {
            bench.close();
        }
    }

    @Test
    void everyContestantAndItsLibraryOpenCycleAndCloseInEitherPlace() throws Exception {
        for (String contestant : Contestant.ALL) {
            for (boolean swapped : new boolean[] {false, true}) {
                run(contestant, swapped);
            }
        }
    }

    private static void run(String contestant, boolean swapped) throws Exception {
        CycleInterleaved bench = new CycleInterleaved();
        bench.contestant = contestant;
        bench.maxPoolSize = 4;
        bench.swapped = swapped;
        bench.open();
        CycleInterleaved.Split split = new CycleInterleaved.Split();
        split.start(bench);
        split.clear();
        try {
            Connection last = bench.cycles(split);
            assertThat(last.isClosed()).as(contestant).isTrue(); // given back
            bench.cyclesYielding(split);
        } finally {
            bench.close();
        }
        // The first batch, booked when the second starts: all its cycles, unless its turn passed meanwhile.
        assertThat(split.contestantCalls + split.libraryCalls).as(contestant).isBetween(1L, (long) CycleInterleaved.BATCH);
    }
}
