package dev.alberca.pool.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolConfigTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/app";

    private static PoolConfig.Builder valid() {
        return PoolConfig.builder().url(URL).user("app").password("s3cret-Pw");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        PoolConfig c = valid().build();
        assertThat(c.minSize()).isEqualTo(1);
        assertThat(c.maxSize()).isEqualTo(10);
        assertThat(c.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.validationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxWaiting()).isEqualTo(PoolConfig.UNLIMITED);
        assertThat(c.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.leakDetectionThreshold()).isZero();
        assertThat(c.poolName()).matches("alberca-\\d+");
        assertThat(c.provider()).isEmpty();
    }

    @Test
    void validationTimeoutDefaultsToHalfAShortAcquireTimeout() {
        assertThat(valid().acquireTimeout(Duration.ofSeconds(2)).build().validationTimeout())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void validationTimeoutAboveAcquireTimeoutIsRefused() {
        assertThatThrownBy(() -> valid().acquireTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(5))
                .build()).hasMessage("Invalid pool setting validation-timeout=5s: it must not be longer than"
                + " acquire-timeout (2s), or one check could outlast the wait it is part of"
                + " (property alberca.validation-timeout)");
    }

    @Test
    void minAboveMaxIsRefusedNotClamped() {
        assertThatThrownBy(() -> valid().minSize(5).maxSize(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid pool setting min-size=5: it must not be greater than max-size (2);"
                        + " lower min-size or raise max-size (property alberca.min-size)");
    }

    @Test
    void safeDriverDefaultsAreAddedUnlessTheUserSetsThem() {
        PoolConfig c = valid().poolName("orders").driverProperty("socketTimeout", "30").build();
        Properties p = c.connectionProperties();
        assertThat(p).containsEntry("connectTimeout", "10").containsEntry("loginTimeout", "10")
                .containsEntry("socketTimeout", "30").containsEntry("cancelSignalTimeout", "10")
                .containsEntry("tcpKeepAlive", "true").containsEntry("logServerErrorDetail", "false")
                .containsEntry("ApplicationName", "orders")
                .containsEntry("user", "app").containsEntry("password", "s3cret-Pw");
    }

    @Test
    void aTimeoutSetInTheUrlWinsOverTheDefault() {
        Properties p = valid().url(URL + "?loginTimeout=3&ApplicationName=x").build().connectionProperties();
        assertThat(p).doesNotContainKey("loginTimeout").doesNotContainKey("ApplicationName");
    }

    @Test
    void toStringHidesThePasswordEverywhere() {
        PoolConfig c = valid().url(URL + "?password=urlSecret&ssl=true").driverProperty("password", "propSecret").build();
        assertThat(c.toString()).doesNotContain("s3cret-Pw").doesNotContain("urlSecret").doesNotContain("propSecret")
                .contains("password=***").contains("ssl=true");
        assertThat(c.maskedUrl()).isEqualTo(URL + "?password=***&ssl=true");
    }

    @Test
    void multiHostAndIpv6UrlsAreAccepted() {
        assertThat(valid().url("jdbc:postgresql://db1:5432,db2:5433/app?targetServerType=primary").build().url())
                .contains("db2:5433");
        assertThat(valid().url("jdbc:postgresql://[::1]:5432/app").build().url()).contains("[::1]");
    }

    @Test
    void badDriverPropertyInTheUrlIsRefused() {
        assertThatThrownBy(() -> valid().url(URL + "?socketTimeout=soon").build())
                .hasMessage("Invalid driver property socketTimeout='soon': it must be a whole number of seconds,"
                        + " 0 or more (0 means no limit)");
    }

    @Test
    void readsEveryKeyFromProperties() {
        Properties p = new Properties();
        p.setProperty("alberca.url", URL);
        p.setProperty("alberca.user", "app");
        p.setProperty("alberca.password", "pw");
        p.setProperty("alberca.pool-name", "lesson");
        p.setProperty("alberca.min-size", "1");
        p.setProperty("alberca.max-size", "5");
        p.setProperty("alberca.acquire-timeout", "5s");
        p.setProperty("alberca.max-waiting", "20");
        p.setProperty("alberca.max-lifetime", "1h");
        p.setProperty("alberca.idle-timeout", "2m");
        p.setProperty("alberca.validation-timeout", "500ms");
        p.setProperty("alberca.init-sql", "set timezone to 'UTC'");
        p.setProperty("alberca.leak-detection-threshold", "PT10S");
        p.setProperty("alberca.provider", "simple");
        p.setProperty("alberca.driver.sslmode", "disable");
        p.setProperty("alberca.extra.hikari.keepaliveTime", "60000");
        p.setProperty("unrelated.key", "ignored");
        PoolConfig c = PoolConfig.fromProperties(p);
        assertThat(c.poolName()).isEqualTo("lesson");
        assertThat(c.maxSize()).isEqualTo(5);
        assertThat(c.acquireTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxWaiting()).isEqualTo(20);
        assertThat(c.maxLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.validationTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.initSql()).contains("set timezone to 'UTC'");
        assertThat(c.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.provider()).contains("simple");
        assertThat(c.driverProperties()).containsEntry("sslmode", "disable");
        assertThat(c.extrasFor("hikari")).containsEntry("keepaliveTime", "60000");
    }

    @Test
    void anUnknownPropertyKeyIsRefusedAsATypo() {
        Properties p = new Properties();
        p.setProperty("alberca.url", URL);
        p.setProperty("alberca.maxsize", "5");
        assertThatThrownBy(() -> PoolConfig.fromProperties(p)).hasMessageStartingWith(
                "Unknown pool setting alberca.maxsize: the keys are alberca.acquire-timeout");
    }

    @Test
    void aDurationWithoutUnitIsRefused() {
        Properties p = new Properties();
        p.setProperty("alberca.url", URL);
        p.setProperty("alberca.acquire-timeout", "5");
        assertThatThrownBy(() -> PoolConfig.fromProperties(p)).hasMessage("Invalid pool setting acquire-timeout='5':"
                + " it is not a duration; write it with a unit, like 500ms, 5s, 2m, 1h or PT5S");
    }

    @Test
    void readsTheEnvironment() {
        PoolConfig c = PoolConfig.fromEnvironment(Map.of("ALBERCA_URL", URL, "ALBERCA_MAX_SIZE", "5",
                "ALBERCA_ACQUIRE_TIMEOUT", "5s", "ALBERCA_DRIVER_sslmode", "disable",
                "ALBERCA_EXTRA_hikari_keepaliveTime", "60000", "HOME", "/root"));
        assertThat(c.maxSize()).isEqualTo(5);
        assertThat(c.acquireTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.driverProperties()).containsEntry("sslmode", "disable");
        assertThat(c.extras()).containsEntry("hikari.keepaliveTime", "60000");
    }

    @Test
    void anUnknownEnvironmentVariableIsRefused() {
        assertThatThrownBy(() -> PoolConfig.fromEnvironment(Map.of("ALBERCA_URL", URL, "ALBERCA_MAXSIZE", "5")))
                .hasMessageStartingWith("Unknown pool setting in environment variable ALBERCA_MAXSIZE");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        PoolConfig c = valid().poolName("p").maxSize(7).driverProperty("sslmode", "disable").extra("hikari.x", "1").build();
        PoolConfig copy = c.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(c.toString());
        assertThat(copy.password()).isEqualTo(c.password());
    }
}
