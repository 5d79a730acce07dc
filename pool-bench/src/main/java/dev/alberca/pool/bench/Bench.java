package dev.alberca.pool.bench;

import dev.alberca.persona.dao.Persona;
import dev.alberca.persona.dao.PersonaDao;
import dev.alberca.pool.contract.TestDatabase;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Runs the whole race and writes JMH's JSON, a ratio table and a chart:
 *
 * <pre>
 * java -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Bench quick   # under 10 minutes
 * java -cp 'pool-bench/target/modules/*' dev.alberca.pool.bench.Bench full    # for publication
 * </pre>
 *
 * <p>Writes {@code pool-bench/results/<mode>.json} (every JMH result of the run), {@code <mode>-roundtrips.json},
 * {@code <mode>.md} (the ratio table) and {@code <mode>.svg}; {@code -Dalberca.bench.out=DIR} writes them to
 * {@code DIR} instead. Parts can be picked: {@code quick cycles,alloc,vt,cold,db,roundtrips}, and two diagnostics
 * that run only when named: {@code interleaved-cycles} (the borrow/close cycles with each contestant and its
 * library taking turns in the same fork: {@link CycleInterleaved}) and {@code interleaved} (the database case
 * with the no-pool ceiling taking turns with the pool: {@link PkSelectInterleaved}). The contention
 * case runs again on virtual threads on a JDK 21+: the one in {@code -Dalberca.bench.jdk21=/path/to/jdk} or
 * {@code TEMURIN_25_HOME}, this JVM, or the first in {@code /usr/lib/jvm}; without one that run is skipped
 * (and says so).
 *
 * <p><b>Rounds.</b> The machine's load drifts over minutes, so contestants that are compared must be
 * measured side by side. Each case of the stub cycles, the virtual-thread run and the database runs in
 * rounds: a round runs every contestant for one fork, starting at contestant {@code r mod n} in round
 * {@code r}, so that no contestant always runs first or last. The rounds of one contestant are then written
 * as one JMH result whose forks are the rounds, in round order: its score is the mean of all rounds'
 * iterations, and {@link Report} takes each round's ratio from the forks. Per contestant:
 *
 * <table>
 * <caption>rounds × (warmup + measurement iterations)</caption>
 * <tr><th></th><th>quick</th><th>full</th></tr>
 * <tr><td>stub cycles</td><td>2 × (2 × 0.5 s + 2 × 0.5 s)</td><td>4 × (2 × 1 s + 4 × 1 s)</td></tr>
 * <tr><td>virtual threads</td><td>2 × (3 × 0.5 s + 2 × 0.5 s)</td><td>4 × (4 × 1 s + 4 × 1 s)</td></tr>
 * <tr><td>database</td><td>2 × (1 × 1.5 s + 2 × 0.5 s), the providers and {@code none}</td><td>3 × (4 × 2 s + 2 × 2 s),
 * also the libraries used directly; heap pre-touched</td></tr>
 * </table>
 *
 * <p>The stub cases' JVMs have a 256 MB heap touched at start, the database's 1 GB (why: {@code STUB_JVM}).
 * A fork costs about a second besides its iterations (starting the JVM, opening and closing the pool),
 * and quick mode runs 127 of them: under the 10 minutes it must stay under. Full mode: about 45 minutes.
 *
 * <p>To look at a few contestants closely: {@code -Dalberca.bench.contestants=dbcp,none} (only those, in the
 * rounds), {@code -Dalberca.bench.threads=4} (the database at that thread count only),
 * {@code -Dalberca.bench.dbrounds=8} (that many database rounds instead of the mode's),
 * {@code -Dalberca.bench.cases=cycle-2,contended-virtual} (only those stub cases; names in {@link #STUB_CASES}),
 * {@code -Dalberca.bench.rounds=20} (that many rounds of each stub case instead of the mode's), and
 * {@code -Dalberca.bench.profiler='async:libPath=/path/to/libasyncProfiler.so;event=cpu;dir=/tmp/prof'} (a JMH
 * profiler for every fork).
 *
 * <p>Allocation and cold start run as before, all contestants in one JMH run of one fork each (two for cold
 * start in full mode): allocation per operation does not drift with load, and cold start is read for its
 * failures.
 */
public final class Bench {

    /**
     * The stub cases' JVMs: a small heap, touched at start. This machine maps a fresh heap page in about 7 us
     * (a virtual machine), so an untouched heap kept the stub cycles at a tenth of their speed for the first
     * 1.5-2.5 s of a fork while the young generation walked into new pages (simple's 1-thread statement
     * cycle: 11k, 6k, 6k, 13k, then 85-125k ops/ms in 0.5 s iterations; raw-hikari 9k until 2.5 s, then 35k),
     * which quick mode's 1 s of warmup measured. Touching 1 GB takes 1.9 s per JVM here, 256 MB 0.45 s; the
     * stub cycles keep next to nothing alive.
     */
    private static final String[] STUB_JVM = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:-RestrictContended"};
    /** The database case's JVMs: pgjdbc and the DAO allocate more; full mode also touches the heap (below). */
    private static final String[] DB_JVM = {"-Xms1g", "-Xmx1g", "-XX:-RestrictContended"};
    static final String DB_ROUNDS = "alberca.bench.dbrounds";
    static final String DB_THREADS = "alberca.bench.threads";
    static final String ROUNDS = "alberca.bench.rounds";
    static final String CASES = "alberca.bench.cases";
    static final String CONTESTANTS = "alberca.bench.contestants";
    /** The parts of a run, in the order they run. */
    static final List<String> PARTS = List.of("cycles", "alloc", "vt", "interleaved-cycles", "cold", "db", "interleaved",
            "roundtrips");
    /**
     * What runs unless the second argument picks parts: all but the two diagnostics, {@code interleaved-cycles}
     * (CycleInterleaved; about 20 minutes more in full mode) and {@code interleaved} (PkSelectInterleaved;
     * about 40 minutes more).
     */
    static final List<String> DEFAULT_PARTS = PARTS.stream().filter(p -> !p.startsWith("interleaved")).toList();

    /** A stub case, by the name {@code -Dalberca.bench.cases} takes; {@code virtual}: part {@code vt}. */
    record StubCase(String name, String benchmark, int threads, String maxPoolSize, boolean virtual) {
        /** The part that runs it. */
        String part() {
            return virtual ? "vt" : "cycles";
        }

        /** Whether part {@code interleaved-cycles} runs it too: the borrow/close cycles (CycleInterleaved). */
        boolean interleaves() {
            return benchmark.startsWith("ConnectionCycle.");
        }

        /** The CycleInterleaved benchmark of this case. */
        String interleaved() {
            return benchmark.replace("ConnectionCycle.cycle", "CycleInterleaved.cycles");
        }
    }

    /** The stub cases in the order they run: part {@code cycles}, then part {@code vt}. */
    static final List<StubCase> STUB_CASES = List.of(
            new StubCase("cycle-1", "ConnectionCycle.cycle", 1, "32", false),
            new StubCase("cycle-2", "ConnectionCycle.cycle", 2, "32", false),
            new StubCase("cycle-8", "ConnectionCycle.cycle", 8, "32", false),
            new StubCase("contended", "ConnectionCycle.cycle", 8, "4", false),
            new StubCase("statements-1", "StatementCycle.cycle", 1, null, false),
            new StubCase("statements-2", "StatementCycle.cycle", 2, null, false),
            new StubCase("statements-8", "StatementCycle.cycle", 8, null, false),
            new StubCase("contended-virtual", "ConnectionCycle.cycleYielding", 8, "4", true));

    private final boolean full;
    private final int[] dbThreads;
    private final int dbRounds;
    private final int stubRounds;
    private final Set<String> stubCases;
    private final int settleSeconds;
    private final List<RunResult> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** Reads the knobs first, so that a bad one is refused before the database starts. */
    private Bench(boolean full) {
        this.full = full;
        this.dbThreads = databaseThreads();
        this.dbRounds = databaseRounds(full ? 3 : 2);
        this.stubRounds = wholeNumber(ROUNDS, "rounds", 1, 20, full ? 4 : 2);
        this.stubCases = stubCases();
        this.settleSeconds = wholeNumber(PkSelect.SETTLE_SECONDS, "seconds", 0, 10, full ? 60 : 0);
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quick";
        if (!mode.equals("quick") && !mode.equals("full")) {
            System.err.println("usage: Bench quick|full [" + String.join(",", PARTS) + "] (all but the interleaved ones if none given)");
            System.exit(2);
        }
        Set<String> parts = new TreeSet<>();
        for (String part : (args.length > 1 ? args[1] : String.join(",", DEFAULT_PARTS)).split(",")) {
            parts.add(part.strip());
        }
        Path out = Path.of(System.getProperty("alberca.bench.out", "pool-bench/results"));
        Files.createDirectories(out);
        Bench bench;
        try {
            bench = new Bench(mode.equals("full"));
            checkParts(parts, bench.stubCases);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
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
        for (StubCase c : STUB_CASES) {
            if (!c.virtual() && parts.contains(c.part()) && stubCases.contains(c.name())) {
                cycle(c.benchmark(), c.threads(), c.maxPoolSize(), null);
            }
        }
        if (parts.contains("alloc")) {
            once("ConnectionCycle.cycle", 1, "32", true);
            once("StatementCycle.cycle", 1, null, true);
        }
        for (StubCase c : STUB_CASES) {
            if (c.virtual() && parts.contains(c.part()) && stubCases.contains(c.name())) {
                String jdk = newJdk();
                if (jdk != null) {
                    cycle(c.benchmark(), c.threads(), c.maxPoolSize(), jdk);
                } else {
                    System.out.println("No JDK 21+ (set TEMURIN_25_HOME): the virtual-thread run is skipped.");
                }
            }
        }
        if (parts.contains("interleaved-cycles")) {
            for (StubCase c : STUB_CASES) {
                if (c.interleaves() && stubCases.contains(c.name())) {
                    String jdk = c.virtual() ? newJdk() : null;
                    if (c.virtual() && jdk == null) {
                        System.out.println("No JDK 21+ (set TEMURIN_25_HOME): the virtual-thread run is skipped.");
                    } else {
                        cycle(c.interleaved(), c.threads(), c.maxPoolSize(), jdk);
                    }
                }
            }
        }
        if (parts.contains("cold")) {
            once("ColdStart.burst", 1, null, false);
        }
        Map<String, Double> roundTrips = new LinkedHashMap<>();
        if (parts.contains("db") || parts.contains("interleaved") || parts.contains("roundtrips")) {
            TestDatabase db = TestDatabase.get();
            String benchUrl = database(db, "bench", 10_000);
            String rtUrl = database(db, RoundTrips.DATABASE, 10);
            if (parts.contains("db")) {
                for (int threads : dbThreads) {
                    database("PkSelect", benchUrl, db.user(), threads);
                }
            }
            if (parts.contains("interleaved")) {
                for (int threads : dbThreads) {
                    database("PkSelectInterleaved", benchUrl, db.user(), threads);
                }
            }
            if (parts.contains("roundtrips")) {
                roundTrips = new RoundTrips(db, rtUrl).measure("none", "simple", "hikari", "dbcp");
                System.out.println("Round trips per findById on a warm pool: " + roundTrips);
            }
        }
        return roundTrips;
    }

    /**
     * Refuses a part that does not exist, and stub cases picked with none of their parts ({@code cycles} or
     * {@code vt}) picked: either would run less than asked for and say nothing.
     */
    static void checkParts(Set<String> parts, Set<String> cases) {
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown part '" + part + "'; give one or more of "
                        + String.join(", ", PARTS) + ", comma-separated, or none for all but the interleaved ones");
            }
        }
        List<String> known = Arrays.asList(PkSelect.CONTESTANTS);
        for (String c : pickedContestants()) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("-D" + CONTESTANTS + "=" + System.getProperty(CONTESTANTS)
                        + " names no contestant '" + c + "'; give one or more of " + String.join(", ", known)
                        + ", comma-separated");
            }
        }
        if (System.getProperty(CASES) == null) {
            return;
        }
        for (StubCase c : STUB_CASES) {
            if (cases.contains(c.name())
                    && (parts.contains(c.part()) || c.interleaves() && parts.contains("interleaved-cycles"))) {
                return;
            }
        }
        throw new IllegalArgumentException("-D" + CASES + "=" + System.getProperty(CASES) + " picks stub cases, but"
                + " the parts " + parts + " run none of them; add part cycles (or vt, for contended-virtual), or"
                + " interleaved-cycles for the borrow/close cycles");
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

    /** How long each contestant runs in one case: rounds × (warmups + iterations), each iteration {@code time}. */
    private record Schedule(int rounds, int warmups, TimeValue warmupTime, int iterations, TimeValue time) {
    }

    /** One JMH run of {@code benchmark} on JVMs started with {@code jvm} ({@link #STUB_JVM} or {@link #DB_JVM}). */
    private ChainedOptionsBuilder options(String benchmark, int threads, String[] jvm) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("dev\\.alberca\\.pool\\.bench\\." + benchmark.replace(".", "\\.") + "$")
                .threads(threads)
                .forks(1)
                .jvmArgs(jvm)
                .shouldFailOnError(false);
        // More options for the benchmark JVMs, e.g. -Dalberca.bench.jvmargs='-XX:+PrintCompilation'
        String more = System.getProperty("alberca.bench.jvmargs", "");
        if (!more.isBlank()) {
            o.jvmArgsPrepend(more.trim().split("\\s+")); // the cases append their own
        }
        // For finding where time goes, e.g. -Dalberca.bench.profiler='async:libPath=/path/libasyncProfiler.so;event=cpu'
        String profiler = System.getProperty("alberca.bench.profiler", "");
        if (!profiler.isBlank()) {
            int colon = profiler.indexOf(':');
            o.addProfiler(colon < 0 ? profiler : profiler.substring(0, colon), colon < 0 ? "" : profiler.substring(colon + 1));
        }
        return o;
    }

    /** A stub-cycle case, in rounds; {@code jdk} set: on virtual threads of that JDK. */
    private void cycle(String benchmark, int threads, String maxPoolSize, String jdk) throws RunnerException {
        // Quick mode's half-second iterations: with two rounds, every contestant is one more fork, and a
        // fork's start and end (about a second) would otherwise take the 10 minutes.
        boolean turns = benchmark.startsWith("CycleInterleaved");
        Schedule s = turns
                // Twice the iterations: each side has about half of them, and half of the warmup.
                ? (full ? new Schedule(stubRounds, jdk == null ? 4 : 6, TimeValue.seconds(1), 8, TimeValue.seconds(1))
                        : new Schedule(stubRounds, jdk == null ? 4 : 6, TimeValue.milliseconds(500), 4,
                                TimeValue.milliseconds(500)))
                : jdk == null
                ? (full ? new Schedule(stubRounds, 2, TimeValue.seconds(1), 4, TimeValue.seconds(1))
                        : new Schedule(stubRounds, 2, TimeValue.milliseconds(500), 2, TimeValue.milliseconds(500)))
                // More warmup, as this run always had: without iteration sync (below), JMH does not hold the
                // first threads back while the others start, so the first iterations time the ramp-up.
                : (full ? new Schedule(stubRounds, 4, TimeValue.seconds(1), 4, TimeValue.seconds(1))
                        : new Schedule(stubRounds, 3, TimeValue.milliseconds(500), 2, TimeValue.milliseconds(500)));
        rounds(benchmark + " t=" + threads + (maxPoolSize == null ? "" : " pool=" + maxPoolSize)
                + (jdk == null ? "" : " virtual"), Contestant.ALL, s, round -> {
                    ChainedOptionsBuilder o = options(benchmark, threads, STUB_JVM);
                    if (maxPoolSize != null) {
                        o.param("maxPoolSize", maxPoolSize);
                    }
                    if (turns) {
                        o.param("swapped", String.valueOf(round % 2 == 1)); // each side in each place, by turns
                    }
                    if (jdk != null) {
                        // Virtual benchmark threads. Without iteration sync: JMH's sync has a thread that finished
                        // its iteration wait by yielding, and on 2 carriers the yielders starve a virtual thread
                        // that was unparked with a connection (minutes per iteration, seen with every pool that
                        // parks waiters).
                        o.jvm(Path.of(jdk, "bin", "java").toString()).jvmArgsAppend("-Djmh.executor=VIRTUAL")
                                .syncIterations(false);
                    }
                    return o;
                });
    }

    /**
     * {@code benchmark} (PkSelect, or PkSelectInterleaved, where {@code none} is the calibration) at
     * {@code threads} threads on a pool of as many connections, in rounds.
     */
    private void database(String benchmark, String url, String user, int threads) throws RunnerException {
        // A longer warmup than the stub's: after 1 s at 4 threads and more, the calls/ms were still climbing
        // (pgjdbc and the DAO are far more code to compile than a borrow and a close). At 8 threads with
        // DBCP2's wrappers they still climbed after 4 x 2 s, with the compiler threads at 15 % of the client's
        // CPU (async-profiler); with a warm-up of single-threaded calls first (PkSelect.warm), every
        // contestant is level by the third 2 s iteration (10 x 2 s runs, 2026-11-21). Quick mode measures
        // before that: read its dbcp figures as low.
        Schedule s = full ? new Schedule(dbRounds, 4, TimeValue.seconds(2), 2, TimeValue.seconds(2))
                : new Schedule(dbRounds, 1, TimeValue.milliseconds(1500), 2, TimeValue.milliseconds(500));
        // -XX:+AlwaysPreTouch: at the database's pace the young generation takes seconds to fill the first
        // time, so each fork measured the kernel mapping fresh heap pages: page faults were 5-6.5 % of the
        // client's CPU samples at 16 threads (async-profiler), more for a contestant that allocates more, and
        // 0 % with the heap touched at start. A server that runs for days pays them once. It costs 0.4-1.9 s
        // per fork (machines differ), which quick mode, whose database figures do not wait for the compiler
        // either, cannot afford in 48 forks and stay under 10 minutes (652 s with it on 2026-12-02); for the
        // same reason quick mode races the providers against `none` only, not the libraries used directly.
        String[] contestants = full ? PkSelect.CONTESTANTS
                : Arrays.stream(PkSelect.CONTESTANTS).filter(c -> !c.startsWith("raw-")).toArray(String[]::new);
        rounds(benchmark + " t=" + threads, contestants, s, round -> options(benchmark + ".findById", threads, DB_JVM)
                .jvmArgsAppend(full ? "-XX:+AlwaysPreTouch" : "-XX:-AlwaysPreTouch",
                        "-D" + PkSelect.URL + "=" + url, "-D" + PkSelect.USER + "=" + user,
                        "-D" + PkSelect.IDS + "=1-10000", "-D" + PkSelect.WARM_CALLS + "=" + (full ? 20_000 : 3_000),
                        "-D" + PkSelect.SETTLE_SECONDS + "=" + settleSeconds));
    }

    /** The database's thread counts: 1, 4, 8 and 16, or the one {@code alberca.bench.threads} names. */
    static int[] databaseThreads() {
        int[] all = {1, 4, 8, 16};
        String only = System.getProperty(DB_THREADS);
        if (only == null) {
            return all;
        }
        for (int threads : all) {
            if (only.strip().equals(String.valueOf(threads))) {
                return new int[] {threads};
            }
        }
        throw new IllegalArgumentException("-D" + DB_THREADS + "=" + only + " is not one of the database's thread"
                + " counts; give 1, 4, 8 or 16, or leave it out for all four");
    }

    /** The contestants {@code alberca.bench.contestants} names, or none (then every case runs all of its own). */
    static List<String> pickedContestants() {
        String only = System.getProperty(CONTESTANTS, "");
        return only.isBlank() ? List.of() : Arrays.stream(only.split(",")).map(String::strip).toList();
    }

    /**
     * The stub cases {@code alberca.bench.cases} names (comma-separated, e.g. {@code cycle-2,contended-virtual}),
     * or all of them. A case near its target wants more rounds than a run of everything can afford
     * ({@code alberca.bench.rounds}), and only the two contestants it compares ({@code alberca.bench.contestants}).
     */
    static Set<String> stubCases() {
        Set<String> all = new LinkedHashSet<>();
        STUB_CASES.forEach(c -> all.add(c.name()));
        String given = System.getProperty(CASES);
        if (given == null) {
            return all;
        }
        Set<String> picked = new LinkedHashSet<>();
        for (String part : given.split(",")) {
            String name = part.strip();
            if (!all.contains(name)) {
                throw new IllegalArgumentException("-D" + CASES + "=" + given + " names no stub case '" + name
                        + "'; give one or more of " + String.join(", ", all) + ", comma-separated, or leave it out"
                        + " for all of them");
            }
            picked.add(name);
        }
        return picked;
    }

    /**
     * The database's rounds per thread count: {@code alberca.bench.dbrounds} if given, else the mode's. Its
     * error bars are as wide as the gaps it measures (10-90 % within a run of 3 rounds on the machines
     * measured so far), so a question about one provider at one thread count wants more rounds than a run
     * of everything can afford.
     */
    static int databaseRounds(int byDefault) {
        return wholeNumber(DB_ROUNDS, "rounds", 1, 8, byDefault);
    }

    /** A knob's whole number of at least {@code least}, {@code byDefault} when not given; else a clear refusal. */
    static int wholeNumber(String property, String of, int least, int example, int byDefault) {
        String given = System.getProperty(property);
        if (given == null) {
            return byDefault;
        }
        try {
            int n = Integer.parseInt(given.strip());
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("-D" + property + "=" + given + " is not a number of " + of + "; give a whole"
                + " number of " + least + " or more, e.g. -D" + property + "=" + example + ", or leave it out for the"
                + " mode's " + byDefault);
    }

    /**
     * Runs one case in {@code s.rounds()} rounds of one fork per contestant, round {@code r} starting at
     * contestant {@code r mod n}, and keeps one result per contestant with the rounds as its forks. A
     * contestant without a result in a round is a failed run. {@code options} gives a fork's options from its
     * round's number.
     */
    private void rounds(String what, String[] contestants, Schedule s, IntFunction<ChainedOptionsBuilder> options)
            throws RunnerException {
        // To look at a few closely, e.g. -Dalberca.bench.contestants=dbcp,none (with alberca.bench.profiler)
        List<String> picked = pickedContestants();
        if (!picked.isEmpty()) {
            contestants = Arrays.stream(contestants).filter(picked::contains).toArray(String[]::new);
        }
        Map<String, List<RunResult>> byContestant = new LinkedHashMap<>();
        for (String c : contestants) {
            byContestant.put(c, new ArrayList<>());
        }
        for (int r = 0; r < s.rounds(); r++) {
            for (int i = 0; i < contestants.length; i++) {
                String c = contestants[(r + i) % contestants.length];
                System.out.printf("%n# %s: round %d of %d, %s%n", what, r + 1, s.rounds(), c);
                Options o = options.apply(r).param("contestant", c).forks(1)
                        .warmupIterations(s.warmups()).warmupTime(s.warmupTime())
                        .measurementIterations(s.iterations()).measurementTime(s.time())
                        .build();
                List<RunResult> got = new ArrayList<>();
                for (RunResult run : new Runner(o).run()) {
                    if (!run.getBenchmarkResults().isEmpty()) {
                        got.add(run);
                    }
                }
                if (got.isEmpty()) {
                    failures.add(what + " round " + (r + 1) + " " + c + ": no result (the run failed; see the JMH output)");
                }
                byContestant.get(c).addAll(got);
            }
        }
        for (List<RunResult> rounds : byContestant.values()) {
            if (!rounds.isEmpty()) {
                results.add(merge(rounds, s.rounds()));
            }
        }
    }

    /**
     * One contestant's rounds of one case as one result: each round's fork is one of its forks, in round
     * order, which is the order JMH's JSON writes them in ({@code rawData}); a parameter whose value changed
     * from one round to another has all its values, in the order they came. Its {@code forks} says how
     * many rounds ran, so that a reader can tell a contestant that lost a round (fewer forks than that).
     */
    static RunResult merge(List<RunResult> rounds, int roundsRun) {
        List<BenchmarkResult> forks = new ArrayList<>();
        for (RunResult r : rounds) {
            forks.addAll(r.getBenchmarkResults());
        }
        BenchmarkParams p = rounds.get(0).getParams();
        WorkloadParams params = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            // A parameter that changes by round (CycleInterleaved's swapped) lists its values: "false|true".
            Set<String> values = new LinkedHashSet<>();
            rounds.forEach(r -> values.add(r.getParams().getParam(key)));
            params.put(key, String.join("|", values), order++);
        }
        BenchmarkParams merged = new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(),
                p.shouldSynchIterations(), p.getThreads(), p.getThreadGroups(), p.getThreadGroupLabels(), roundsRun,
                p.getWarmupForks(), p.getWarmup(), p.getMeasurement(), p.getMode(), params, p.getTimeUnit(),
                p.getOpsPerInvocation(), p.getJvm(), p.getJvmArgs(), p.getJdkVersion(), p.getVmName(),
                p.getVmVersion(), p.getJmhVersion(), p.getTimeout());
        return new RunResult(merged, forks);
    }

    /** Allocation or cold start: every contestant in one JMH run, one fork each. */
    private void once(String benchmark, int threads, String maxPoolSize, boolean gc) throws RunnerException {
        ChainedOptionsBuilder o = options(benchmark, threads, STUB_JVM)
                .warmupIterations(full ? 3 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(full ? 5 : 2).measurementTime(TimeValue.seconds(1));
        if (maxPoolSize != null) {
            o.param("maxPoolSize", maxPoolSize);
        }
        if (gc) {
            o.addProfiler(GCProfiler.class);
        }
        if (benchmark.startsWith("ColdStart")) {
            o.warmupIterations(full ? 2 : 1).forks(full ? 2 : 1); // more forks: more cold starts to fail
        }
        String what = benchmark + " t=" + threads + (maxPoolSize == null ? "" : " pool=" + maxPoolSize) + (gc ? " gc" : "");
        Set<String> seen = new TreeSet<>();
        for (RunResult r : new Runner(o.build()).run()) {
            results.add(r);
            seen.add(r.getParams().getParam("contestant"));
        }
        for (String c : Contestant.ALL) {
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
