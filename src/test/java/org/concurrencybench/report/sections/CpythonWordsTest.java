package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.analysis.CpythonComparison.Finding;
import org.concurrencybench.report.analysis.CpythonComparison.SpeedupRow;
import org.concurrencybench.report.stats.RatioEstimate;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the words of the CPython comparison: each verdict rule on
 * rows planted for it, the expected sentence written out; and the reasons given for a gap of
 * more than 2x, from planted figures.
 */
class CpythonWordsTest {

    private static final RatioEstimate FIRM_ONE = new RatioEstimate(1.0, 0.99, 1.01);

    /** A compared row whose speedups are firm (±1%) unless given, with the ratio planted. */
    private static SpeedupRow row(String form, String model, int cores, RatioEstimate cpython, RatioEstimate jvm,
                                  RatioEstimate ratio) {
        return new SpeedupRow("IO", form, model, cores, cpython, jvm, ratio, new Finding.Compared(ratio));
    }

    private static String verdict(double ratio, double low, double high) {
        return CpythonSection.verdict(row("asyncio", "EVENT_LOOP", 2, FIRM_ONE, FIRM_ONE,
                new RatioEstimate(ratio, low, high)));
    }

    @Test
    void aWholeIntervalWithinTheToleranceAgreesWhetherOrNotItHoldsOne() {
        assertEquals("agrees: the same within x/\u00f7 1.10", verdict(1.04, 0.99, 1.09));
        assertEquals("agrees: the same within x/\u00f7 1.10", verdict(1.004, 1.002, 1.006));
        assertEquals("agrees: the same within x/\u00f7 1.10", verdict(0.916, 0.910, 0.922));
    }

    @Test
    void anIntervalReachingBeyondTheToleranceCannotTellThoughItHoldsOne() {
        assertEquals("we cannot tell (interval wider than the noise floor): CPython's is 1.00x the simulation's",
                verdict(1.0, 0.8, 1.25));
        assertEquals("we cannot tell (interval straddles the noise floor): CPython's is 1.08x the simulation's",
                verdict(1.08, 1.02, 1.14));
    }

    @Test
    void differsOnlyWhereTheWholeIntervalLiesBeyondTheTolerance() {
        assertEquals("differs: CPython's is 1.26x the simulation's", verdict(1.26, 1.15, 1.38));
        assertEquals("differs: CPython's is 1/1.65 of the simulation's", verdict(0.606, 0.442, 0.770));
        assertEquals("we cannot tell (no interval): CPython's is 1.20x the simulation's",
                verdict(1.2, Double.NaN, Double.NaN));
        assertEquals("we cannot tell (no interval): CPython's is 1.05x the simulation's",
                verdict(1.05, Double.NaN, Double.NaN));
    }

    @Test
    void moreThanTwiceApartPointsToTheReason() {
        assertEquals("differs: CPython's is 1/6.54 of the simulation's; more than 2.00x apart, why under the table",
                verdict(0.153, 0.109, 0.197));
    }

    @Test
    void aVerdictOnAnUnreliableFigureSaysSo() {
        SpeedupRow wide = row("threading.Thread", "GLOBAL_LOCK_PER_TASK", 2, new RatioEstimate(0.357, 0.314, 0.400),
                new RatioEstimate(1.32, 0.990, 1.66), new RatioEstimate(0.270, 0.194, 0.345));
        assertEquals("differs: CPython's is 1/3.70 of the simulation's; more than 2.00x apart, why under the table;"
                + " unreliable: CPython's and the JVM's intervals are wider than \u00b110%", CpythonSection.verdict(wide));
        SpeedupRow jvmWide = row("sequential", "SEQUENTIAL", 1, FIRM_ONE, new RatioEstimate(1.0, 0.8, 1.2),
                new RatioEstimate(1.0, 0.8, 1.2));
        assertEquals("we cannot tell (interval wider than the noise floor): CPython's is 1.00x the simulation's;"
                + " unreliable: the JVM's interval is wider than \u00b110%", CpythonSection.verdict(jvmWide));
    }

