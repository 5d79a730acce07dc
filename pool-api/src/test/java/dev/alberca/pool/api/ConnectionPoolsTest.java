package dev.alberca.pool.api;

import dev.alberca.pool.api.spi.ConnectionProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionPoolsTest {

    private static final PoolConfig ANY = PoolConfig.builder().url("jdbc:postgresql://h/db").build();

    private static ConnectionProvider named(String name) {
        return new ConnectionProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ConnectionPool open(PoolConfig config) {
                throw new UnsupportedOperationException("not opened in these tests");
            }
        };
    }

    private static ConnectionProvider choose(PoolConfig config, List<ConnectionProvider> found,
                                             Map<String, String> props, Map<String, String> env) {
        return ConnectionPools.choose(config, found, props::get, env::get);
    }

    @Test
    void theOnlyProviderIsUsed() {
        assertThat(choose(ANY, List.of(named("simple")), Map.of(), Map.of()).name()).isEqualTo("simple");
    }

    @Test
    void theConfigWinsOverPropertyAndEnvironment() {
        PoolConfig config = ANY.toBuilder().provider("dbcp").build();
        assertThat(choose(config, List.of(named("hikari"), named("dbcp")),
                Map.of("alberca.provider", "hikari"), Map.of("ALBERCA_PROVIDER", "hikari")).name()).isEqualTo("dbcp");
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertThat(choose(ANY, List.of(named("hikari"), named("dbcp")), Map.of("alberca.provider", "hikari"),
                Map.of("ALBERCA_PROVIDER", "dbcp")).name()).isEqualTo("hikari");
        assertThat(choose(ANY, List.of(named("hikari"), named("dbcp")), Map.of(),
                Map.of("ALBERCA_PROVIDER", "dbcp")).name()).isEqualTo("dbcp");
    }

    @Test
    void severalAndNoneNamedListsThem() {
        assertThatThrownBy(() -> choose(ANY, List.of(named("simple"), named("hikari")), Map.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Found 2 connection pool providers [hikari, simple] and none was named");
    }

    @Test
    void noneFoundNamesTheModulesToAdd() {
        assertThatThrownBy(() -> choose(ANY, List.of(), Map.of(), Map.of()))
                .hasMessageContaining("No connection pool provider found")
                .hasMessageContaining("dev.alberca.pool.simple (pool-simple)");
    }

    @Test
    void aNamedProviderThatIsAbsentIsReportedWithWhereTheNameCameFrom() {
        assertThatThrownBy(() -> choose(ANY, List.of(named("simple")), Map.of("alberca.provider", "hikari"), Map.of()))
                .hasMessage("Connection pool provider 'hikari' (from system property alberca.provider) is not"
                        + " present; found [simple]. Name one of those, or add the module of 'hikari'");
    }
}
