package dev.alberca.pool.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The persona ids the database cases pick from, {@code first} to {@code first + count - 1}: the range in
 * system property {@value PkSelect#IDS} ({@code 1-1000} when not given), which {@link Bench} sets to the rows
 * it inserted.
 */
record Ids(long first, long count) {

    static Ids fromSystemProperty() {
        String[] range = System.getProperty(PkSelect.IDS, "1-1000").split("-");
        long first = Long.parseLong(range[0]);
        return new Ids(first, Long.parseLong(range[1]) - first + 1);
    }

    /** One id, drawn at random. */
    long pick() {
        return first + ThreadLocalRandom.current().nextLong(count);
    }

    @Override
    public String toString() {
        return first + "-" + (first + count - 1);
    }
}
