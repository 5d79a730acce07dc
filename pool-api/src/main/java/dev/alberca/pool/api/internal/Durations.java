package dev.alberca.pool.api.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT5S}. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** Parses {@code text} for the setting named {@code key}; the error names both and shows valid forms. */
    public static Duration parse(String key, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms": return Duration.ofMillis(n);
                    case "s": return Duration.ofSeconds(n);
                    case "m": return Duration.ofMinutes(n);
                    default: return Duration.ofHours(n);
                }
            }
            if (t.startsWith("pt") || t.startsWith("-pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("Invalid pool setting " + key + "='" + text
                + "': it is not a duration; write it with a unit, like 500ms, 5s, 2m, 1h or PT5S");
    }

    /** Prints a duration the way people write it: {@code 5s}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
