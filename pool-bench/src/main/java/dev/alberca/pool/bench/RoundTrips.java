package dev.alberca.pool.bench;

import dev.alberca.persona.dao.PersonaDao;
import dev.alberca.pool.api.PoolConfig;
import dev.alberca.pool.contract.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the server round trips one {@code findById} costs on a warm pool. PostgreSQL counts every
 * transaction it ends in {@code pg_stat_database.xact_commit}/{@code xact_rollback}; with autoCommit on,
 * every statement the client sends (a query, or the empty query pgjdbc's {@code isValid} sends) is one.
 * The count is taken in a database nothing else uses, after the pool's sessions ended (a session flushes
 * its counts when it ends), as the difference between a run with {@value #CALLS} measured calls and the
 * same run without them; so connecting, warming up and the reading itself cancel out. A calibration run
 * of bare {@code isValid} calls shows that the method sees a validity check.
 */
final class RoundTrips {

    static final String DATABASE = "bench_rt";
    private static final int WARM = 200;
    private static final int CALLS = 2000;

    private final TestDatabase db;
    private final String url;

    RoundTrips(TestDatabase db, String url) {
        this.db = db;
        this.url = url;
    }

    /** Round trips per call for {@code isValid} (calibration), {@code none} and each provider. */
    Map<String, Double> measure(String... contestants) throws Exception {
        Map<String, Double> perCall = new LinkedHashMap<>();
        perCall.put("isValid (calibration)", (run("isValid", CALLS) - run("isValid", 0)) / (double) CALLS);
        for (String c : contestants) {
            perCall.put(c, (run(c, CALLS) - run(c, 0)) / (double) CALLS);
        }
        return perCall;
    }

    private long run(String contestant, int calls) throws Exception {
        String app = "rt-" + contestant.replaceAll("[^A-Za-z0-9]", "");
        long before = transactions();
        PoolConfig config = Contestant.config(url, db.user(), db.password(), 1, 1).toBuilder().poolName(app).build();
        if (contestant.equals("none") || contestant.equals("isValid")) {
            try (Connection c = DriverManager.getConnection(url, config.connectionProperties())) {
                PersonaDao dao = new PersonaDao(new PkSelect.OneConnection(new HeldConnection(c)));
                for (int i = 0; i < WARM; i++) {
                    dao.findById(1);
                }
                for (int i = 0; i < calls; i++) {
                    if (contestant.equals("isValid")) {
                        c.isValid(5);
                    } else {
                        dao.findById(1);
                    }
                }
            }
        } else {
            try (Contestant pool = Contestant.open(contestant, config)) {
                PersonaDao dao = new PersonaDao(pool.dataSource());
                for (int i = 0; i < WARM + calls; i++) {
                    dao.findById(1);
                }
            }
        }
        db.awaitSessions(app, 0, java.time.Duration.ofSeconds(10));
        Thread.sleep(300); // the session's counts are flushed as it exits
        return transactions() - before;
    }

    private long transactions() throws SQLException {
        try (Connection admin = db.admin(); Statement s = admin.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet r = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database"
                    + " where datname = '" + DATABASE + "'")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
