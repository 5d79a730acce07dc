package dev.alberca.pool.bench;

import dev.alberca.persona.dao.Persona;
import dev.alberca.persona.dao.PersonaDao;
import dev.alberca.pool.contract.TestDatabase;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the whole race and writes JMH's JSON, a ratio table and a chart:
 *
 * <pre>
 * java -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Bench quick   # under 10 minutes
 * java -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Bench full    # for publication
 * </pre>
 *
 * <p>Writes {@code pool-bench/results/<mode>.json} (every JMH result of the run), {@code <mode>-roundtrips.json},
 * {@code <mode>.md} (the ratio table) and {@code <mode>.svg}. Parts can be picked: {@code quick cycles,alloc,vt,
 * cold,db,roundtrips}. The contention case runs again on virtual threads on a JDK 21+: the one in
 * {@code -Dalberca.bench.jdk21=/path/to/jdk} or {@code TEMURIN_25_HOME}, this JVM, or the first in
 * {@code /usr/lib/jvm}; without one that run is skipped (and says so).
 */
public final class Bench {

    private static final String[] JVM_ARGS = {"-Xms1g", "-Xmx1g", "-XX:-RestrictContended"};

    private final boolean full;
    private final List<RunResult> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private Bench(boolean full) {
        this.full = full;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quick";
        if (!mode.equals("quick") && !mode.equals("full")) {
            System.err.println("usage: Bench quick|full [cycles,alloc,vt,cold,db,roundtrips]");
            System.exit(2);
        }
        Set<String> parts = new TreeSet<>(Arrays.asList((args.length > 1 ? args[1]
                : "cycles,alloc,vt,cold,db,roundtrips").split(",")));
        Path out = Path.of(System.getProperty("alberca.bench.out", "pool-bench/results"));
        Files.createDirectories(out);
        Bench bench = new Bench(mode.equals("full"));
        long start = System.nanoTime();
        Map<String, Double> roundTrips = bench.run(parts);
        Path json = out.resolve(mode + ".json");
        try (PrintStream p = new PrintStream(Files.newOutputStream(json), true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, p).writeOut(bench.results);
        }
        if (!roundTrips.isEmpty()) {
            StringBuilder rt = new StringBuilder("{");
            roundTrips.forEach((k, v) -> rt.append(rt.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", v)));
            Files.writeString(out.resolve(mode + "-roundtrips.json"), rt.append("}\n"));
        }
        Files.write(out.resolve(mode + "-failures.txt"), bench.failures);
        Report.write(json, out.resolve(mode + "-roundtrips.json"), out.resolve(mode + "-failures.txt"),
                out.resolve(mode + ".md"), out.resolve(mode + ".svg"));
        System.out.printf("%nDone in %d s: %s, %s.md, %s.svg; failed runs: %d%n",
                (System.nanoTime() - start) / 1_000_000_000L, json, mode, mode, bench.failures.size());
    }

    private Map<String, Double> run(Set<String> parts) throws Exception {
        if (parts.contains("cycles")) {
            for (int threads : new int[] {1, 2, 8}) {
                jmh("ConnectionCycle.cycle", threads, "32", null, false);
            }
            jmh("ConnectionCycle.cycle", 8, "4", null, false);
            for (int threads : new int[] {1, 2, 8}) {
                jmh("StatementCycle.cycle", threads, null, null, false);
            }
        }
        if (parts.contains("alloc")) {
            jmh("ConnectionCycle.cycle", 1, "32", null, true);
            jmh("StatementCycle.cycle", 1, null, null, true);
        }
        if (parts.contains("vt")) {
            String jdk = newJdk();
            if (jdk != null) {
                jmh("ConnectionCycle.cycle", 8, "4", jdk, false);
            } else {
                System.out.println("No JDK 21+ (set TEMURIN_25_HOME): the virtual-thread run is skipped.");
            }
        }
        if (parts.contains("cold")) {
            jmh("ColdStart.burst", 1, null, null, false);
        }
        Map<String, Double> roundTrips = new LinkedHashMap<>();
        if (parts.contains("db") || parts.contains("roundtrips")) {
            TestDatabase db = TestDatabase.get();
            String benchUrl = database(db, "bench", 10_000);
            String rtUrl = database(db, RoundTrips.DATABASE, 10);
            if (parts.contains("db")) {
                for (int threads : new int[] {1, 4, 8, 16}) {
                    // Interleaved: the no-pool ceiling before and after the providers.
                    List<String> order = new ArrayList<>(List.of("none", "simple", "hikari", "dbcp"));
                    if (full) {
                        order.add("none");
                    }
                    for (String contestant : order) {
                        database(benchUrl, db.user(), threads, contestant);
                    }
                }
            }
            if (parts.contains("roundtrips")) {
                roundTrips = new RoundTrips(db, rtUrl).measure("none", "simple", "hikari", "dbcp");
                System.out.println("Round trips per findById on a warm pool: " + roundTrips);
            }
        }
        return roundTrips;
    }

    /** A JDK 21+ for the virtual-thread run: the property, TEMURIN_25_HOME, this JVM, or one in /usr/lib/jvm. */
    private static String newJdk() throws IOException {
        String jdk = System.getProperty("alberca.bench.jdk21", System.getenv("TEMURIN_25_HOME"));
        if (jdk != null && !jdk.isBlank()) {
            return jdk;
        }
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (var dirs = Files.list(jvms)) {
            for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                Path release = d.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(d.resolve("bin/java"))) {
                    var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) >= 21) {
                        return d.toString();
                    }
                }
            }
        }
        return null;
    }

    private ChainedOptionsBuilder options(String benchmark, int threads) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("dev\\.alberca\\.pool\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .threads(threads)
                .forks(full ? 2 : 1)
                .warmupIterations(full ? 3 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(full ? 10 : 3).measurementTime(TimeValue.seconds(1))
                .jvmArgs(JVM_ARGS)
                .shouldFailOnError(false);
        return o;
    }

    private void jmh(String benchmark, int threads, String maxPoolSize, String jdk, boolean gc) throws RunnerException {
        ChainedOptionsBuilder o = options(benchmark, threads);
        if (maxPoolSize != null) {
            o.param("maxPoolSize", maxPoolSize);
        }
        if (jdk != null) {
            // Virtual benchmark threads. Without iteration sync: JMH's sync has a thread that finished its
            // iteration wait by yielding, and on 2 carriers the yielders starve a virtual thread that was
            // unparked with a connection (minutes per iteration, seen with every pool that parks waiters).
            o.jvm(Path.of(jdk, "bin", "java").toString()).jvmArgsAppend("-Djmh.executor=VIRTUAL")
                    .syncIterations(false).warmupIterations(full ? 5 : 4);
        }
        if (gc) {
            o.addProfiler(GCProfiler.class).forks(1).measurementIterations(full ? 5 : 2);
        }
        if (benchmark.startsWith("ColdStart")) {
            o.measurementIterations(full ? 5 : 2).warmupIterations(full ? 2 : 1);
        }
        collect(new Runner(o.build()).run(), benchmark + " t=" + threads
                + (maxPoolSize == null ? "" : " pool=" + maxPoolSize) + (jdk == null ? "" : " virtual") + (gc ? " gc" : ""),
                Contestant.ALL);
    }

    private void database(String url, String user, int threads, String contestant) throws RunnerException {
        ChainedOptionsBuilder o = options("PkSelect.findById", threads)
                .param("contestant", contestant)
                .forks(1)
                .warmupIterations(full ? 2 : 1).warmupTime(TimeValue.seconds(2))
                .measurementIterations(full ? 5 : 3).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-D" + PkSelect.URL + "=" + url, "-D" + PkSelect.USER + "=" + user,
                        "-D" + PkSelect.IDS + "=1-10000");
        collect(new Runner(o.build()).run(), "PkSelect t=" + threads, contestant);
    }

    private void collect(java.util.Collection<RunResult> got, String what, String... expected) {
        results.addAll(got);
        Set<String> seen = new TreeSet<>();
        for (RunResult r : got) {
            seen.add(r.getParams().getParam("contestant"));
        }
        for (String c : expected) {
            if (!seen.contains(c)) {
                failures.add(what + " " + c + ": no result (the run failed; see the JMH output)");
            }
        }
    }

    /** Creates database {@code name} with the persona table and {@code rows} rows; returns its URL. */
    private static String database(TestDatabase db, String name, int rows) throws SQLException {
        try (Connection admin = db.admin(); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        String url = db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
            PersonaDao dao = new PersonaDao(new PkSelect.OneConnection(new HeldConnection(c)));
            dao.createSchema();
            List<Persona> batch = new ArrayList<>();
            for (int i = 1; i <= rows; i++) {
                batch.add(Persona.of("Nombre" + i, "Apellido" + i, "persona" + i + "@example.org"));
                if (batch.size() == 500 || i == rows) {
                    dao.insertAll(batch);
                    batch.clear();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze"); // nothing for autovacuum to do during the runs
            }
        }
        return url;
    }
}
