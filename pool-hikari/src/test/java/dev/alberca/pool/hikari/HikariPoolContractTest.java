package dev.alberca.pool.hikari;

import dev.alberca.pool.contract.PoolContract;

/** HikariCP keeps the Alberca contract. */
class HikariPoolContractTest implements PoolContract {

    @Override
    public String providerName() {
        return "hikari";
    }
}
