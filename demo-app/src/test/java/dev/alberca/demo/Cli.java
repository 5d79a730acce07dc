package dev.alberca.demo;

import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.api.spi.ConnectionProvider;
import dev.alberca.pool.contract.TestDatabase;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs the demo in-process, as the command line would, and keeps what it printed. */
final class Cli {

    /** What one run returned and printed. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** With the real module path, no environment variables and no console. */
    static Run run(String... args) {
        return run(ConnectionPools::providers, Map.of(), args);
    }

    /** Against the test server of pool-contract: {@code --url} and {@code --user} added, the password in env. */
    static Run runOnTestDatabase(String... args) {
        TestDatabase db = TestDatabase.get();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--url=" + db.url());
        all.add("--user=" + db.user());
        Map<String, String> env = db.password() == null ? Map.of()
                : Map.of(DatabaseLauncher.PASSWORD_VARIABLE, db.password());
        return run(ConnectionPools::providers, env, all.toArray(String[]::new));
    }

    static Run run(Supplier<List<ConnectionProvider>> providers, Map<String, String> env, String... args) {
        Main.quietLogging();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new Main(new Environment(env::get, providers, prompt -> null)).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
