package dev.alberca.pool.dbcp;

import dev.alberca.pool.contract.ModuleDescriptors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void moduleExportsNothingAndProvidesThePool() {
        ModuleDescriptors.assertProviderModule(DbcpConnectionProvider.class);
    }
}
