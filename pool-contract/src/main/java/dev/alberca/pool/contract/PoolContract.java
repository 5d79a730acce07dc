package dev.alberca.pool.contract;

/**
 * The whole contract. A provider proves it keeps it with one test class:
 *
 * <pre>{@code
 * class MyPoolContractTest implements PoolContract {
 *     @Override public String providerName() { return "mine"; }
 * }
 * }</pre>
 *
 * <p>The suite opens pools through {@link dev.alberca.pool.api.ConnectionPools} by provider name, so it
 * also proves discovery. It runs on an embedded PostgreSQL it starts itself, or on the server named by
 * {@value TestDatabase#URL_VARIABLE}. A clause the provider declares missing
 * ({@code ConnectionProvider.missingCapabilities()}) is reported as not supported, never passed silently.
 */
public interface PoolContract extends LessonsContract, ResetContract, ConcurrencyContract, WaitingContract,
        CloseContract, BadInputContract, StatsContract, DiscoveryContract, FaultContract, LeakContract {
}
