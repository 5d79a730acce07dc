package dev.alberca.pool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the ratios of one run as an SVG bar chart: for every stub-driver case, {@code simple},
 * {@code hikari} and {@code dbcp} against the library used directly; for the database, each provider
 * against the no-pool ceiling, and each adapter against its library used directly. A bar past the dashed line at 1.0 is faster than what it is measured against.
 *
 * <pre>
 * java -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Chart pool-bench/results/quick.json quick.svg
 * </pre>
 */
public final class Chart {

    private static final int LABEL = 360;
    private static final int PLOT = 420;
    private static final int BAR = 13;
    private static final double MAX = 2.0;

    private record Bar(String name, double ratio, String colour) {
    }

    private Chart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Chart <jmh-result.json> <chart.svg>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), svg(Report.rows(Files.readString(Path.of(args[0])))));
    }

    static String svg(List<Report.Row> rows) {
        List<Object> lines = new ArrayList<>(); // a String is a case label, a Bar one bar under it
        for (Report.Row r : rows) {
            List<Bar> bars = new ArrayList<>();
            if (r.group.equals("cycle")) {
                add(bars, "simple / raw-hikari", r.ratio("simple", "raw-hikari"), "#1b7837");
                add(bars, "hikari / raw-hikari", r.ratio("hikari", "raw-hikari"), "#2166ac");
                add(bars, "dbcp / raw-dbcp", r.ratio("dbcp", "raw-dbcp"), "#b2182b");
            } else if (r.group.equals("db")) {
                add(bars, "simple / no pool", r.ratio("simple", "none"), "#1b7837");
                add(bars, "hikari / no pool", r.ratio("hikari", "none"), "#2166ac");
                add(bars, "dbcp / no pool", r.ratio("dbcp", "none"), "#b2182b");
                add(bars, "hikari / raw-hikari", r.ratio("hikari", "raw-hikari"), "#92c5de");
                add(bars, "dbcp / raw-dbcp", r.ratio("dbcp", "raw-dbcp"), "#f4a582");
            }
            if (!bars.isEmpty()) {
                lines.add(r.label);
                lines.addAll(bars);
            }
        }
        int height = 60;
        for (Object o : lines) {
            height += o instanceof String ? 22 : BAR + 3;
        }
        int width = LABEL + PLOT + 80;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Alberca pools: throughput ratios"
                + " from one run (higher is better; 1.0 = as fast as the reference)</text>\n");
        int y = 40;
        double one = x(1.0);
        for (Object o : lines) {
            if (o instanceof String) {
                y += 18;
                s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n", y,
                        escape((String) o)));
                y += 4;
            } else {
                Bar b = (Bar) o;
                double w = x(Math.min(b.ratio, MAX)) - LABEL;
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                        LABEL - 8, y + BAR - 2, escape(b.name)));
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                        LABEL, y, w, BAR, b.colour));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2f×%s</text>%n", LABEL + w + 4,
                        y + BAR - 2, b.ratio, b.ratio > MAX ? " (bar cut at " + MAX + ")" : ""));
                y += BAR + 3;
            }
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"32\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\""
                + " stroke-dasharray=\"4 3\"/>%n", one, one, height - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1.0</text>%n", one,
                height - 0 - 1));
        return s.append("</svg>\n").toString();
    }

    private static void add(List<Bar> bars, String name, double ratio, String colour) {
        if (!Double.isNaN(ratio)) {
            bars.add(new Bar(name, ratio, colour));
        }
    }

    private static double x(double ratio) {
        return LABEL + ratio / MAX * PLOT;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
