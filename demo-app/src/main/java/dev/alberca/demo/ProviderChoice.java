package dev.alberca.demo;

import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.api.spi.ConnectionProvider;

/** Which pool provider the app will use, settled before any database starts. */
final class ProviderChoice {

    /** Printed, with exit code 2, when the module path holds no provider. */
    static final String NO_PROVIDER = """
            no connection pool provider on the module path.
            Put the app's folder and one provider's folder on it, for example:
              java -p demo-app/target/modules:pool-simple/target/modules --add-modules ALL-MODULE-PATH -m dev.alberca.demo
            or swap pool-simple/target/modules for pool-hikari/target/modules or pool-dbcp/target/modules.""";

    /** Any URL: the choice depends on the providers present and the name asked for, not on the database. */
    private static final String ANY_URL = "jdbc:postgresql://localhost/postgres";

    private ProviderChoice() {
    }

    /**
     * The provider named by {@code --provider}, else by {@code -Dalberca.provider} or
     * {@code ALBERCA_PROVIDER}, else the only one present.
     *
     * @throws DemoFailure exit code 2, with advice, when none is present or the choice is unclear
     */
    static ConnectionProvider choose(Environment environment, String wanted) {
        if (environment.providers().get().isEmpty()) {
            throw DemoFailure.usage(NO_PROVIDER);
        }
        try {
            return ConnectionPools.choose(PoolConfig.builder().url(ANY_URL).provider(wanted).build());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw DemoFailure.usage(e.getMessage() + "\n(the demo's option for the name is --provider NAME)");
        }
    }
}
