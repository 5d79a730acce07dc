package dev.alberca.pool.simple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads made one after another (an executor's) each keep a connection of their own when there are as many
 * connections as threads: a thread finds the one it used last at its first look, and takes no other
 * thread's. Before, 16 such threads started their searches at 7 or 8 different slots. And a thread starts
 * its search where it last found an idle connection, so that two threads that met at one slot part.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AffinityTest {

    @Test
    void consecutiveThreadIdsStartAtDifferentSlots() {
        for (int n = 1; n <= 64; n++) {
            for (long first : new long[] {1, 17, 20, 1_000, 123_456_789, Integer.MAX_VALUE - 5L, Long.MAX_VALUE - 64}) {
                Set<Integer> slots = new HashSet<>();
                for (long id = first; id < first + n; id++) {
                    int slot = EntryStore.start(id, n);
                    assertThat(slot).as("thread id %d among %d slots", id, n).isBetween(0, n - 1);
                    slots.add(slot);
                }
                assertThat(slots).as("slots of %d threads with ids from %d", n, first).hasSize(n);
            }
        }
    }

    @Test
    void sixteenThreadsOnSixteenConnectionsKeepTheirOwn() throws Exception {
        int n = 16;
        StubDatabase db = new StubDatabase();
        try (SimplePool pool = db.open(StubDatabase.config("affinity").minSize(0).maxSize(n).build())) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                held.add(pool.getConnection());
            }
            for (Connection c : held) {
                c.close();
            }
            // Made in one go, as an executor makes its workers, so that their ids follow each other. Each
            // borrows twice, and only on its turn: one borrow at a time in the pool, so that a thread whose
            // search started at another's slot would take that thread's connection.
            List<List<Connection>> got = new ArrayList<>();
            List<Semaphore> turns = new ArrayList<>();
            Semaphore done = new Semaphore(0);
            List<Thread> threads = new ArrayList<>();
            // Another thread made meanwhile (the JVM's or the build's) would put a gap in the ids: make them again.
            for (int attempt = 0; attempt < 10 && !consecutive(threads, n); attempt++) {
                got.clear();
                turns.clear();
                threads.clear();
                for (int t = 0; t < n; t++) {
                    List<Connection> mine = new CopyOnWriteArrayList<>();
                    Semaphore turn = new Semaphore(0);
                    threads.add(new Thread(() -> twoBorrows(pool, turn, done, mine)));
                    got.add(mine);
                    turns.add(turn);
                }
            }
            assertThat(consecutive(threads, n)).as("16 threads with ids in sequence, in 10 attempts").isTrue();
            threads.forEach(Thread::start);
            for (int round = 0; round < 2; round++) {
                for (Semaphore turn : turns) {
                    turn.release();
                    assertThat(done.tryAcquire(10, TimeUnit.SECONDS)).as("a borrow of an idle connection done within 10 s").isTrue();
                }
            }
            for (Thread t : threads) {
                t.join(10_000);
            }
            Set<Connection> distinct = new HashSet<>();
            for (List<Connection> mine : got) {
                assertThat(mine).as("one connection per borrow").hasSize(2);
                assertThat(mine.get(1)).as("a thread's second borrow gets its first connection").isSameAs(mine.get(0));
                distinct.add(mine.get(0));
            }
            assertThat(distinct).as("connections of 16 threads on 16 connections").hasSize(n);
        }
    }

    @Test
    void aThreadStartsWhereItLastFoundAnIdleConnection() throws Exception {
        StubDatabase db = new StubDatabase();
        try (SimplePool pool = db.open(StubDatabase.config("sticky").minSize(0).maxSize(4).build())) {
            List<Connection> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(pool.getConnection());
            }
            for (Connection c : all) {
                c.close();
            }
            // On a thread of its own, so that no earlier borrow of this test's thread left a hint behind.
            List<Connection> got = new CopyOnWriteArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    Connection first = pool.getConnection(); // its start slot
                    Connection second = pool.getConnection(); // the start slot is taken: the next one
                    got.add(StubDatabase.physicalOf(first));
                    got.add(StubDatabase.physicalOf(second));
                    first.close();
                    second.close();
                    try (Connection third = pool.getConnection()) { // both idle again
                        got.add(StubDatabase.physicalOf(third));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            t.join(10_000);
            assertThat(got).as("three borrows done within 10 s").hasSize(3);
            assertThat(got.get(1)).as("the second borrow, while the first is held").isNotSameAs(got.get(0));
            assertThat(got.get(2)).as("the third borrow starts where the second found one").isSameAs(got.get(1));
        }
    }

    /** Borrows and gives back twice, each time on its turn. */
    private static void twoBorrows(SimplePool pool, Semaphore turn, Semaphore done, List<Connection> got) {
        try {
            for (int round = 0; round < 2; round++) {
                if (!turn.tryAcquire(10, TimeUnit.SECONDS)) {
                    return;
                }
                try (Connection c = pool.getConnection()) {
                    got.add(StubDatabase.physicalOf(c));
                } finally {
                    done.release();
                }
            }
        } catch (InterruptedException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+, and this module targets 17
    private static boolean consecutive(List<Thread> threads, int n) {
        if (threads.size() != n) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (threads.get(i).getId() != threads.get(0).getId() + i) {
                return false;
            }
        }
        return true;
    }
}
