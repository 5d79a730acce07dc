package dev.alberca.pool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns JMH's JSON into the tables of BENCHMARKS.md: one row per case (benchmark, threads, pool size,
 * thread kind), a column per contestant, and the ratios the targets are stated in, all from the same run.
 *
 * <p>A ratio is that of the two scores, each the mean of all its iterations. {@link Bench} writes a case
 * that ran in rounds as one result per contestant whose forks are the rounds, in round order; when there
 * is more than one round, the table also gives the lowest and highest ratio within one round,
 * {@code 0.98× (0.95–1.01)}: how far the ratio moved while both ran side by side; with three rounds or
 * more, the median of the rounds' ratios follows, {@code 0.93× (0.28–1.92, median 1.02)}. (Files written
 * before the rounds, {@code results/full*.json}, ran a contestant's two forks back to back: there the range
 * pairs the first forks and the second forks, not rounds.)
 *
 * <pre>
 * java -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Report pool-bench/results/quick.json
 * </pre>
 */
public final class Report {

    /** What the turns' calls are divided by. */
    private static final String TURNS_TIME = " (time: the wall-clock time of each side's turns; in files from before"
            + " it was counted, the threads' time)";

    /**
     * One measured number, JMH's 99.9 % error on it, the mean of each of its forks in order ({@link Bench}'s
     * rounds), and how many forks were run (more than {@code forks.size()} when some failed).
     */
    record Score(double value, double error, String unit, List<Double> forks, int forksRun) {
    }

    /** A row: the case, and each contestant's score (the mean when a contestant ran twice). */
    static final class Row {
        final String group;
        final String label;
        final Map<String, Score> scores = new LinkedHashMap<>();
        final Map<String, Double> extra = new LinkedHashMap<>();
        final Map<String, Integer> runs = new LinkedHashMap<>();

        Row(String group, String label) {
            this.group = group;
            this.label = label;
        }

        double ratio(String a, String b) {
            Score x = scores.get(a);
            Score y = scores.get(b);
            return x == null || y == null ? Double.NaN : x.value() / y.value();
        }

        /**
         * The lowest and highest ratio of {@code a} to {@code b} within one round, or null: with a single
         * round, or when either lost a round (then their forks no longer pair up round by round).
         */
        double[] roundRange(String a, String b) {
            double[] q = roundRatios(a, b);
            return q == null ? null : new double[] {q[0], q[q.length - 1]};
        }

        /**
         * The median of the rounds' ratios of {@code a} to {@code b}, or NaN with fewer than three rounds or
         * when either lost a round. Next to the ratio of the means it tells a case that a few slow rounds
         * (the machine's, hitting one contestant) pull down from one that is slower round after round.
         */
        double medianRound(String a, String b) {
            double[] q = roundRatios(a, b);
            return q == null || q.length < 3 ? Double.NaN : median(q);
        }

        /** Each round's ratio, sorted; null with one round or when the forks no longer pair up by round. */
        private double[] roundRatios(String a, String b) {
            Score x = scores.get(a);
            Score y = scores.get(b);
            if (x == null || y == null || x.forksRun() < 2 || x.forksRun() != y.forksRun()
                    || x.forks().size() != x.forksRun() || y.forks().size() != y.forksRun()) {
                return null;
            }
            double[] q = new double[x.forks().size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = x.forks().get(i) / y.forks().get(i);
            }
            Arrays.sort(q);
            return q;
        }
    }

