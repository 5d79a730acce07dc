package dev.alberca.pool.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report reads JMH's JSON the way JMH writes it; the stub driver answers the benchmark URL. */
class ReportTest {

    private static String run(String contestant, double score, String extra) {
        return """
            {"jmhVersion": "1.37", "benchmark": "dev.alberca.pool.bench.ConnectionCycle.cycle", "mode": "thrpt",
             "threads": 8, "forks": 1, "jvm": "/usr/bin/java", "jvmArgs": ["-Xmx1g"%s], "jdkVersion": "17.0.15",
             "params": {"contestant": "%s", "maxPoolSize": "4"},
             "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ops/ms", "rawData": [[1.0, 2.0]]},
             "secondaryMetrics": {}}
            """.formatted(extra, contestant, score);
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
    void virtualThreadRunsAreTheirOwnCase() {
        List<Report.Row> rows = Report.rows("[" + run("simple", 1, "") + "," + run("simple", 2,
                ", \"-Djmh.executor=VIRTUAL\"") + "]");

        assertThat(rows).extracting(r -> r.label).containsExactly("ConnectionCycle, 8 threads, pool 4 (contended)",
                "ConnectionCycle, 8 threads, pool 4 (contended), virtual threads, JDK 17");
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
