package dev.alberca.persona.dao;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads insert through one pool: every acknowledged row is there exactly once, nothing else is. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersonaConcurrencyTest {

    private static final int THREADS = 8;
    private static final int INSERTS_PER_THREAD = 50;

    /** This class's own persona table, emptied before each test. */
    @RegisterExtension
    static final PersonaTable table = new PersonaTable("persona_concurrency");

    @EachProvider
    void everyAcknowledgedInsertIsStoredExactlyOnce(String provider) throws Exception {
        PersonaDao dao = table.dao(provider);
        Map<Long, Persona> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < INSERTS_PER_THREAD; i++) {
                        Persona p = Persona.of("Hilo" + thread, "Fila" + i, "t" + thread + "-" + i + "@example.org");
                        long id = dao.insert(p);
                        assertThat(acknowledged.put(id, p.withId(id))).as("id %d handed out twice", id).isNull();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }

        List<Persona> rows = table.rows();
        assertThat(acknowledged).hasSize(THREADS * INSERTS_PER_THREAD);
        assertThat(rows).hasSize(THREADS * INSERTS_PER_THREAD);
        assertThat(rows.stream().collect(Collectors.toMap(Persona::id, Function.identity())))
                .isEqualTo(acknowledged);
        assertThat(dao.count()).isEqualTo(THREADS * INSERTS_PER_THREAD);
        assertThat(table.pool(provider).stats().inUse()).isZero();
    }

    @EachProvider
    void racingForOneEmailLetsExactlyOneWin(String provider) throws Exception {
        PersonaDao dao = table.dao(provider);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        dao.insert(Persona.of("Hilo" + thread, "Carrera", "race@example.org"));
                        return true;
                    } catch (DuplicateEmailException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get(50, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(table.rows()).hasSize(1);
    }
}