    /** Said under every table with ratios. */
    private static final String RANGE = " (in brackets, with more than one round: the lowest and highest ratio"
            + " within one round; with three or more, also the median of the rounds' ratios)";

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "pool-bench/results/quick.json");
        String base = json.toString().replaceFirst("\\.json$", "");
        write(json, Path.of(base + "-roundtrips.json"), Path.of(base + "-failures.txt"), Path.of(base + ".md"),
                Path.of(base + ".svg"));
        System.out.print(Files.readString(Path.of(base + ".md")));
    }

    /** Writes the table (markdown) and the chart (SVG) for one run. */
    static void write(Path json, Path roundTrips, Path failures, Path markdown, Path svg) throws IOException {
        List<Row> rows = rows(Files.readString(json));
        StringBuilder md = new StringBuilder();
        table(md, rows, "cycle", "ops/ms; ratios from the same run" + RANGE, new String[] {"simple", "hikari", "dbcp",
            "raw-hikari", "raw-dbcp"}, new String[][] {{"simple", "raw-hikari"}, {"hikari", "raw-hikari"},
                {"dbcp", "raw-dbcp"}, {"simple", "raw-dbcp"}});
        table(md, rows, "alloc", "bytes allocated per operation (`-prof gc`, gc.alloc.rate.norm)",
                new String[] {"simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"}, new String[0][]);
        table(md, rows, "cold", "µs per burst (open an empty pool, max borrowers at once, give back, close);"
                + " failures = borrowers left without a connection", new String[] {"simple", "hikari", "dbcp",
                    "raw-hikari", "raw-dbcp"}, new String[0][]);
        table(md, rows, "db", "findById calls/ms; ratios to the no-pool ceiling, and of each adapter to its library"
                + " used directly" + RANGE, new String[] {"none", "simple", "hikari", "dbcp", "raw-hikari", "raw-dbcp"},
                new String[][] {{"simple", "none"}, {"hikari", "none"}, {"dbcp", "none"}, {"raw-hikari", "none"},
                    {"raw-dbcp", "none"}, {"hikari", "raw-hikari"}, {"dbcp", "raw-dbcp"}});
        turnsTable(md, rows, "cycle-turns", "borrow/close cycles per unit of time of each contestant over the library it is"
                + " raced against" + TURNS_TIME + ", taking turns in one fork (" + Turns.SLICE_MILLIS + " ms slices); each library"
                + " against a second pool of its own is the calibration", Contestant.ALL, CycleInterleaved::library);
        turnsTable(md, rows, "turns", "findById calls per unit of time through the pool over the same on a connection"
                + " held per thread" + TURNS_TIME + ", taking turns in one fork (" + Turns.SLICE_MILLIS + " ms slices); `none`: a held"
                + " connection on both sides, the calibration", PkSelect.CONTESTANTS, c -> "none");
        if (Files.exists(roundTrips)) {
            md.append("\nRound trips per `findById` on a warm pool (server transaction count / calls): `")
                    .append(Files.readString(roundTrips).strip()).append("`\n");
        }
        if (Files.exists(failures)) {
            List<String> failed = Files.readAllLines(failures);
            md.append("\nFailed runs: ").append(failed.isEmpty() ? "none" : String.join("; ", failed)).append('\n');
        }
        Files.writeString(markdown, md);
        Files.writeString(svg, Chart.svg(rows));
    }

    private static void table(StringBuilder md, List<Row> rows, String group, String caption, String[] columns,
                              String[][] ratios) {
        List<Row> mine = new ArrayList<>();
        for (Row r : rows) {
            if (r.group.equals(group)) {
                mine.add(r);
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        md.append("\n").append(caption).append("\n\n| case |");
        for (String c : columns) {
            md.append(' ').append(c).append(" |");
        }
        for (String[] r : ratios) {
            md.append(' ').append(r[0]).append(" / ").append(r[1]).append(" |");
        }
        md.append("\n|---|");
        md.append("---:|".repeat(columns.length + ratios.length)).append('\n');
        for (Row r : mine) {
            md.append("| ").append(r.label).append(" |");
            for (String c : columns) {
                Score s = r.scores.get(c);
                md.append(' ').append(s == null ? "—" : number(s.value(), group.equals("alloc")));
                if (s != null && group.equals("cycle") || s != null && group.equals("db")) {
                    md.append(" ± ").append(number(s.error(), false));
                }
                Double f = r.extra.get(c);
                if (f != null) {
                    md.append(" (failures ").append(String.format(Locale.ROOT, "%.0f", f)).append(')');
                }
                md.append(" |");
            }
            for (String[] q : ratios) {
                double x = r.ratio(q[0], q[1]);
                double[] range = r.roundRange(q[0], q[1]);
                md.append(' ').append(Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "**%.2f×**", x));
                if (!Double.isNaN(x) && range != null) {
                    double median = r.medianRound(q[0], q[1]);
                    md.append(String.format(Locale.ROOT, " (%.2f–%.2f", range[0], range[1]))
                            .append(Double.isNaN(median) ? "" : String.format(Locale.ROOT, ", median %.2f", median))
                            .append(')');
                }
                md.append(" |");
            }
            md.append('\n');
        }
    }

    /**
     * The ratios of a benchmark that takes turns (CycleInterleaved, PkSelectInterleaved): one per contestant
     * and case, with the range and median of its forks; {@code against} names the other side of a contestant.
     */
    private static void turnsTable(StringBuilder md, List<Row> rows, String group, String caption, String[] contestants,
                                   Function<String, String> against) {
        List<Row> mine = rows.stream().filter(r -> r.group.equals(group)).toList();
        if (mine.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        for (String c : contestants) {
            if (mine.stream().anyMatch(r -> r.scores.containsKey(c))) {
                columns.add(c);
            }
        }
        md.append('\n').append(caption).append(" (in brackets: the lowest and highest fork, and their median with"
                + " three or more)\n\n| case |");
        columns.forEach(c -> md.append(' ').append(c).append(" / ").append(against.apply(c)).append(" |"));
        md.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
        for (Row r : mine) {
            md.append("| ").append(r.label).append(" |");
            for (String c : columns) {
                Score s = r.scores.get(c);
                md.append(' ').append(s == null || Double.isNaN(s.value()) ? "—"
                        : String.format(Locale.ROOT, "**%.2f×**", s.value()));
                if (s != null && s.forks().size() > 1) {
                    double[] q = s.forks().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    md.append(String.format(Locale.ROOT, " (%.2f–%.2f", q[0], q[q.length - 1]))
                            .append(q.length < 3 ? "" : String.format(Locale.ROOT, ", median %.2f", median(q)))
                            .append(')');
                }
                md.append(" |");
            }
            md.append('\n');
        }
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static String number(double v, boolean decimals) {
        if (Double.isNaN(v)) {
            return "?";
        }
        return decimals || v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A stub benchmark's name in a row's label: "ConnectionCycle", "ConnectionCycle, yielding while held". */
    private static String caseName(String benchmark) {
        return benchmark.replace(".cycleYielding", ", yielding while held").replace(".cycle", "");
    }

    /** The rows of a JMH JSON result file, in the order the cases first appear. */
    @SuppressWarnings("unchecked")
    static List<Row> rows(String jsonText) {
        Map<String, Row> byLabel = new LinkedHashMap<>();
        for (Object o : (List<Object>) Json.parse(jsonText)) {
            Map<String, Object> run = (Map<String, Object>) o;
            String benchmark = ((String) run.get("benchmark")).replaceFirst(".*\\.bench\\.", "");
            Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
            String contestant = (String) params.get("contestant");
            int threads = ((Double) run.get("threads")).intValue();
            boolean virtual = String.valueOf(run.get("jvmArgs")).contains("jmh.executor=VIRTUAL");
            String jdk = (String) run.get("jdkVersion");
            Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
            Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
            Map<String, Object> alloc = (Map<String, Object>) secondary.getOrDefault("gc.alloc.rate.norm",
                    secondary.get("·gc.alloc.rate.norm")); // the name JMH 1.37 writes, and older JMHs'

            String group;
            String label;
            Score score;
            if (alloc != null) {
                group = "alloc";
                label = caseName(benchmark) + ", " + threads + " thread";
                score = score(alloc);
            } else if (benchmark.startsWith("ColdStart")) {
                group = "cold";
                label = "cold start, " + params.get("maxPoolSize") + " borrowers on an empty pool of "
                        + params.get("maxPoolSize");
                score = score(primary);
            } else if (benchmark.startsWith("PkSelectInterleaved")) {
                group = "turns";
                label = "findById, " + threads + " thread" + (threads > 1 ? "s" : "") + ", pool " + threads;
                score = turns(secondary, "pooledCalls", "pooledWallNanos", "pooledNanos", "noneCalls",
                        "noneWallNanos", "noneNanos");
            } else if (benchmark.startsWith("CycleInterleaved")) {
                group = "cycle-turns";
                label = cycleLabel(benchmark.replace("CycleInterleaved.cycles", "ConnectionCycle.cycle"), threads,
                        params.get("maxPoolSize"), virtual, jdk);
                score = turns(secondary, "contestantCalls", "contestantWallNanos", "contestantNanos", "libraryCalls",
                        "libraryWallNanos", "libraryNanos");
            } else if (benchmark.startsWith("PkSelect")) {
                group = "db";
                label = "findById, " + threads + " thread" + (threads > 1 ? "s" : "") + ", pool " + threads;
                score = score(primary);
            } else {
                group = "cycle";
                label = cycleLabel(benchmark, threads, params.get("maxPoolSize"), virtual, jdk);
                score = score(primary);
            }
            int forksRun = ((Double) run.getOrDefault("forks", 1.0)).intValue();
            score = new Score(score.value(), score.error(), score.unit(), score.forks(), forksRun);
            Row row = byLabel.computeIfAbsent(group + "|" + label, k -> new Row(group, label));
            // A contestant that ran twice in one case (files from before the rounds: the no-pool ceiling,
            // before and after the providers in full mode) counts with the mean of both; its forks are
            // then no rounds, so it gets no per-round range.
            row.runs.merge(contestant, 1, Integer::sum);
            Score before = row.scores.get(contestant);
            row.scores.put(contestant, before == null ? score : new Score(
                    (before.value() * (row.runs.get(contestant) - 1) + score.value()) / row.runs.get(contestant),
                    Math.max(before.error(), score.error()), score.unit(), List.of(), 0));
            Map<String, Object> failures = (Map<String, Object>) secondary.get("failures");
            if (failures != null) {
                row.extra.put(contestant, number(failures.get("score")));
            }
        }
        return new ArrayList<>(byLabel.values());
    }

    /** A stub cycle's label: "ConnectionCycle, 8 threads, pool 4 (contended), virtual threads, JDK 25". */
    private static String cycleLabel(String benchmark, int threads, Object pool, boolean virtual, String jdk) {
        return caseName(benchmark) + ", " + threads + " thread" + (threads > 1 ? "s" : "") + ", pool "
                + (pool == null ? threads : pool)
                + (pool != null && Integer.parseInt((String) pool) < threads ? " (contended)" : "")
                + (virtual ? ", virtual threads, JDK " + jdk.replaceFirst("[.+].*", "") : "");
    }

    /**
     * The score of a benchmark that takes turns: the first side's calls per unit of time over the second's,
     * from the sums of the calls and nanoseconds of every iteration ({@code rawData}); per fork, the same over
     * that fork's iterations. {@code names}: the first side's calls, its wall-clock nanoseconds and its
     * threads' nanoseconds, then the second's. The threads' time counts only in files from before the
     * wall-clock sums (it favours an unfair pool: {@link Turns}). A fork counts only when both sides have calls.
     */
    @SuppressWarnings("unchecked")
    private static Score turns(Map<String, Object> secondary, String... names) {
        boolean wall = secondary.containsKey(names[1]) && secondary.containsKey(names[4]);
        String[] used = {names[0], wall ? names[1] : names[2], names[3], wall ? names[4] : names[5]};
        List<List<Object>>[] sides = new List[4];
        for (int i = 0; i < 4; i++) {
            Map<String, Object> metric = (Map<String, Object>) secondary.get(used[i]);
            sides[i] = metric == null ? List.of() : (List<List<Object>>) metric.getOrDefault("rawData", List.of());
        }
        double[] all = new double[4];
        List<Double> forks = new ArrayList<>();
        int n = Math.min(Math.min(sides[0].size(), sides[1].size()), Math.min(sides[2].size(), sides[3].size()));
        for (int f = 0; f < n; f++) {
            double[] fork = new double[4];
            for (int i = 0; i < 4; i++) {
                for (Object v : sides[i].get(f)) {
                    fork[i] += number(v);
                }
                all[i] += fork[i];
            }
            forks.add(fork[0] > 0 && fork[2] > 0 ? fork[0] / fork[1] / (fork[2] / fork[3]) : Double.NaN);
        }
        double value = all[0] > 0 && all[2] > 0 ? all[0] / all[1] / (all[2] / all[3]) : Double.NaN;
        return new Score(value, Double.NaN, "×", forks, forks.size());
    }

    /** A metric's score, and the mean of each fork's iterations ({@code rawData}: one list per fork). */
    @SuppressWarnings("unchecked")
    private static Score score(Map<String, Object> metric) {
        List<Double> forks = new ArrayList<>();
        for (Object fork : (List<Object>) metric.getOrDefault("rawData", List.of())) {
            double sum = 0;
            List<Object> iterations = (List<Object>) fork;
            for (Object i : iterations) {
                sum += number(i);
            }
            forks.add(iterations.isEmpty() ? Double.NaN : sum / iterations.size());
        }
        return new Score(number(metric.get("score")), number(metric.get("scoreError")), (String) metric.get("scoreUnit"),
                forks, forks.size());
    }

    private static double number(Object o) {
        if (o instanceof Double) {
            return (Double) o;
        }
        return o == null ? Double.NaN : Double.parseDouble(String.valueOf(o));
    }
}
