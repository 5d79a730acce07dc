package dev.alberca.pool.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the shape of a PostgreSQL JDBC URL before anything connects, and masks secrets in it.
 *
 * <p>pgjdbc reads {@code jdbc:postgresql:host/db} (no {@code //}) as a database named {@code host/db} on
 * localhost, so a typo turns into a misleading "Connection to localhost:5432 refused". Checking here turns
 * it into an error that names the URL and the expected shape.
 */
public final class JdbcUrl {

    /** The shape every message quotes. */
    public static final String EXPECTED = "jdbc:postgresql://host[:port][,host2[:port2]...]/database[?key=value&...]";

    private static final String HOST = "(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)";
    private static final Pattern HOST_PORT = Pattern.compile(HOST + "(?::(\\d{1,5}))?");
    private static final Pattern URL = Pattern.compile(
            "jdbc:postgresql://([^/?#]+)/([^/?#]+)(?:\\?([^#]*))?");
    private static final Pattern SECRET = Pattern.compile("(?i)((?:^|[?&;])password=)[^&;]*");

    private JdbcUrl() {
    }

    /**
     * Checks the URL and returns its query parameters.
     *
     * @throws IllegalArgumentException naming the masked URL, what is wrong and the expected shape
     */
    public static Map<String, String> check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Invalid pool setting url: it is missing; set url (alberca.url) to "
                    + EXPECTED);
        }
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid pool setting url='" + mask(url) + "': it must look like "
                    + EXPECTED + why(url));
        }
        for (String hostPort : m.group(1).split(",", -1)) {
            Matcher hp = HOST_PORT.matcher(hostPort);
            if (!hp.matches()) {
                throw new IllegalArgumentException("Invalid pool setting url='" + mask(url) + "': host '" + hostPort
                        + "' is not a host name, IPv4 address or [IPv6] address with an optional :port; expected "
                        + EXPECTED);
            }
            if (hp.group(1) != null) {
                int port = Integer.parseInt(hp.group(1));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("Invalid pool setting url='" + mask(url) + "': port " + port
                            + " is outside 1..65535");
                }
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (m.group(3) != null && !m.group(3).isEmpty()) {
            for (String pair : m.group(3).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Invalid pool setting url='" + mask(url) + "': query part '"
                            + (pair.toLowerCase(java.util.Locale.ROOT).startsWith("password") ? "password" : pair)
                            + "' is not key=value");
                }
                query.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return query;
    }

    private static String why(String url) {
        String u = url.strip();
        if (!u.startsWith("jdbc:")) {
            return " (it does not start with jdbc:)";
        }
        if (!u.startsWith("jdbc:postgresql:")) {
            return " (only PostgreSQL URLs are supported)";
        }
        if (!u.startsWith("jdbc:postgresql://")) {
            return " (the // before the host is missing; pgjdbc would read the rest as a database on localhost)";
        }
        return " (the host or the /database part is missing)";
    }

    /** The URL with the value of any {@code password=} parameter replaced by {@code ***}. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        return SECRET.matcher(url).replaceAll("$1***");
    }
}
