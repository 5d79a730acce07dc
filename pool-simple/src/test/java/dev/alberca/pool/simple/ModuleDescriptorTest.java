package dev.alberca.pool.simple;

import dev.alberca.pool.contract.ModuleDescriptors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void moduleExportsNothingAndProvidesThePool() {
        ModuleDescriptors.assertProviderModule(SimpleConnectionProvider.class);
    }
}
