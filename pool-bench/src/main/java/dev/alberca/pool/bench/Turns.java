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
 * <pre>{@code
 * boolean first = split.next(System.nanoTime(), epoch, 1); // books the last call, picks this one's side by the clock
 * split.turn(System.nanoTime(), first);                     // or: the side is given; then, once done,
 * split.ran(calls);                                          // how many calls that turn made
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

    /** Adds {@code calls} finished calls and the {@code nanos} they took to the first side or the second. */
    abstract void book(boolean first, long calls, long nanos);

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

    /** A new iteration: the work running across its start is not counted. */
    final void restart() {
        started = false;
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
