package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.spi.ConnectionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks, on the module path, that a provider module shows nothing but its service (and registers it for
 * the class path too), and that the API module exports only the API.
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
        assertClassPathRegistration(provider);
        assertApiModule();
    }

    /** The jar also registers the provider in {@code META-INF/services}, for class-path users. */
    public static void assertClassPathRegistration(Class<? extends ConnectionProvider> provider) {
        String file = "META-INF/services/" + ConnectionProvider.class.getName();
        try (InputStream in = provider.getModule().getResourceAsStream(file)) {
            assertThat(in).as("%s in the module of %s", file, provider.getName()).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")))
                    .containsExactly(provider.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
