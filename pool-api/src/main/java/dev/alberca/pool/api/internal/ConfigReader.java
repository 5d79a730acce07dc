package dev.alberca.pool.api.internal;

import dev.alberca.pool.api.PoolConfig;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Turns {@code alberca.*} properties and {@code ALBERCA_*} environment variables into a config builder.
 *
 * <p>Environment names are the property names upper-cased with {@code _} for {@code .} and {@code -}:
 * {@code alberca.max-size} is {@code ALBERCA_MAX_SIZE}. Driver properties keep their case because pgjdbc's
 * names are case-sensitive: {@code ALBERCA_DRIVER_sslmode}. Extras are {@code ALBERCA_EXTRA_hikari_keepaliveTime}.
 */
public final class ConfigReader {

    /** The prefix of every property key. */
    public static final String PREFIX = "alberca.";

    private static final Map<String, BiConsumer<PoolConfig.Builder, String>> KEYS = new TreeMap<>();

    static {
        KEYS.put("url", PoolConfig.Builder::url);
        KEYS.put("user", PoolConfig.Builder::user);
        KEYS.put("password", PoolConfig.Builder::password);
        KEYS.put("pool-name", PoolConfig.Builder::poolName);
        KEYS.put("min-size", (b, v) -> b.minSize(integer("min-size", v)));
        KEYS.put("max-size", (b, v) -> b.maxSize(integer("max-size", v)));
        KEYS.put("acquire-timeout", (b, v) -> b.acquireTimeout(Durations.parse("acquire-timeout", v)));
        KEYS.put("max-waiting", (b, v) -> b.maxWaiting(v.strip().equalsIgnoreCase("unlimited")
                ? PoolConfig.UNLIMITED : integer("max-waiting", v)));
        KEYS.put("max-lifetime", (b, v) -> b.maxLifetime(Durations.parse("max-lifetime", v)));
        KEYS.put("idle-timeout", (b, v) -> b.idleTimeout(Durations.parse("idle-timeout", v)));
        KEYS.put("validation-timeout", (b, v) -> b.validationTimeout(Durations.parse("validation-timeout", v)));
        KEYS.put("init-sql", PoolConfig.Builder::initSql);
        KEYS.put("leak-detection-threshold",
                (b, v) -> b.leakDetectionThreshold(Durations.parse("leak-detection-threshold", v)));
        KEYS.put("provider", PoolConfig.Builder::provider);
    }

    private ConfigReader() {
    }

    /** The plain keys, without the prefix, for documentation and error messages. */
    public static Set<String> keys() {
        return KEYS.keySet();
    }

    /** A builder from {@code alberca.*} properties; other keys are ignored. */
    public static PoolConfig.Builder fromProperties(Properties properties) {
        PoolConfig.Builder b = PoolConfig.builder();
        for (String name : new TreeMap<>(toMap(properties)).keySet()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String key = name.substring(PREFIX.length());
            String value = properties.getProperty(name);
            if (key.startsWith("driver.") && key.length() > 7) {
                b.driverProperty(key.substring(7), value);
            } else if (key.startsWith("extra.") && key.length() > 6) {
                b.extra(key.substring(6), value);
            } else if (KEYS.containsKey(key)) {
                KEYS.get(key).accept(b, value);
            } else {
                throw new IllegalArgumentException("Unknown pool setting " + name + ": the keys are alberca."
                        + String.join(", alberca.", KEYS.keySet())
                        + ", alberca.driver.<name> and alberca.extra.<provider>.<key>");
            }
        }
        return b;
    }

    /** A builder from {@code ALBERCA_*} variables; other variables are ignored. */
    public static PoolConfig.Builder fromEnvironment(Map<String, String> environment) {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("ALBERCA_")) {
                continue;
            }
            String rest = name.substring("ALBERCA_".length());
            if (rest.startsWith("DRIVER_") && rest.length() > 7) {
                p.setProperty(PREFIX + "driver." + rest.substring(7), e.getValue());
            } else if (rest.startsWith("EXTRA_") && rest.indexOf('_', 6) > 6) {
                String extra = rest.substring(6);
                int cut = extra.indexOf('_');
                p.setProperty(PREFIX + "extra." + extra.substring(0, cut) + "." + extra.substring(cut + 1), e.getValue());
            } else {
                String key = rest.toLowerCase(Locale.ROOT).replace('_', '-');
                if (!KEYS.containsKey(key)) {
                    throw new IllegalArgumentException("Unknown pool setting in environment variable " + name
                            + ": the variables are ALBERCA_" + String.join(", ALBERCA_", KEYS.keySet().stream()
                            .map(k -> k.toUpperCase(Locale.ROOT).replace('-', '_')).toList())
                            + ", ALBERCA_DRIVER_<name> and ALBERCA_EXTRA_<provider>_<key>");
                }
                p.setProperty(PREFIX + key, e.getValue());
            }
        }
        return fromProperties(p);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> m = new TreeMap<>();
        for (String n : properties.stringPropertyNames()) {
            m.put(n, properties.getProperty(n));
        }
        return m;
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid pool setting " + key + "='" + value
                    + "': it is not a whole number (property alberca." + key + ")");
        }
    }
}
