package dev.alberca.demo;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the module's version, as the jar plugin wrote it into module-info.class. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Module module = Version.class.getModule();
        String version = module.getDescriptor() == null ? null
                : module.getDescriptor().rawVersion().orElse(null);
        return new String[] {"alberca demo " + (version == null ? "(unversioned build)" : version)
                + ", Java " + Runtime.version()};
    }
}
