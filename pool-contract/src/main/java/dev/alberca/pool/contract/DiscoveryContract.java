package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.spi.ConnectionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;

import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider is found through {@link ConnectionPools}, by name, the way users find it. */
public interface DiscoveryContract extends ContractBase {

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void providerIsFoundByItsName(PoolFixture f) throws Exception {
        assertThat(ConnectionPools.providerNames()).contains(f.provider());
        ConnectionProvider p = ConnectionPools.choose(f.config().build());
        assertThat(p.name()).isEqualTo(f.provider());
        ConnectionPool pool = f.open(f.config());
        assertThat(pool.providerName()).isEqualTo(f.provider());
        try (Connection c = pool.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void anAbsentProviderIsNamedInTheError(PoolFixture f) {
        assertThatThrownBy(() -> f.open(f.config().provider("no-such-pool")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'no-such-pool'").hasMessageContaining(f.provider());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void missingCapabilitiesSayWhatTheProviderDoesInstead(PoolFixture f) {
        ConnectionProvider p = ConnectionPools.choose(f.config().build());
        p.missingCapabilities().forEach((capability, instead) ->
                assertThat(instead).as("what %s does instead of: %s", f.provider(), capability.clause()).isNotBlank());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void poolIsADataSourceThatUnwrapsToItself(PoolFixture f) throws Exception {
        ConnectionPool pool = f.open(f.config());
        javax.sql.DataSource ds = pool;
        assertThat(ds.isWrapperFor(ConnectionPool.class)).isTrue();
        assertThat(ds.unwrap(ConnectionPool.class)).isSameAs(pool);
        assertThatThrownBy(() -> ds.getConnection("someone", "else")).isInstanceOf(java.sql.SQLException.class)
                .hasMessageContaining(f.name());
        try (Connection c = ds.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }
}
