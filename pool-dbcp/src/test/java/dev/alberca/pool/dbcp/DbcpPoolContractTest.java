package dev.alberca.pool.dbcp;

import dev.alberca.pool.contract.PoolContract;

/** DBCP2 keeps the Alberca contract. */
class DbcpPoolContractTest implements PoolContract {

    @Override
    public String providerName() {
        return "dbcp";
    }
}
