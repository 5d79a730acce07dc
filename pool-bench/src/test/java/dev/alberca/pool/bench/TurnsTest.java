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

    @Test
    void wallClockTimeIsSharedOutByTheSidesOfTheSlicesItSpans() {
        long epoch = 1_000_000_007L;
        long slice = Turns.SLICE_NANOS;
        long firstOfFifty = 0;
        for (long k = 3; k < 53; k++) {
            firstOfFifty += Turns.firstSlice(k) ? slice : 0;
        }
        assertThat(Turns.firstNanos(epoch, epoch + 3 * slice, epoch + 53 * slice)).isEqualTo(firstOfFifty);
        assertThat(firstOfFifty).isStrictlyBetween(0L, 50 * slice); // both sides had turns

        // A window within one slice is all one side's; one across a boundary is split where the slices meet.
        long k = 0;
        while (Turns.firstSlice(k) == Turns.firstSlice(k + 1)) {
            k++;
        }
        long boundary = epoch + (k + 1) * slice;
        long fromBefore = Turns.firstNanos(epoch, boundary - 300, boundary + 700);
        assertThat(fromBefore).isEqualTo(Turns.firstSlice(k) ? 300 : 700);
        assertThat(Turns.firstNanos(epoch, boundary - 300, boundary - 100)).isEqualTo(Turns.firstSlice(k) ? 200 : 0);
        assertThat(Turns.firstNanos(epoch, boundary, boundary)).isZero();
    }

    @Test
    void anIterationBooksItsOpenWorkAndItsWallClockTimeWhenItEnds() {
        long epoch = 0;
        long slice = Turns.SLICE_NANOS;
        long[] booked = new long[4]; // first calls, first nanos, then the wall-clock time of each side
        Turns turns = new Turns() {
            @Override
            void book(boolean first, long calls, long nanos) {
                booked[0] += first ? calls : 0;
                booked[1] += first ? nanos : 0;
            }

            @Override
            void bookWall(long firstNanos, long secondNanos) {
                booked[2] += firstNanos;
                booked[3] += secondNanos;
            }
        };
        turns.restart(5 * slice, epoch);
        turns.turn(5 * slice + 10, true);
        turns.ran(7); // still open when the iteration ends
        turns.end(15 * slice);

        assertThat(booked[0]).isEqualTo(7);
        assertThat(booked[1]).isEqualTo(10 * slice - 10);
        assertThat(booked[2]).isEqualTo(Turns.firstNanos(epoch, 5 * slice, 15 * slice));
        assertThat(booked[2] + booked[3]).isEqualTo(10 * slice);
        turns.end(16 * slice); // nothing open: only the time since the last end
        assertThat(booked[0]).isEqualTo(7);
        assertThat(booked[2] + booked[3]).isEqualTo(11 * slice);
    }
}
