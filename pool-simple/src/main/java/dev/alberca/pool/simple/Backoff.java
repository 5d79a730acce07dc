package dev.alberca.pool.simple;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between failed connection attempts: doubling from a first delay up to a cap, each with ±10 %
 * jitter so that many pools that lost the same database do not retry in step. Used by one thread.
 */
final class Backoff {

    private final long firstNanos;
    private final long maxNanos;
    private long current;

    Backoff(long firstNanos, long maxNanos) {
        this.firstNanos = firstNanos;
        this.maxNanos = maxNanos;
    }

    /** The next delay, in nanoseconds. */
    long next() {
        current = current == 0 ? firstNanos : Math.min(current * 2, maxNanos);
        return (long) (current * ThreadLocalRandom.current().nextDouble(0.9, 1.1));
    }

    /** The delay the last {@link #next()} was based on, without jitter; zero after a success. */
    long current() {
        return current;
    }

    /** A success: the next failure starts from the first delay again. */
    void reset() {
        current = 0;
    }
}
