package dev.alberca.pool.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's knobs: the mode's default, a given value, or a clear refusal. */
class BenchTest {

    @AfterEach
    void forget() {
        System.clearProperty(Bench.DB_ROUNDS);
        System.clearProperty(Bench.DB_THREADS);
        System.clearProperty(PkSelect.SETTLE_SECONDS);
        System.clearProperty(Bench.CASES);
        System.clearProperty(Bench.CONTESTANTS);
    }

    @Test
    void theModesRoundsWhenNotGiven() {
        assertThat(Bench.databaseRounds(3)).isEqualTo(3);
    }

    @Test
    void theGivenRounds() {
        System.setProperty(Bench.DB_ROUNDS, " 8 ");
        assertThat(Bench.databaseRounds(3)).isEqualTo(8);
    }

    @Test
    void zeroOrTextIsRefusedWithWhatToGive() {
        for (String bad : new String[] {"0", "-2", "eight", ""}) {
            System.setProperty(Bench.DB_ROUNDS, bad);
            assertThatThrownBy(() -> Bench.databaseRounds(3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Dalberca.bench.dbrounds=" + bad + " is not a number of rounds; give a whole number"
                            + " of 1 or more, e.g. -Dalberca.bench.dbrounds=8, or leave it out for the mode's 3");
        }
    }

    @Test
    void settleSecondsMayBeZeroButNotNegative() {
        System.setProperty(PkSelect.SETTLE_SECONDS, "0");
        assertThat(Bench.wholeNumber(PkSelect.SETTLE_SECONDS, "seconds", 0, 10, 60)).isZero();
        System.setProperty(PkSelect.SETTLE_SECONDS, "-1");
        assertThatThrownBy(() -> Bench.wholeNumber(PkSelect.SETTLE_SECONDS, "seconds", 0, 10, 60))
                .hasMessage("-Dalberca.bench.settleseconds=-1 is not a number of seconds; give a whole number of 0 or"
                        + " more, e.g. -Dalberca.bench.settleseconds=10, or leave it out for the mode's 60");
    }

    @Test
    void allFourThreadCountsOrTheOneNamed() {
        assertThat(Bench.databaseThreads()).containsExactly(1, 4, 8, 16);
        System.setProperty(Bench.DB_THREADS, "8");
        assertThat(Bench.databaseThreads()).containsExactly(8);
        System.setProperty(Bench.DB_THREADS, "5");
        assertThatThrownBy(Bench::databaseThreads)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dalberca.bench.threads=5 is not one of the database's thread counts; give 1, 4, 8 or 16,"
                        + " or leave it out for all four");
    }

    @Test
    void everyStubCaseOrTheOnesNamed() {
        assertThat(Bench.stubCases()).containsExactly("cycle-1", "cycle-2", "cycle-8", "contended", "statements-1",
                "statements-2", "statements-8", "contended-virtual");
        System.setProperty(Bench.CASES, "cycle-2, contended-virtual");
        assertThat(Bench.stubCases()).containsExactly("cycle-2", "contended-virtual");
    }

    @Test
    void anUnknownStubCaseIsRefusedWithTheNames() {
        System.setProperty(Bench.CASES, "cycle-2,cycle-4");
        assertThatThrownBy(Bench::stubCases)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dalberca.bench.cases=cycle-2,cycle-4 names no stub case 'cycle-4'; give one or more of"
                        + " cycle-1, cycle-2, cycle-8, contended, statements-1, statements-2, statements-8,"
                        + " contended-virtual, comma-separated, or leave it out for all of them");
    }

    @Test
    void casesPickedWithoutTheirPartAreRefused() {
        System.setProperty(Bench.CASES, "contended-virtual");
        Bench.checkParts(Set.of("vt"), Bench.stubCases()); // runs it
        Bench.checkParts(Set.of("interleaved-cycles"), Bench.stubCases()); // runs its turns
        assertThatThrownBy(() -> Bench.checkParts(new TreeSet<>(Set.of("cycles", "db")), Bench.stubCases()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dalberca.bench.cases=contended-virtual picks stub cases, but the parts [cycles, db] run"
                        + " none of them; add part cycles (or vt, for contended-virtual), or interleaved-cycles for"
                        + " the borrow/close cycles");
    }

    @Test
    void theInterleavedCyclesAreTheBorrowCloseCasesOnly() {
        System.setProperty(Bench.CASES, "statements-2");
        // The statement cycles have no turns: that part alone would run nothing.
        assertThatThrownBy(() -> Bench.checkParts(Set.of("interleaved-cycles"), Bench.stubCases()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Bench.STUB_CASES.stream().filter(Bench.StubCase::interleaves).map(Bench.StubCase::interleaved))
                .containsExactly("CycleInterleaved.cycles", "CycleInterleaved.cycles", "CycleInterleaved.cycles",
                        "CycleInterleaved.cycles", "CycleInterleaved.cyclesYielding");
    }

    @Test
    void theInterleavedDiagnosticsRunOnlyWhenNamed() {
        // A run with no parts named must stay what the quick mode's 10 minutes were measured with.
        assertThat(Bench.DEFAULT_PARTS).containsExactly("cycles", "alloc", "vt", "cold", "db", "roundtrips");
    }

    @Test
    void anUnknownPartOrContestantIsRefused() {
        assertThatThrownBy(() -> Bench.checkParts(Set.of("cycle"), Bench.stubCases()))
                .hasMessage("unknown part 'cycle'; give one or more of cycles, alloc, vt, interleaved-cycles, cold,"
                        + " db, interleaved, roundtrips, comma-separated, or none for all but the interleaved ones");
        System.setProperty(Bench.CONTESTANTS, "dbcp,rawdbcp");
        assertThatThrownBy(() -> Bench.checkParts(Set.of("cycles"), Bench.stubCases()))
                .hasMessage("-Dalberca.bench.contestants=dbcp,rawdbcp names no contestant 'rawdbcp'; give one or more"
                        + " of none, simple, hikari, dbcp, raw-hikari, raw-dbcp, comma-separated");
        System.setProperty(Bench.CONTESTANTS, "dbcp, raw-dbcp");
        Bench.checkParts(Set.of("cycles"), Bench.stubCases());
    }
}
