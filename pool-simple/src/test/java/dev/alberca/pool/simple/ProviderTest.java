package dev.alberca.pool.simple;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.PoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider as the facade sees it. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProviderTest {

    @Test
    void isFoundByNameSimple() {
        assertThat(ConnectionPools.providerNames()).contains("simple");
        assertThat(new SimpleConnectionProvider().name()).isEqualTo("simple");
    }

    @Test
    void opensWhileNothingListensAndClosesAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PoolConfig config = PoolConfig.builder().url("jdbc:postgresql://127.0.0.1:" + port + "/db").provider("simple")
                .minSize(2).acquireTimeout(Duration.ofSeconds(1)).build();
        ConnectionPool pool = ConnectionPools.open(config);
        assertThat(pool.isClosed()).isFalse();
        assertThat(pool.config()).isSameAs(config);
        pool.close();
        pool.close();
        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void refusesExtraSettingsItDoesNotHave() {
        PoolConfig config = PoolConfig.builder().url("jdbc:postgresql://127.0.0.1:5432/db")
                .extra("simple.fastPath", "off").build();
        assertThatThrownBy(() -> new SimpleConnectionProvider().open(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simple.fastPath");
    }
}
