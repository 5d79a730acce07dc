package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.spi.LeakReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;

/** A connection held past the leak threshold is reported once, with its borrower's stack; others never. */
public interface LeakContract extends ContractBase {

    /** Collects the leak reports of one pool from logger {@value LeakReport#LOGGER}. */
    final class Reports extends Handler implements AutoCloseable {
        // Held strongly: java.util.logging keeps only weak references to its loggers.
        private final Logger logger = Logger.getLogger(LeakReport.LOGGER);
        private final String pool;
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        Reports(String pool) {
            this.pool = pool;
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue() && String.valueOf(r.getMessage())
                    .contains("pool '" + pool + "'")) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void aConnectionHeldPastTheThresholdIsReportedOnceWithItsBorrowersStack(PoolFixture f) throws Exception {
        try (Reports reports = new Reports(f.name())) {
            ConnectionPool pool = f.open(f.config().leakDetectionThreshold(Duration.ofSeconds(2)));
            try (Connection c = pool.getConnection()) {
                selectOne(c);
                Thread.sleep(3500);
                assertThat(reports.records).as("leak reports while held").hasSize(1);
            }
            Thread.sleep(1000);
            assertThat(reports.records).as("reported once").hasSize(1);
            LogRecord r = reports.records.get(0);
            assertThat(r.getMessage()).contains("connection leak suspected").contains(Thread.currentThread().getName())
                    .contains("leak-detection-threshold=2000 ms");
            StringWriter stack = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(stack));
            assertThat(stack.toString()).as("the borrower's stack")
                    .contains("aConnectionHeldPastTheThresholdIsReportedOnceWithItsBorrowersStack");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void connectionsGivenBackInTimeAreNeverReported(PoolFixture f) throws Exception {
        try (Reports reports = new Reports(f.name())) {
            ConnectionPool pool = f.open(f.config().leakDetectionThreshold(Duration.ofSeconds(2)));
            long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
            while (System.nanoTime() < end) {
                try (Connection c = pool.getConnection()) {
                    selectOne(c);
                    Thread.sleep(700);
                }
            }
            Thread.sleep(2500);
            assertThat(reports.records).isEmpty();
        }
    }
}
