package dev.alberca.demo;

import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.spi.ConnectionProvider;

import java.io.Console;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the app takes from around it: environment variables, the providers on the module path, a console
 * to ask for a password. Tests pass their own.
 *
 * @param variables reads an environment variable (null if unset)
 * @param providers the pool providers present
 * @param passwordPrompt asks for a password with this prompt, without echo; null when there is no console
 */
record Environment(Function<String, String> variables, Supplier<List<ConnectionProvider>> providers,
                   Function<String, char[]> passwordPrompt) {

    /** The real process: System.getenv, ServiceLoader (through ConnectionPools), System.console(). */
    static Environment system() {
        return new Environment(System::getenv, ConnectionPools::providers, prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        });
    }
}
