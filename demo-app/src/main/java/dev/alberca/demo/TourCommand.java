package dev.alberca.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tour}, the default command: the lessons step by step. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {
            "The two lessons step by step: the pool's settings (min 1, max 5), check(), scoped borrows and their"
                    + " reuse, explicit borrow and release, five held and a sixth failing with the pool timeout,"
                    + " persona insert, list, update and delete, the stats, close(), and a borrow after close.",
            "This is what runs when no command is given."})
final class TourCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run((Main) spec.root().userObject(), spec.commandLine());
    }

    static int run(Main options, CommandLine cl) throws Exception {
        long start = System.nanoTime();
        PrintWriter out = cl.getOut();
        String provider;
        try (Session session = Session.open(options, cl)) {
            provider = session.pool().providerName();
            new Tour(session.pool(), session.dao(), new Output(out, Tour.STEPS)).run();
        }
        out.printf(Locale.ROOT, "%ntour done in %.1f s with provider %s%n", (System.nanoTime() - start) / 1e9,
                provider);
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
