package dev.alberca.pool.contract;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.DatabaseUnavailableException;
import dev.alberca.pool.api.PoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.alberca.pool.contract.PoolFixture.millis;
import static dev.alberca.pool.contract.PoolFixture.selectOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad settings are refused before any connection, naming the key, the value and the rule; bad
 * credentials, an unknown database or a dead address fail a borrow within the acquire timeout with an
 * error that says the database is the reason and keeps its SQLState; secrets never show, nor the values
 * bound to a statement.
 */
public interface BadInputContract extends ContractBase {

    /** The wrong password the tests use, to look for in messages. */
    String WRONG_PASSWORD = "Wrong-Secret-17";

    /** Each bad setting, the text its error must contain. */
    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                bad("max-size zero", b -> b.maxSize(0), "max-size=0", "at least 1"),
                bad("max-size negative", b -> b.maxSize(-1), "max-size=-1", "at least 1"),
                bad("min-size negative", b -> b.minSize(-1), "min-size=-1", "0 or more"),
                bad("min above max", b -> b.minSize(5).maxSize(2), "min-size=5", "greater than max-size (2)"),
                bad("acquire timeout zero", b -> b.acquireTimeout(Duration.ZERO), "acquire-timeout=0s", "longer than zero"),
                bad("acquire timeout negative", b -> b.acquireTimeout(Duration.ofSeconds(-1)), "acquire-timeout=-1s",
                        "longer than zero"),
                bad("validation above acquire", b -> b.acquireTimeout(Duration.ofSeconds(2))
                        .validationTimeout(Duration.ofSeconds(5)), "validation-timeout=5s", "acquire-timeout (2s)"),
                bad("validation timeout zero", b -> b.validationTimeout(Duration.ZERO), "validation-timeout=0s",
                        "longer than zero"),
                bad("idle timeout negative", b -> b.idleTimeout(Duration.ofMillis(-1)), "idle-timeout=-1ms",
                        "must not be negative"),
                bad("max lifetime negative", b -> b.maxLifetime(Duration.ofSeconds(-1)), "max-lifetime=-1000ms",
                        "must not be negative"),
                bad("max waiting negative", b -> b.maxWaiting(-1), "max-waiting=-1", "0 or more"),
                bad("missing url", b -> b.url(null), "url", "missing"),
                bad("url without //", b -> b.url("jdbc:postgresql:127.0.0.1:5432/db"),
                        "url='jdbc:postgresql:127.0.0.1:5432/db'", "the // before the host is missing"),
                bad("url without jdbc:", b -> b.url("postgresql://127.0.0.1/db"), "url='postgresql://127.0.0.1/db'",
                        "does not start with jdbc:"),
                bad("url of another database", b -> b.url("jdbc:mysql://127.0.0.1/db"), "url='jdbc:mysql://127.0.0.1/db'",
                        "only PostgreSQL"),
                bad("url port out of range", b -> b.url("jdbc:postgresql://127.0.0.1:99999/db"), "port 99999",
                        "1..65535"),
                bad("url without database", b -> b.url("jdbc:postgresql://127.0.0.1:5432/"),
                        "url='jdbc:postgresql://127.0.0.1:5432/'", "jdbc:postgresql://host"),
                bad("driver timeout not a number", b -> b.driverProperty("connectTimeout", "abc"),
                        "connectTimeout='abc'", "whole number of seconds"),
                bad("pool name with spaces", b -> b.poolName("my pool"), "pool-name='my pool'", "letters, digits"));
    }

    private static Arguments bad(String what, UnaryOperator<PoolConfig.Builder> change, String keyAndValue,
                                 String rule) {
        return Arguments.of(what, change, keyAndValue, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.alberca.pool.contract.BadInputContract#invalidSettings")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void invalidSettingIsRefusedBeforeConnecting(String what, UnaryOperator<PoolConfig.Builder> change,
                                                         String keyAndValue, String rule, PoolFixture f) {
        assertThatThrownBy(() -> f.open(change.apply(f.config()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keyAndValue).hasMessageContaining(rule);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void wrongPasswordFailsTheBorrowAsRefusedLogin(PoolFixture f) throws Exception {
        String role = f.database().passwordRole();
        ConnectionPool pool = f.open(f.config().user(role).password(WRONG_PASSWORD));
        long start = System.nanoTime();
        DatabaseUnavailableException e = catchThrowableOfType(DatabaseUnavailableException.class, pool::getConnection);
        assertThat(millis(start)).isLessThanOrEqualTo(2500);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertThat(e.getMessage()).contains(f.name()).contains("refused the login").contains("28P01")
                .contains("check the user and the password");
        assertThat((Throwable) e).hasCauseInstanceOf(SQLException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("28P01");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void rightPasswordLogsIn(PoolFixture f) throws Exception {
        String role = f.database().passwordRole();
        ConnectionPool pool = f.open(f.config().user(role).password(TestDatabase.PASSWORD_ROLE_SECRET));
        try (Connection c = pool.getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
            assertThat(c.getMetaData().getUserName()).isEqualTo(role);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void passwordNeverShowsInMessagesOrToString(PoolFixture f) throws Exception {
        String role = f.database().passwordRole();
        PoolConfig.Builder b = f.config().user(role).password(WRONG_PASSWORD);
        assertThat(b.build().toString()).doesNotContain(WRONG_PASSWORD).contains("password=***");
        ConnectionPool pool = f.open(b);
        assertThat(pool.toString()).doesNotContain(WRONG_PASSWORD);
        SQLException e = catchThrowableOfType(SQLException.class, pool::getConnection);
        assertThat((Throwable) e).isNotNull();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(WRONG_PASSWORD);
        String url = f.database().url() + "?password=" + WRONG_PASSWORD;
        assertThat(f.config().url(url).build().toString()).doesNotContain(WRONG_PASSWORD);
        assertThatThrownBy(() -> f.config().url(url.replace("//", "")).build())
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(WRONG_PASSWORD);
    }

    /**
     * pgjdbc prints a prepared statement as its SQL with the bound values filled in, and HikariCP and DBCP2
     * print their statement wrappers (and DBCP2 its "is closed" errors) with the driver's text: a statement
     * in a log line would carry personal data. The statements a pool lends, their results and their errors
     * must not show the values.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void boundValuesNeverShowInTheTextOfStatements(PoolFixture f) throws Exception {
        String value = "ana.secret@example.com";
        ConnectionPool pool = f.open(f.config().maxSize(1));
        try (Connection c = pool.getConnection()) {
            PreparedStatement s = c.prepareStatement("select ?::text");
            s.setString(1, value);
            assertThat(s.unwrap(org.postgresql.PGStatement.class).toString())
                    .as("the driver's own text, which the pool must not pass on").contains(value);
            assertThat(s.toString()).doesNotContain("ana.secret");
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(value);
                assertThat(r.toString()).doesNotContain("ana.secret");
            }
            s.close();
            SQLException closed = catchThrowableOfType(SQLException.class, () -> s.setString(1, "x"));
            assertThat((Throwable) closed).as("using a closed statement fails").isNotNull();
            assertThat(closed.getMessage()).doesNotContain("ana.secret");
            try (CallableStatement call = c.prepareCall("{ ? = call upper(?) }")) {
                call.registerOutParameter(1, Types.VARCHAR);
                call.setString(2, value);
                call.execute();
                assertThat(call.getString(1)).isEqualTo(value.toUpperCase());
                assertThat(call.toString()).doesNotContain("ana.secret");
            }
            assertThat(c.toString()).doesNotContain("ana.secret");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void unknownDatabaseFailsTheBorrowWithItsSqlState(PoolFixture f) throws Exception {
        String url = f.database().url().replaceAll("/[^/?]+(\\?.*)?$", "/alberca_no_such_db");
        ConnectionPool pool = f.open(f.config().url(url));
        long start = System.nanoTime();
        DatabaseUnavailableException e = catchThrowableOfType(DatabaseUnavailableException.class, pool::getConnection);
        assertThat(millis(start)).isLessThanOrEqualTo(2500);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("3D000");
        assertThat(e.getMessage()).contains("the database does not exist").contains("alberca_no_such_db");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void nothingListeningFailsTheBorrowAsUnreachable(PoolFixture f) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionPool pool = f.open(f.config().url("jdbc:postgresql://127.0.0.1:" + port + "/postgres"));
        long start = System.nanoTime();
        DatabaseUnavailableException e = catchThrowableOfType(DatabaseUnavailableException.class, pool::getConnection);
        assertThat(millis(start)).as("within the acquire timeout").isLessThanOrEqualTo(2500);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("the database is unreachable").contains(String.valueOf(port));
    }
}
