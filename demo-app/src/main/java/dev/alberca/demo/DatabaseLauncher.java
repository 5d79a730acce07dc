package dev.alberca.demo;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/** Turns the database options into a running {@link Database}: a real server, or an embedded one. */
final class DatabaseLauncher {

    /** The environment variable the password of {@code --url} comes from. */
    static final String PASSWORD_VARIABLE = "ALBERCA_PASSWORD";

    private DatabaseLauncher() {
    }

    static Database open(Main options, CommandLine cl) {
        PrintWriter err = cl.getErr();
        if (options.url == null) {
            if (options.user != null) {
                throw new ParameterException(cl, "--user goes with --url: the embedded PostgreSQL's user is"
                        + " always postgres");
            }
            return EmbeddedDatabase.start(options.dataDir, err);
        }
        if (options.dataDir != null) {
            throw new ParameterException(cl, "--data-dir is for the embedded PostgreSQL; it does not go with --url");
        }
        return new ExternalDatabase(options.url, options.user, password(options, options.environment, err));
    }

    /** From ALBERCA_PASSWORD, else from a prompt without echo; never from the command line. */
    private static String password(Main options, Environment environment, PrintWriter err) {
        String fromEnvironment = environment.variables().apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        char[] typed = environment.passwordPrompt().apply("password for " + (options.user == null ? "the default user"
                : "user " + options.user) + " at " + Masks.url(options.url) + ": ");
        if (typed == null) {
            err.println("note: " + PASSWORD_VARIABLE + " is not set and there is no console to ask for a password;"
                    + " connecting without one");
            err.flush();
            return null;
        }
        return new String(typed);
    }
}
