package dev.alberca.pool.simple;

import dev.alberca.pool.contract.PoolContract;

/** Alberca's own pool keeps the contract. */
class SimplePoolContractTest implements PoolContract {

    @Override
    public String providerName() {
        return "simple";
    }
}
