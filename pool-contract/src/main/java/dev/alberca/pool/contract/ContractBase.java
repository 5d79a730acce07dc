package dev.alberca.pool.contract;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every part of the contract shares: the provider under test, and the {@link PoolFixture} each
 * test method receives as a parameter.
 */
@ExtendWith(PoolFixture.Extension.class)
public interface ContractBase {

    /** The name of the provider under test, as {@code ConnectionProvider.name()} answers. */
    String providerName();
}
