package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report reads JMH's JSON the way JMH writes it; the stub driver answers the benchmark URL. */
class ReportTest {

    private static String run(String contestant, double score, String extra) {
        return run(contestant, score, extra, 1, "[[1.0, 2.0]]");
    }

    /** One contestant's result as JMH writes it; {@code rawData}: one list of iterations per fork (round). */
    private static String run(String contestant, double score, String extra, int forks, String rawData) {
        return """
            {"jmhVersion": "1.37", "benchmark": "dev.alberca.pool.bench.ConnectionCycle.cycle", "mode": "thrpt",
             "threads": 8, "forks": %d, "jvm": "/usr/bin/java", "jvmArgs": ["-Xmx1g"%s], "jdkVersion": "17.0.15",
             "params": {"contestant": "%s", "maxPoolSize": "4"},
             "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ops/ms", "rawData": %s},
             "secondaryMetrics": {}}
            """.formatted(forks, extra, contestant, score, rawData);
    }

    private static String markdown(Path dir, String json) throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, json);
        Report.write(file, dir.resolve("none-roundtrips.json"), dir.resolve("none-failures.txt"),
                dir.resolve("run.md"), dir.resolve("run.svg"));
        return Files.readString(dir.resolve("run.md"));
    }

    @Test
    void ratiosComeFromTheSameRunAndTheContendedCaseIsNamed() {
        List<Report.Row> rows = Report.rows("[" + run("simple", 30000, "") + "," + run("raw-hikari", 20000, "") + "]");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).label).isEqualTo("ConnectionCycle, 8 threads, pool 4 (contended)");
        assertThat(rows.get(0).ratio("simple", "raw-hikari")).isCloseTo(1.5, within(1e-9));
        assertThat(rows.get(0).scores.get("simple").error()).isNaN();
    }

    @Test
    void theRangeIsTheRatioWithinEachRound(@TempDir Path dir) throws IOException {
        // Round 2 ran at about half speed for both (the machine's drift): the pooled ratio is 23 / 15, while
        // within the rounds the ratio was 30 / 20 and 16 / 10. Pairing round 1 of one with round 2 of the
        // other (3.00, 0.80), or single iterations (1.48–1.67), would print another range.
        String md = markdown(dir, "[" + run("simple", 23, "", 2, "[[29, 31], [15, 17]]") + ","
                + run("raw-hikari", 15, "", 2, "[[19, 21], [9, 11]]") + ","
                + run("raw-dbcp", 1, "", 2, "[[1, 1]]") + "]"); // lost a round: its forks pair up no longer

        assertThat(md).contains("| **1.53×** (1.50–1.60) |").contains("| **23.00×** |");
    }

    @Test
    void threeRoundsOrMoreAlsoGiveTheMedianRound(@TempDir Path dir) throws IOException {
        // One slow round for simple pulls the ratio of the means far below 1; the median round says the others
        // were near level. Rounds' ratios 1.10, 0.25, 0.90, 1.00: median (0.90 + 1.00) / 2.
        String md = markdown(dir, "[" + run("simple", 16.25, "", 4, "[[22], [5], [18], [20]]") + ","
                + run("raw-hikari", 20, "", 4, "[[20], [20], [20], [20]]") + "]");

        assertThat(md).contains("| **0.81×** (0.25–1.10, median 0.95) |");
    }

    @Test
    void oneRoundHasNoRange(@TempDir Path dir) throws IOException {
        String md = markdown(dir, "[" + run("simple", 3, "") + "," + run("raw-hikari", 2, "") + "]");

        assertThat(md).contains("| **1.50×** |");
    }

    @Test
    void mergedRoundsAreOneResultWithTheRoundsAsForksInOrder() {
        RunResult merged = Bench.merge(List.of(round("simple", 30), round("simple", 16)), 2);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultFormatFactory.getInstance(ResultFormatType.JSON, new PrintStream(json, true, StandardCharsets.UTF_8))
                .writeOut(List.of(merged));

        Report.Score simple = Report.rows(json.toString(StandardCharsets.UTF_8)).get(0).scores.get("simple");
        assertThat(simple.forks()).containsExactly(30.0, 16.0);
        assertThat(simple.forksRun()).isEqualTo(2);
        assertThat(simple.value()).isCloseTo(23.0, within(1e-9));
    }

    @Test
    void aParameterThatChangesByRoundKeepsAllItsValuesInTheMergedResult() {
        RunResult merged = Bench.merge(List.of(round("raw-hikari", 10, "false"), round("raw-hikari", 10, "true"),
                round("raw-hikari", 10, "false")), 3);

        assertThat(merged.getParams().getParam("swapped")).isEqualTo("false|true");
        assertThat(merged.getParams().getParam("maxPoolSize")).isEqualTo("4");
    }

    /** What one round's JMH run gives for one contestant: one fork of two iterations at {@code opsPerMs}. */
    private static RunResult round(String contestant, double opsPerMs) {
        return round(contestant, opsPerMs, null);
    }

    /** The same, with CycleInterleaved's {@code swapped} parameter unless null. */
    private static RunResult round(String contestant, double opsPerMs, String swapped) {
        WorkloadParams workload = new WorkloadParams();
        workload.put("contestant", contestant, 0);
        workload.put("maxPoolSize", "4", 1);
        if (swapped != null) {
            workload.put("swapped", swapped, 2);
        }
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.seconds(1), 1);
        BenchmarkParams p = new BenchmarkParams("dev.alberca.pool.bench.ConnectionCycle.cycle", "generated", true,
                8, new int[] {8}, List.of(), 1, 0, warmup, measurement, Mode.Throughput, workload,
                TimeUnit.MILLISECONDS, 1, "/usr/bin/java", List.of("-Xmx1g"), "17.0.15", "OpenJDK", "17", "1.37",
                TimeValue.minutes(10));
        List<IterationResult> iterations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            IterationResult it = new IterationResult(p, measurement, null);
            it.addResult(new ThroughputResult(ResultRole.PRIMARY, "cycle", opsPerMs * 1000, 1_000_000_000L,
                    TimeUnit.MILLISECONDS));
            iterations.add(it);
        }
        return new RunResult(p, List.of(new BenchmarkResult(p, iterations)));
    }

    @Test
    void virtualThreadRunsAreTheirOwnCase() {
        List<Report.Row> rows = Report.rows("[" + run("simple", 1, "") + "," + run("simple", 2,
                ", \"-Djmh.executor=VIRTUAL\"") + "]");

        assertThat(rows).extracting(r -> r.label).containsExactly("ConnectionCycle, 8 threads, pool 4 (contended)",
                "ConnectionCycle, 8 threads, pool 4 (contended), virtual threads, JDK 17");
    }

    @Test
    void theYieldingCycleIsNamedAsSuch() {
        List<Report.Row> rows = Report.rows("[" + run("simple", 1, ", \"-Djmh.executor=VIRTUAL\"")
                .replace("ConnectionCycle.cycle\"", "ConnectionCycle.cycleYielding\"") + "]");

        assertThat(rows).extracting(r -> r.label).containsExactly(
                "ConnectionCycle, yielding while held, 8 threads, pool 4 (contended), virtual threads, JDK 17");
    }

    /** A PkSelectInterleaved result: per side, one list per fork of each iteration's calls and nanoseconds. */
    private static String turns(String contestant, String pooledCalls, String pooledNanos, String noneCalls,
                                String noneNanos) {
        return """
            {"jmhVersion": "1.37", "benchmark": "dev.alberca.pool.bench.PkSelectInterleaved.findById", "mode": "thrpt",
             "threads": 4, "forks": 2, "jvm": "/usr/bin/java", "jvmArgs": ["-Xmx1g"], "jdkVersion": "17.0.15",
             "params": {"contestant": "%s"},
             "primaryMetric": {"score": 35.0, "scoreError": "NaN", "scoreUnit": "ops/ms", "rawData": [[35, 35], [35, 35]]},
             "secondaryMetrics": {
               "pooledCalls": {"score": 1, "scoreError": "NaN", "scoreUnit": "#", "rawData": %s},
               "pooledNanos": {"score": 1, "scoreError": "NaN", "scoreUnit": "#", "rawData": %s},
               "noneCalls": {"score": 1, "scoreError": "NaN", "scoreUnit": "#", "rawData": %s},
               "noneNanos": {"score": 1, "scoreError": "NaN", "scoreUnit": "#", "rawData": %s}}}
            """.formatted(contestant, pooledCalls, pooledNanos, noneCalls, noneNanos);
    }

    @Test
    void takingTurnsGivesThePoolsRateOverTheHeldConnectionsFromTheSumsOfEachFork(@TempDir Path dir) throws IOException {
        // Fork 1: 300 calls in 3 s pooled, 200 in 2 s held: 1.00. Fork 2: 180 in 2 s, 300 in 3 s: 0.90.
        // Together 480 / 5 s against 500 / 5 s: 0.96 (the iterations' own ratios, 2.00 and 0.67 in fork 1, are
        // not what counts: an iteration can give one side more slices than the other).
        String md = markdown(dir, "[" + turns("dbcp", "[[200, 100], [90, 90]]", "[[2e9, 1e9], [1e9, 1e9]]",
                "[[50, 150], [150, 150]]", "[[1e9, 1e9], [1.5e9, 1.5e9]]") + "]");

        assertThat(md).contains("| case | dbcp / none |")
                .contains("| findById, 4 threads, pool 4 | **0.96×** (0.90–1.00) |")
                .doesNotContain("calls/ms; ratios to the no-pool ceiling"); // not the database table's row
    }

    @Test
    void theCycleTurnsAreACaseOfTheirOwnWithEachContestantOverItsLibrary(@TempDir Path dir) throws IOException {
        String hikari = turns("hikari", "[[100], [100]]", "[[1e9], [1e9]]", "[[100], [90]]", "[[1e9], [1e9]]")
                .replace("PkSelectInterleaved.findById", "CycleInterleaved.cyclesYielding")
                .replace("\"params\": {", "\"params\": {\"maxPoolSize\": \"4\", ")
                .replace("\"-Xmx1g\"", "\"-Xmx1g\", \"-Djmh.executor=VIRTUAL\"")
                .replace("pooledCalls", "contestantCalls").replace("pooledNanos", "contestantNanos")
                .replace("noneCalls", "libraryCalls").replace("noneNanos", "libraryNanos");
        String calibration = hikari.replace("\"hikari\"", "\"raw-hikari\"");
        String md = markdown(dir, "[" + hikari + "," + calibration + "]");

        // Fork 1: 100 against 100 calls in a second each, 1.00; fork 2: 100 against 90, 1.11; together 1.05.
        assertThat(md).contains("| case | hikari / raw-hikari | raw-hikari / raw-hikari |")
                .contains("| ConnectionCycle, yielding while held, 4 threads, pool 4, virtual threads,"
                        + " JDK 17 | **1.05×** (1.00–1.11) | **1.05×** (1.00–1.11) |")
                .doesNotContain("findById");
    }

    @Test
    void theWallClockTimeOfEachSidesTurnsIsWhatTheCallsAreDividedByWhenTheFileHasIt(@TempDir Path dir)
            throws IOException {
        // An unfair library: two of eight threads made all its 100 calls, the other six waited the whole
        // iteration and booked no time; its threads' time reads 2 s against the fair contestant's 8 s. Per unit
        // of the threads' time that is 90 / 8 s against 100 / 2 s, 0.23x; per unit of the wall-clock time of
        // each side's turns (1 s each, times eight threads), 90 against 100: 0.90x.
        String wall = """
               "contestantWallNanos": {"score": 1, "scoreError": "NaN", "scoreUnit": "#", "rawData": [[8e9]]},
               "libraryWallNanos": {"score": 1, "scoreError": "NaN", "scoreUnit": "#", "rawData": [[8e9]]},
            """;
        String simple = turns("simple", "[[90]]", "[[8e9]]", "[[100]]", "[[2e9]]")
                .replace("PkSelectInterleaved.findById", "CycleInterleaved.cyclesYielding")
                .replace("\"params\": {", "\"params\": {\"maxPoolSize\": \"4\", ")
                .replace("pooledCalls", "contestantCalls").replace("pooledNanos", "contestantNanos")
                .replace("noneCalls", "libraryCalls").replace("noneNanos", "libraryNanos");
        String withWall = simple.replace("\"secondaryMetrics\": {", "\"secondaryMetrics\": {" + wall);

        assertThat(markdown(Files.createDirectory(dir.resolve("wall")), "[" + withWall + "]")).contains("| **0.90×** |");
        // A file from before the wall-clock sums is read as it was.
        assertThat(markdown(Files.createDirectory(dir.resolve("threads")), "[" + simple + "]")).contains("| **0.23×** |");
    }

    @Test
    void theChartDrawsOneBarPerRatio() {
        String svg = Chart.svg(Report.rows("[" + run("simple", 3, "") + "," + run("raw-hikari", 2, "") + "]"));

        assertThat(svg).startsWith("<svg").contains("simple / raw-hikari").contains("1.50×").endsWith("</svg>\n");
    }

    @Test
    void theStubDriverAnswersTheBenchmarkUrlAndKeepsTheStateAPoolResets() throws Exception {
        StubDriver.install();
        try (Connection c = DriverManager.getConnection(StubDriver.URL); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(s.execute("INSERT INTO test VALUES (1)")).isTrue();
            assertThat(c.isValid(1)).isTrue();
        }
    }
}
