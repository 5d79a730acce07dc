package dev.alberca.pool.bench;

import java.util.concurrent.TimeUnit;

/**
 * The bookkeeping of a benchmark thread that takes turns between two sides in slices of the clock
 * ({@link PkSelectInterleaved}, {@link CycleInterleaved}): which side a slice is, and to which side the work
 * done so far is booked.
 *
 * <p>Why turns: the machine's slow periods last seconds to minutes, so two contestants measured in forks of
 * their own, a minute apart, do not see the same machine; two sides a few milliseconds apart do. Work is
 * booked from its start to the start of the thread's next work, so that the time between (the benchmark's
 * own) is shared out the same way on both sides, and it goes to the side it started in.
 *
 * <p>Each thread also books its iteration's wall-clock time by the sides of the slices it spans
 * ({@link #bookWall}): a side's throughput is its calls over that. The time the threads worked is no measure
 * of it where threads wait: a thread parked in a pool's queue for a whole iteration (HikariCP lets two of
 * eight virtual threads make nearly every cycle of a contended pool) books nothing, so an unfair pool's
 * calls were divided by the time of its few busy threads only, and a fair pool's by all eight: the
 * contended virtual-thread case read {@code simple} 0.59× HikariCP that way, about 1.06× by wall-clock time.
 *
 * <pre>{@code
 * boolean first = split.next(System.nanoTime(), epoch, 1); // books the last call, picks this one's side by the clock
 * split.turn(System.nanoTime(), first);                     // or: the side is given; then, once done,
 * split.ran(calls);                                          // how many calls that turn made
 * split.end(System.nanoTime());                              // the iteration is over: book the rest
 * }</pre>
 */
abstract class Turns {

    /** How long each side runs before the other may take over. */
    static final long SLICE_MILLIS = 100;
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);

    /** Whether work started this iteration; when the last started, on which side, and how many calls it was. */
    private boolean started;
    private long lastStart;
    private boolean lastFirst;
    private long lastCalls;
    /** Where the slices are counted from, and when the current iteration began. */
    private long epoch;
    private long windowStart;

    /** Adds {@code calls} finished calls and the {@code nanos} they took to the first side or the second. */
    abstract void book(boolean first, long calls, long nanos);

    /** Adds wall-clock time spent in the first side's slices and in the second's. */
    abstract void bookWall(long firstNanos, long secondNanos);

    /**
     * Books the previous work (now finished) to its side, and returns whether the work starting {@code now},
     * {@code calls} calls, goes to the first side: slice {@code (now - epoch) / SLICE} decides.
     */
    final boolean next(long now, long epoch, long calls) {
        turn(now, firstSlice(slice(now, epoch)));
        ran(calls);
        return lastFirst;
    }

    /** The same with the side given: books the previous work, and starts work on side {@code first} at {@code now}. */
    final void turn(long now, boolean first) {
        if (started) {
            book(lastFirst, lastCalls, now - lastStart);
        }
        started = true;
        lastStart = now;
        lastCalls = 0;
        lastFirst = first;
    }

    /** How many calls the work started by the last {@link #turn} made. */
    final void ran(long calls) {
        lastCalls = calls;
    }

    /** The slice {@code now} falls in, counted from {@code epoch}. */
    static long slice(long now, long epoch) {
        return (now - epoch) / SLICE_NANOS;
    }

    /**
     * A new iteration begins at {@code now}, in slices counted from {@code epoch}: the work running across its
     * start is not counted.
     */
    final void restart(long now, long epoch) {
        started = false;
        this.epoch = epoch;
        windowStart = now;
    }

    /**
     * The iteration ends at {@code now}: books the work still open (finished by now) and the wall-clock time
     * since {@link #restart} by the sides of its slices.
     */
    final void end(long now) {
        if (started) {
            book(lastFirst, lastCalls, now - lastStart);
            started = false;
        }
        long first = firstNanos(epoch, windowStart, now);
        bookWall(first, now - windowStart - first);
        windowStart = now;
    }

    /**
     * How much of the time from {@code from} to {@code to} lies in the first side's slices. By the slices'
     * nominal bounds: {@link CycleInterleaved}'s timekeeper switches sides a little after each bound (it wakes
     * late by however long the scheduler takes), which shifts both sides' turns alike and leaves their lengths.
     */
    static long firstNanos(long epoch, long from, long to) {
        long sum = 0;
        for (long t = from; t - to < 0; ) {
            long k = slice(t, epoch);
            long sliceEnd = epoch + (k + 1) * SLICE_NANOS;
            long until = sliceEnd - to < 0 ? sliceEnd : to;
            if (firstSlice(k)) {
                sum += until - t;
            }
            t = until;
        }
        return sum;
    }

    /**
     * Whether slice {@code k} is the first side's: a coin toss that every thread tosses the same (SplitMix64's
     * finalizer of {@code k}). Strict turns would put anything that recurs every 200 ms, or every second
     * (DBCP2's evictor, a neighbour's timer), always on the same side.
     */
    static boolean firstSlice(long k) {
        long z = k * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) & 1) == 0;
    }
}
