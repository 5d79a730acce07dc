package dev.alberca.demo;

import dev.alberca.pool.api.spi.ConnectionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code providers}: the pool providers on the module path, and the one the other commands would use. */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "Lists the pool providers on the module path and says which one would be used.")
final class ProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main options = (Main) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        List<ConnectionProvider> found = options.environment.providers().get();
        if (found.isEmpty()) {
            throw DemoFailure.usage(ProviderChoice.NO_PROVIDER);
        }
        out.println("pool providers on the module path:");
        for (ConnectionProvider p : found) {
            out.printf("  %-8s module %s%n", p.name(), p.getClass().getModule().getName());
            p.missingCapabilities().forEach((capability, instead) ->
                    out.printf("           cannot: %s; instead: %s%n", capability.clause(), instead));
        }
        try {
            ConnectionProvider chosen = ProviderChoice.choose(options.environment, options.provider);
            out.println("would use: " + chosen.name());
        } catch (DemoFailure e) {
            if (options.provider != null) {
                throw e; // a name that is not there is a usage error
            }
            out.println("would use: none yet; " + e.getMessage());
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
