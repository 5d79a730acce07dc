package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.spi.ConnectionProvider;

import java.lang.module.ModuleDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks, on the module path, that a provider module shows nothing but its service, and that the API
 * module exports only the API.
 *
 * <pre>{@code
 * @Test void moduleExportsNothingAndProvidesThePool() {
 *     ModuleDescriptors.assertProviderModule(MyProvider.class);
 * }
 * }</pre>
 */
public final class ModuleDescriptors {

    private ModuleDescriptors() {
    }

    /** The provider's module exports no package and provides {@link ConnectionProvider} with {@code provider}. */
    public static void assertProviderModule(Class<? extends ConnectionProvider> provider) {
        Module module = provider.getModule();
        assertThat(module.isNamed()).as("%s runs as a named module (on the module path)", provider).isTrue();
        ModuleDescriptor d = module.getDescriptor();
        assertThat(d.exports()).as("packages exported by %s", d.name()).isEmpty();
        assertThat(d.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(ConnectionProvider.class.getName());
            assertThat(p.providers()).containsExactly(provider.getName());
        });
        assertThat(d.name()).isEqualTo(provider.getPackageName());
        assertApiModule();
    }

    /** The API module exports exactly its two API packages and uses {@link ConnectionProvider}. */
    public static void assertApiModule() {
        ModuleDescriptor api = ConnectionPool.class.getModule().getDescriptor();
        assertThat(api.name()).isEqualTo("dev.alberca.pool.api");
        assertThat(api.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.alberca.pool.api", "dev.alberca.pool.api.spi");
        assertThat(api.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(api.uses()).containsExactly(ConnectionProvider.class.getName());
    }
}
