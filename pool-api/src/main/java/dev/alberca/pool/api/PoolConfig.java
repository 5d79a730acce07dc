package dev.alberca.pool.api;

import dev.alberca.pool.api.internal.ConfigReader;
import dev.alberca.pool.api.internal.DriverDefaults;
import dev.alberca.pool.api.internal.Durations;
import dev.alberca.pool.api.internal.JdbcUrl;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a pool needs to know, immutable and checked when built.
 *
 * <pre>{@code
 * PoolConfig config = PoolConfig.builder()
 *         .url("jdbc:postgresql://127.0.0.1:5432/app")
 *         .user("app").password(System.getenv("APP_DB_PASSWORD"))
 *         .minSize(1).maxSize(5)
 *         .acquireTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>The same settings can come from a {@link Properties} file ({@link #fromProperties}) or from
 * environment variables ({@link #fromEnvironment}); the README lists every key. {@link #build} rejects bad
 * values with a message that names the key, the value and the rule, before any connection is made.
 *
 * <p>{@link #toString()} never shows the password, nor a password written into the URL.
 */
public final class PoolConfig {

    /** {@link #maxWaiting()} when no limit was set. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final String url;
    private final String user;
    private final String password;
    private final String poolName;
    private final int minSize;
    private final int maxSize;
    private final Duration acquireTimeout;
    private final int maxWaiting;
    private final Duration maxLifetime;
    private final Duration idleTimeout;
    private final Duration validationTimeout;
    private final String initSql;
    private final Duration leakDetectionThreshold;
    private final Map<String, String> driverProperties;
    private final String provider;
    private final Map<String, String> extras;
    private final Map<String, String> urlParameters;

    private PoolConfig(Builder b, Duration validationTimeout, Map<String, String> urlParameters) {
        this.url = b.url.strip();
        this.user = b.user;
        this.password = b.password;
        this.poolName = b.poolName != null ? b.poolName : "alberca-" + POOL_NUMBER.incrementAndGet();
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.acquireTimeout = b.acquireTimeout;
        this.maxWaiting = b.maxWaiting;
        this.maxLifetime = b.maxLifetime;
        this.idleTimeout = b.idleTimeout;
        this.validationTimeout = validationTimeout;
        this.initSql = b.initSql;
        this.leakDetectionThreshold = b.leakDetectionThreshold;
        this.driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.driverProperties));
        this.provider = b.provider;
        this.extras = Collections.unmodifiableMap(new TreeMap<>(b.extras));
        this.urlParameters = urlParameters;
    }

    /** A builder with the defaults: min 1, max 10, acquire timeout 30 s; see each setter. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the settings from properties with the {@code alberca.} prefix, e.g. {@code alberca.url},
     * {@code alberca.max-size=5}, {@code alberca.acquire-timeout=5s}, {@code alberca.driver.sslmode=require}.
     * Other keys are ignored; an unknown {@code alberca.} key is an error (it is usually a typo).
     */
    public static PoolConfig fromProperties(Properties properties) {
        return ConfigReader.fromProperties(properties).build();
    }

    /**
     * Reads the settings from environment variables: {@code ALBERCA_URL}, {@code ALBERCA_MAX_SIZE},
     * {@code ALBERCA_DRIVER_sslmode}, and so on (the README lists them).
     */
    public static PoolConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, from the given variables (for tests and launchers). */
    public static PoolConfig fromEnvironment(Map<String, String> environment) {
        return ConfigReader.fromEnvironment(environment).build();
    }

    /** A builder holding this config's values, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder().url(url).user(user).password(password).poolName(poolName)
                .minSize(minSize).maxSize(maxSize).acquireTimeout(acquireTimeout).maxWaiting(maxWaiting)
                .maxLifetime(maxLifetime).idleTimeout(idleTimeout).validationTimeout(validationTimeout)
                .initSql(initSql).leakDetectionThreshold(leakDetectionThreshold).provider(provider);
        driverProperties.forEach(b::driverProperty);
        extras.forEach(b::extra);
        return b;
    }

    /** The JDBC URL, as given; see {@link #maskedUrl()} for logs and messages. */
    public String url() {
        return url;
    }

    /** The URL with any {@code password=} parameter masked, safe to print. */
    public String maskedUrl() {
        return JdbcUrl.mask(url);
    }

    /** The database user, if set. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password, if set. Never log it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The pool's name: in errors, logs, stats and as the session's {@code application_name}. */
    public String poolName() {
        return poolName;
    }

    /** Connections the pool keeps open even when idle. */
    public int minSize() {
        return minSize;
    }

    /** The most connections the pool opens at once. */
    public int maxSize() {
        return maxSize;
    }

    /** How long {@code getConnection()} waits for a connection before it fails. */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    /**
     * How many callers may wait at once for a connection held by others; one more fails at once.
     * {@link #UNLIMITED} if not set. A caller for whom the pool is still opening a new connection (below
     * max-size) is not counted, so 0 means: never queue behind a full pool.
     */
    public int maxWaiting() {
        return maxWaiting;
    }

    /** Connections older than this are retired when idle; zero means they live for ever. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** Idle connections above the minimum are closed after this; zero means never. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The longest a validity check of one connection may take; never above the acquire timeout. */
    public Duration validationTimeout() {
        return validationTimeout;
    }

    /** SQL run once on every new connection, if set. */
    public Optional<String> initSql() {
        return Optional.ofNullable(initSql);
    }

    /** A connection held longer than this is reported with its borrower's stack; zero means off. */
    public Duration leakDetectionThreshold() {
        return leakDetectionThreshold;
    }

    /** Driver properties as the user gave them (without the safe defaults). */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** The provider asked for by name, if any. */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** Provider-specific settings, keys prefixed by the provider's name ({@code hikari.keepaliveTime}). */
    public Map<String, String> extras() {
        return extras;
    }

    /** The extras meant for {@code providerName}, with the {@code providerName.} prefix removed. */
    public Map<String, String> extrasFor(String providerName) {
        String prefix = providerName + ".";
        Map<String, String> out = new TreeMap<>();
        extras.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /**
     * Everything to hand to the driver: user, password, the user's driver properties, and the safe
     * defaults that bound every network wait ({@code connectTimeout=10}, {@code loginTimeout=10},
     * {@code socketTimeout=300}, {@code cancelSignalTimeout=10}, {@code tcpKeepAlive=true}) unless the
     * user set them in the driver properties or the URL, and {@code ApplicationName} = the pool name.
     * The result holds the password: never log it.
     */
    public Properties connectionProperties() {
        Properties p = new Properties();
        Map<String, String> given = new LinkedHashMap<>(urlParameters);
        given.putAll(driverProperties);
        DriverDefaults.missingFrom(given).forEach(p::setProperty);
        if (!given.containsKey("ApplicationName")) {
            p.setProperty("ApplicationName", poolName);
        }
        p.putAll(driverProperties);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The settings without the password; a password in the URL is masked. */
    @Override
    public String toString() {
        Map<String, String> shownDriverProps = new LinkedHashMap<>();
        driverProperties.forEach((k, v) -> shownDriverProps.put(k, k.equalsIgnoreCase("password") ? "***" : v));
        return "PoolConfig[name=" + poolName + ", url=" + maskedUrl() + ", user=" + user
                + ", password=" + (password == null ? "<none>" : "***")
                + ", minSize=" + minSize + ", maxSize=" + maxSize
                + ", acquireTimeout=" + Durations.format(acquireTimeout)
                + ", maxWaiting=" + (maxWaiting == UNLIMITED ? "unlimited" : String.valueOf(maxWaiting))
                + ", maxLifetime=" + Durations.format(maxLifetime) + ", idleTimeout=" + Durations.format(idleTimeout)
                + ", validationTimeout=" + Durations.format(validationTimeout)
                + ", leakDetectionThreshold=" + Durations.format(leakDetectionThreshold)
                + ", initSql=" + (initSql == null ? "<none>" : "set")
                + ", provider=" + (provider == null ? "<any>" : provider)
                + ", driverProperties=" + shownDriverProps + ", extras=" + extras + "]";
    }

    /**
     * Collects settings; {@link #build()} checks them all. Times are {@link Duration}s.
     *
     * <pre>{@code
     * PoolConfig config = PoolConfig.builder().url(url).user("app").password(pw).maxSize(5).build();
     * }</pre>
     */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private String poolName;
        private int minSize = 1;
        private int maxSize = 10;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private int maxWaiting = UNLIMITED;
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration validationTimeout;
        private String initSql;
        private Duration leakDetectionThreshold = Duration.ZERO;
        private final Map<String, String> driverProperties = new LinkedHashMap<>();
        private String provider;
        private final Map<String, String> extras = new LinkedHashMap<>();

        private Builder() {
        }

        /** Required: {@code jdbc:postgresql://host[:port][,host2...]/database[?...]}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** The database user. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password; kept out of every message and {@code toString()}. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The pool's name; default {@code alberca-N}. Letters, digits, {@code . _ -} only. */
        public Builder poolName(String poolName) {
            this.poolName = poolName;
            return this;
        }

        /** Connections kept open when idle; default 1. */
        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        /** The most connections at once; default 10. */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /** How long a borrow waits; default 30 s. */
        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        /** How many callers may wait at once (0: none may wait); default unlimited. */
        public Builder maxWaiting(int maxWaiting) {
            this.maxWaiting = maxWaiting;
            return this;
        }

        /** Retire connections older than this; default 30 min; zero: never. */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        /** Close idle connections above the minimum after this; default 10 min; zero: never. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** The longest one validity check may take; default 5 s or half the acquire timeout if less. */
        public Builder validationTimeout(Duration validationTimeout) {
            this.validationTimeout = validationTimeout;
            return this;
        }

        /** SQL to run once on every new connection. */
        public Builder initSql(String initSql) {
            this.initSql = initSql;
            return this;
        }

        /** Report connections held longer than this; default zero (off). */
        public Builder leakDetectionThreshold(Duration leakDetectionThreshold) {
            this.leakDetectionThreshold = leakDetectionThreshold;
            return this;
        }

        /** One pgjdbc property, such as {@code sslmode} or {@code socketTimeout}. */
        public Builder driverProperty(String name, String value) {
            driverProperties.put(Objects.requireNonNull(name, "driver property name"), value);
            return this;
        }

        /** Asks for the provider with this name ({@code simple}, {@code hikari}, {@code dbcp}, ...). */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** A provider-specific setting, its key prefixed by the provider's name: {@code hikari.keepaliveTime}. */
        public Builder extra(String key, String value) {
            extras.put(Objects.requireNonNull(key, "extra key"), value);
            return this;
        }

        /**
         * Checks every setting and builds the config.
         *
         * @throws IllegalArgumentException naming the first bad key, its value and the rule it breaks
         */
        public PoolConfig build() {
            Map<String, String> urlParameters = Collections.unmodifiableMap(JdbcUrl.check(url));
            if (poolName != null && !poolName.matches("[A-Za-z0-9._-]{1,63}")) {
                throw invalid("pool-name", "'" + poolName + "'",
                        "it must be 1 to 63 letters, digits, '.', '_' or '-'");
            }
            if (maxSize < 1) {
                throw invalid("max-size", maxSize, "it must be at least 1; set it to the most connections the pool may open");
            }
            if (minSize < 0) {
                throw invalid("min-size", minSize, "it must be 0 or more");
            }
            if (minSize > maxSize) {
                throw invalid("min-size", minSize, "it must not be greater than max-size (" + maxSize
                        + "); lower min-size or raise max-size");
            }
            requirePositive("acquire-timeout", acquireTimeout);
            if (maxWaiting < 0) {
                throw invalid("max-waiting", maxWaiting, "it must be 0 or more (0: nobody waits)");
            }
            requireNotNegative("max-lifetime", maxLifetime);
            requireNotNegative("idle-timeout", idleTimeout);
            requireNotNegative("leak-detection-threshold", leakDetectionThreshold);
            Duration validation = validationTimeout;
            if (validation == null) {
                Duration half = acquireTimeout.dividedBy(2);
                validation = half.compareTo(Duration.ofSeconds(5)) < 0 ? half : Duration.ofSeconds(5);
                if (validation.isZero()) {
                    validation = acquireTimeout;
                }
            }
            requirePositive("validation-timeout", validation);
            if (validation.compareTo(acquireTimeout) > 0) {
                throw invalid("validation-timeout", Durations.format(validation),
                        "it must not be longer than acquire-timeout (" + Durations.format(acquireTimeout)
                                + "), or one check could outlast the wait it is part of");
            }
            if (initSql != null && initSql.isBlank()) {
                throw invalid("init-sql", "''", "it must not be blank; leave it unset to run nothing");
            }
            if (provider != null && provider.isBlank()) {
                throw invalid("provider", "''", "it must name a provider, or be left unset");
            }
            urlParameters.forEach(DriverDefaults::checkValue);
            driverProperties.forEach((k, v) -> {
                if (v == null) {
                    throw invalid("driver." + k, "null", "a driver property needs a value");
                }
                DriverDefaults.checkValue(k, v);
            });
            extras.forEach((k, v) -> {
                if (k.indexOf('.') <= 0 || v == null) {
                    throw invalid("extra." + k, v, "extras are provider.key=value, like hikari.keepaliveTime=60000");
                }
            });
            return new PoolConfig(this, validation, urlParameters);
        }

        private static void requirePositive(String key, Duration d) {
            if (d == null) {
                throw invalid(key, "null", "it is required");
            }
            if (d.isNegative() || d.isZero()) {
                throw invalid(key, Durations.format(d), "it must be longer than zero");
            }
        }

        private static void requireNotNegative(String key, Duration d) {
            if (d == null) {
                throw invalid(key, "null", "it is required (zero turns it off)");
            }
            if (d.isNegative()) {
                throw invalid(key, d.toMillis() + "ms", "it must not be negative (zero turns it off)");
            }
        }

        private static IllegalArgumentException invalid(String key, Object value, String rule) {
            return new IllegalArgumentException("Invalid pool setting " + key + "=" + value + ": " + rule
                    + " (property alberca." + key + ")");
        }
    }
}