    @Test
    void aProcessPerTaskGapIsAForkAgainstAJvmStart() {
        SpeedupRow one = row("multiprocessing.Process", "PROCESS_PER_TASK", 1, FIRM_ONE, FIRM_ONE,
                new RatioEstimate(3.93, 3.51, 4.36));
        assertEquals("multiprocessing.Process against PROCESS_PER_TASK at 1 core (3.93x): each task is a new process on"
                + " both sides, a fork for CPython and a JVM start for the simulation. At 1 core a task costs 6.88 ms"
                + " more than in CPython's sequential code (the fork) and 39.6 ms more under PROCESS_PER_TASK than"
                + " under SEQUENTIAL (the JVM start; a bare JVM starts in 32.7 ms here, see JVM start-up), each side's"
                + " (batch - sequential batch) / 64 tasks.",
                CpythonGaps.processStart(List.of(one), 1, 6.88, 39.6, 64, 32.7));
    }

    @Test
    void aRoundTripGapIsTheInterpretersTimeTheSimulatedLockDoesNotModel() {
        SpeedupRow threads = row("threading.Thread", "GLOBAL_LOCK_PER_TASK", 2, FIRM_ONE, FIRM_ONE,
                new RatioEstimate(0.270, 0.194, 0.345));
        assertEquals("threading.Thread against GLOBAL_LOCK_PER_TASK at 2 cores (1/3.70): at 2 cores CPython's"
                + " sequential round trip takes 34.3 \u00b5s and the JVM's 37.3 \u00b5s; per round trip of the batch,"
                + " threading.Thread 56.4 \u00b5s against GLOBAL_LOCK_PER_TASK's 27.3 \u00b5s at 2 cores (batch / (64"
                + " tasks x 20 round trips)). CPython's round trip includes the interpreter's own time, held under the"
                + " GIL (asyncio: on its one thread), so its threads and tasks queue for it; the simulated lock,"
                + " released around each send and read, does not model that time, so the simulation's round trips"
                + " overlap.",
                CpythonGaps.roundTrip(List.of(new CpythonGaps.PerRoundTrip(threads, 56.4, 27.3)), 2, 34.3, 37.3, 64, 20));
    }

    @Test
    void theToleranceIsTenPercent() {
        assertEquals(1.10, CpythonComparison.TOLERANCE);
    }

    @Test
    void theTallyCountsAgreesDiffersAndCannotTellAndLeavesTheBaselineOut() {
        // the 1-core sequential baseline (1 against 1), a firm agreement, a firm difference, and a ratio
        // of 1.00 whose interval (+-25%) reaches beyond the tolerance: it holds 1 but does not agree
        List<SpeedupRow> rows = List.of(
                new SpeedupRow("CPU", "sequential", "SEQUENTIAL", 1, FIRM_ONE, FIRM_ONE, FIRM_ONE, new Finding.Baseline()),
                row("ThreadPoolExecutor", "GLOBAL_LOCK", 2, FIRM_ONE, FIRM_ONE, new RatioEstimate(1.02, 0.99, 1.05)),
                row("ProcessPoolExecutor", "PROCESS_POOL", 2, FIRM_ONE, FIRM_ONE, new RatioEstimate(1.5, 1.3, 1.7)),
                row("asyncio", "EVENT_LOOP", 2, FIRM_ONE, FIRM_ONE, new RatioEstimate(1.0, 0.8, 1.25)));
        var tally = org.concurrencybench.report.analysis.ScenarioSummaries.cpython(rows);
        assertEquals(3, tally.compared(), "the baseline is not counted");
        assertEquals(1, tally.agree(), "a wide interval holding 1 is no agreement");
        assertEquals(1, tally.differ());
    }
}
