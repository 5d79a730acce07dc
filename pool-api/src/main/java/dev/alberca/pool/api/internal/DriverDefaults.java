package dev.alberca.pool.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * pgjdbc settings that keep every call bounded, and personal data out of its error messages, applied unless
 * the user sets them.
 *
 * <p>pgjdbc's own defaults let calls hang forever: {@code socketTimeout=0} and {@code loginTimeout=0}. A
 * frozen network then blocks a query, and a server that accepts but never answers blocks a connect, with no
 * end. {@code loginTimeout} must be a driver property: pgjdbc ignores {@code DriverManager.setLoginTimeout}.
 */
public final class DriverDefaults {

    /**
     * Each default, in seconds except the two switches:
     * <ul>
     * <li>{@code connectTimeout=10}: TCP connect; bounds a host that drops packets.</li>
     * <li>{@code loginTimeout=10}: the whole connect, startup and authentication; bounds a server that
     * accepts but never answers.</li>
     * <li>{@code socketTimeout=300}: any single read; bounds a query on a frozen link. Five minutes leaves
     * room for long reports; lower it to 2-3 times your longest statement.</li>
     * <li>{@code cancelSignalTimeout=10}: the side connection that cancels a statement on
     * {@code setQueryTimeout}.</li>
     * <li>{@code tcpKeepAlive=true}: lets the OS notice a peer that vanished.</li>
     * <li>{@code logServerErrorDetail=false}: pgjdbc otherwise puts the server's detail line in an
     * {@code SQLException}'s message ({@code Key (email)=(ana@example.com) already exists}) and a failed batch
     * entry's SQL with its values in the {@code BatchUpdateException}'s; both end up in logged stack traces.
     * The detail stays readable in {@code PSQLException.getServerErrorMessage()}.</li>
     * </ul>
     */
    public static final Map<String, String> VALUES = Map.of(
            "connectTimeout", "10",
            "loginTimeout", "10",
            "socketTimeout", "300",
            "cancelSignalTimeout", "10",
            "tcpKeepAlive", "true",
            "logServerErrorDetail", "false");

    private DriverDefaults() {
    }

    /** Checks the user's value of a timeout property: a number of seconds, zero or more. */
    public static void checkValue(String name, String value) {
        String byDefault = VALUES.get(name);
        if (byDefault == null || byDefault.equals("true") || byDefault.equals("false")) {
            return; // not ours, or a switch (tcpKeepAlive, logServerErrorDetail): pgjdbc reads those itself
        }
        boolean ok;
        try {
            // loginTimeout is read with Float.parseFloat by pgjdbc; the others are integers.
            ok = name.equals("loginTimeout") ? Float.parseFloat(value) >= 0 : Integer.parseInt(value.strip()) >= 0;
        } catch (NumberFormatException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("Invalid driver property " + name + "='" + value
                    + "': it must be a whole number of seconds, 0 or more (0 means no limit)");
        }
    }

    /** The defaults not already given in {@code given} (driver properties and URL parameters). */
    public static Map<String, String> missingFrom(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        VALUES.forEach((k, v) -> {
            if (!given.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
