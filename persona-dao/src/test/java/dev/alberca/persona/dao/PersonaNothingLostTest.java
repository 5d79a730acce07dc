package dev.alberca.persona.dao;

import dev.alberca.pool.api.ConnectionPool;
import dev.alberca.pool.api.ConnectionPools;
import dev.alberca.pool.contract.FaultProxy;
import dev.alberca.pool.contract.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers insert through the DAO while the database restarts, its sessions are terminated and the
 * network is cut; afterwards the table matches what callers were told: every acknowledged insert is
 * there exactly once, every failed one is absent, and only "outcome unknown" may be either.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaNothingLostTest {

    private static final int WRITERS = 4;
    private static final String SCHEMA = "persona_nothing_lost";

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable(SCHEMA);

    private enum Outcome { DONE, FAILED, UNKNOWN }

    @EachProvider
    void callersAreToldTheTruthThroughRestartsTerminationsAndCuts(String provider) throws Exception {
        TestDatabase db = TestDatabase.get();
        Assumptions.assumeTrue(db.isEmbedded(), "restarts the server: needs the embedded one");
        String name = TestDatabase.uniqueName("lost-" + provider);
        try (FaultProxy proxy = FaultProxy.to("127.0.0.1", db.port());
             ConnectionPool pool = ConnectionPools.open(db.config(name).provider(provider)
                     .url(proxy.url("postgres")).minSize(2).maxSize(4)
                     .acquireTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(1))
                     .driverProperty("currentSchema", SCHEMA).build())) {
            PersonaDao dao = new PersonaDao(pool);
            dao.createSchema();
            Map<String, Outcome> told = new ConcurrentHashMap<>();
            Map<String, Long> ids = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            try {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int i = 0; running.get(); i++) {
                            String email = "w" + writer + "-" + i + "@example.org";
                            try {
                                ids.put(email, dao.insert(Persona.of("Escritor" + writer, "Fila" + i, email)));
                                told.put(email, Outcome.DONE);
                            } catch (PersonaOutcomeUnknownException e) {
                                told.put(email, Outcome.UNKNOWN);
                            } catch (PersonaException e) {
                                told.put(email, Outcome.FAILED);
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(800);
                db.terminate(name);                 // every session of the pool ends
                Thread.sleep(800);
                proxy.cut(true);                    // the network drops every connection
                Thread.sleep(800);
                db.stop();                          // the server goes down ...
                Thread.sleep(700);
                db.start();                         // ... and comes back on the same port and data
                Thread.sleep(2500);
            } finally {
                running.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<?> f : done) {
                f.get();
            }
            Map<String, Long> stored = storedEmails();
            List<String> lost = new ArrayList<>();
            List<String> ghosts = new ArrayList<>();
            int unknown = 0;
            int acknowledged = 0;
            for (Map.Entry<String, Outcome> e : told.entrySet()) {
                switch (e.getValue()) {
                    case DONE:
                        acknowledged++;
                        if (!ids.get(e.getKey()).equals(stored.get(e.getKey()))) {
                            lost.add(e.getKey());
                        }
                        break;
                    case FAILED:
                        if (stored.containsKey(e.getKey())) {
                            ghosts.add(e.getKey());
                        }
                        break;
                    default:
                        unknown++;
                }
            }
            assertThat(lost).as("acknowledged but not stored (of %d acknowledged)", acknowledged).isEmpty();
            assertThat(ghosts).as("reported failed but stored").isEmpty();
            List<String> unasked = new ArrayList<>(stored.keySet());
            unasked.removeAll(told.keySet());
            assertThat(unasked).as("rows nobody asked for").isEmpty();
            assertThat(acknowledged).as("inserts acknowledged (unknown: %d)", unknown).isGreaterThan(WRITERS * 10);
            // The pool serves again once the faults are over.
            assertThat(dao.insert(Persona.of("Final", "Fila", "final-" + provider + "@example.org"))).isPositive();
        }
    }

    /** email → id, read outside the pool; a duplicate would have broken the unique constraint. */
    private static Map<String, Long> storedEmails() throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection c = TestDatabase.get().admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select email, id_persona from " + SCHEMA + ".persona")) {
            while (r.next()) {
                assertThat(stored.put(r.getString(1), r.getLong(2))).as("stored twice: %s", r.getString(1)).isNull();
            }
        }
        return stored;
    }
}
