package dev.alberca.demo;

import dev.alberca.persona.dao.Persona;

import java.io.PrintWriter;
import java.util.List;

/** How the demo prints: numbered steps of one plain line each, indented details, persona rows. */
final class Output {

    private final PrintWriter out;
    private final int steps;
    private int step;

    /** @param steps how many steps {@link #step} will announce (0 when not counting) */
    Output(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** Announces the next step on one line, e.g. {@code step 3/13: one scoped borrow}. */
    void step(String title) {
        step++;
        out.println();
        out.println("step " + step + "/" + steps + ": " + title);
        out.flush();
    }

    /** One detail line under the current step. */
    void detail(String format, Object... args) {
        out.println("  " + String.format(format, args));
        out.flush();
    }

    /** A plain line. */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Rows as a small table, under a header; "(no rows)" when empty. */
    void personas(List<Persona> rows, String indent) {
        if (rows.isEmpty()) {
            out.println(indent + "(no rows)");
        } else {
            out.println(indent + String.format("%-6s %-20s %-20s %s", "id", "nombre", "apellido", "email"));
            for (Persona p : rows) {
                out.println(indent + String.format("%-6d %-20s %-20s %s", p.id(), p.nombre(), p.apellido(),
                        p.email()));
            }
        }
        out.flush();
    }
}
