package dev.alberca.demo;

import dev.alberca.persona.dao.Persona;
import dev.alberca.persona.dao.PersonaDao;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code persona list|show|add|update|delete}: the persona table for real use. Results go to stdout; notes
 * about the database go to stderr.
 */
@Command(name = "persona", mixinStandardHelpOptions = true,
        description = "Lists, shows, adds, updates and deletes personas (the lessons' table).",
        subcommands = {
            PersonaCommand.ListPersonas.class, PersonaCommand.Show.class, PersonaCommand.Add.class,
            PersonaCommand.Update.class, PersonaCommand.Delete.class})
final class PersonaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: persona list, show, add, update or delete");
    }

    /** The work of one persona command, on an open session. */
    @FunctionalInterface
    interface Work {
        void run(PersonaDao dao, Output out);
    }

    /** Opens a session, does the work, closes the session. */
    static int withDao(CommandSpec spec, Work work) throws Exception {
        CommandLine cl = spec.commandLine();
        try (Session session = Session.open((Main) spec.root().userObject(), cl)) {
            work.run(session.dao(), new Output(cl.getOut(), 0));
        }
        return CommandLine.ExitCode.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists personas by id, one page at a time.")
    static final class ListPersonas implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
                description = "Skip the first N (default: ${DEFAULT-VALUE}).")
        int offset;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                description = "Show at most N, 1 to " + PersonaDao.MAX_PAGE + " (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            if (offset < 0) {
                throw new ParameterException(spec.commandLine(), "--offset must be 0 or more, got " + offset);
            }
            if (limit < 1 || limit > PersonaDao.MAX_PAGE) {
                throw new ParameterException(spec.commandLine(), "--limit must be between 1 and "
                        + PersonaDao.MAX_PAGE + ", got " + limit);
            }
            return withDao(spec, (dao, out) -> {
                List<Persona> page = dao.list(offset, limit);
                out.personas(page, "");
                long total = dao.count();
                out.line(page.isEmpty() ? total + " in the table"
                        : "shown " + (offset + 1) + "-" + (offset + page.size()) + " of " + total);
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the persona with this id.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The persona's id.")
        long id;

        @Override
        public Integer call() throws Exception {
            return withDao(spec, (dao, out) -> out.personas(List.of(dao.findById(id).orElseThrow(
                    () -> DemoFailure.failed("show persona id " + id + ": not found, no persona has this id"))), ""));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a persona and prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nombre", required = true, paramLabel = "TEXT",
                description = "First name, 1 to " + Persona.MAX_NOMBRE + " characters.")
        String nombre;

        @Option(names = "--apellido", required = true, paramLabel = "TEXT",
                description = "Last name, 1 to " + Persona.MAX_APELLIDO + " characters.")
        String apellido;

        @Option(names = "--email", required = true, paramLabel = "ADDRESS",
                description = "E-mail address, unique, up to " + Persona.MAX_EMAIL + " characters.")
        String email;

        @Override
        public Integer call() throws Exception {
            return withDao(spec, (dao, out) -> {
                long id = dao.insert(Persona.of(nombre, apellido, email));
                out.line("added persona id " + id);
                out.personas(List.of(dao.findById(id).orElseThrow()), "");
            });
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Changes the given values of the persona with this id; the others stay.")
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The persona's id.")
        long id;

        @Option(names = "--nombre", paramLabel = "TEXT", description = "New first name.")
        String nombre;

        @Option(names = "--apellido", paramLabel = "TEXT", description = "New last name.")
        String apellido;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "New e-mail address.")
        String email;

        @Override
        public Integer call() throws Exception {
            if (nombre == null && apellido == null && email == null) {
                throw new ParameterException(spec.commandLine(), "Nothing to update: give --nombre, --apellido"
                        + " or --email");
            }
            return withDao(spec, (dao, out) -> {
                Persona before = dao.findById(id).orElseThrow(
                        () -> DemoFailure.failed("update persona id " + id + ": not found, no persona has this id"));
                Persona after = new Persona(id, nombre == null ? before.nombre() : nombre,
                        apellido == null ? before.apellido() : apellido, email == null ? before.email() : email);
                dao.update(after);
                out.line("updated persona id " + id);
                out.personas(List.of(dao.findById(id).orElseThrow()), "");
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes the persona with this id.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The persona's id.")
        long id;

        @Override
        public Integer call() throws Exception {
            return withDao(spec, (dao, out) -> {
                dao.delete(id);
                out.line("deleted persona id " + id);
            });
        }
    }
}
