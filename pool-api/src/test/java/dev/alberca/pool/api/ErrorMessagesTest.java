package dev.alberca.pool.api;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTest {

    private static final PoolStats FULL = new PoolStats(1, 5, 5, 5, 0, 1, 5, 0, 5, 0, Duration.ZERO, Duration.ZERO);

    @Test
    void timeoutReadsAsAnExhaustedPool() {
        PoolTimeoutException e = new PoolTimeoutException("lesson", Duration.ofMillis(5003), FULL);
        assertThat(e.getMessage()).isEqualTo("connection pool exhausted: pool 'lesson' had no free connection within"
                + " 5003 ms (max=5, inUse=5, idle=0, waiting=1); close connections sooner, raise max-size, or wait"
                + " longer with acquire-timeout");
        assertThat((Throwable) e).isInstanceOf(java.sql.SQLTransientConnectionException.class);
    }

    @Test
    void refusedLoginKeepsTheSqlStateAndMasksSecrets() {
        SQLException cause = new SQLException("FATAL: password authentication failed; url ...?password=abc", "28P01");
        DatabaseUnavailableException e = new DatabaseUnavailableException("p", Duration.ofMillis(12), cause);
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.getMessage()).startsWith("pool 'p': the database refused the login").contains("SQLState 28P01")
                .contains("after 12 ms").endsWith("check the user and the password").doesNotContain("abc");
    }

    @Test
    void unreachableDatabaseSaysSo() {
        DatabaseUnavailableException e = new DatabaseUnavailableException("p", Duration.ofSeconds(2),
                new SQLException("Connection to 127.0.0.1:1 refused.", "08001"));
        assertThat(e.getMessage()).isEqualTo("pool 'p': the database is unreachable (Connection to 127.0.0.1:1"
                + " refused.; SQLState 08001) after 2000 ms; check that the server is running and that the URL's"
                + " host and port are right");
    }

    @Test
    void closedAndTooManyWaiters() {
        assertThat(new PoolClosedException("p").getMessage())
                .isEqualTo("pool 'p' is closed: it hands out no more connections; open a new pool");
        assertThat(new TooManyWaitersException("p", 3, FULL).getMessage()).isEqualTo("pool 'p' refused the borrow"
                + " at once: 3 callers already wait (max-waiting=3, max=5, inUse=5); raise max-waiting or max-size,"
                + " or send less work at once");
    }
}
