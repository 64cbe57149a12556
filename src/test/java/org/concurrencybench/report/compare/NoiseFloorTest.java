package org.concurrencybench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.Verdict;
import org.concurrencybench.report.input.RunReader;
import org.junit.jupiter.api.Test;

/**
 * The default noise floor against the committed runs it was chosen on (2-core development VM, AMD
 * EPYC host, a minute apart): the rounds trio A, A2 (the same commit again) and B (5% more CPU work
 * per task), each five rounds of SEQUENTIAL, FIXED_POOL and VIRTUAL_THREADS on CPU and SLEEP at 1 and
 * 2 cores. At the default settings the A/A pair calls nothing and its intervals hold 1, and the planted
 * change is called in every CPU cell and in no SLEEP cell. The pair made before rounds is the contrast:
 * its largest move, 5%, has an interval that misses 1, which the floor of 6% used to hide.
 */
class NoiseFloorTest {

    private static final Path A = Path.of("results/20261204-224720-dev-2core-rounds-A");
    private static final Path A2 = Path.of("results/20261204-225112-dev-2core-rounds-A2");
    private static final Path B = Path.of("results/20261204-225502-dev-2core-rounds-B");
    private static final Path BEFORE_ROUNDS_A = Path.of("results/20261128-200044-dev-2core-A");
    private static final Path BEFORE_ROUNDS_A2 = Path.of("results/20261128-200423-dev-2core-A2");

    @Test
    void anAaPairInRoundsCallsNothingAndItsIntervalsHoldOne() {
        List<ComparisonRow> rows = compare(A, A2).rows();
        assertEquals(12, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE), "an A/A pair shows no change");
        assertEquals(12, rows.stream().filter(r -> r.ratioLow() <= 1 && r.ratioHigh() >= 1).count(),
                "every interval holds 1");
        double largest = rows.stream().mapToDouble(r -> Math.abs(r.ratio() - 1)).max().orElseThrow();
        assertTrue(largest < ComparisonSettings.DEFAULT_MIN_CHANGE / 2, "the floor is well above the pair's largest move: "
                + largest);
    }

    @Test
    void aPlantedFivePercentIsCalledInEveryCpuCellAndInNoSleepCell() {
        List<ComparisonRow> rows = compare(A, B).rows();
        List<ComparisonRow> cpu = rows.stream().filter(r -> r.group().equals("CPU")).toList();
        List<ComparisonRow> sleep = rows.stream().filter(r -> r.group().equals("SLEEP")).toList();
        assertEquals(6, cpu.size());
        assertEquals(6, sleep.size());
        for (ComparisonRow row : cpu) {
            assertEquals(Verdict.SLOWER, row.verdict(), row.model() + " " + row.coresA());
            assertTrue(row.ratio() > 1.02 && row.ratio() < 1.08, row.model() + " " + row.ratio());
        }
        assertTrue(sleep.stream().allMatch(r -> r.verdict() == Verdict.NO_DIFFERENCE));
        assertTrue(ComparisonSettings.DEFAULT_MIN_CHANGE < cpu.stream().mapToDouble(r -> r.ratio() - 1).min().orElseThrow(),
                "the floor is below the smallest planted change seen");
    }

    @Test
    void thePairMadeBeforeRoundsDriftedOutsideItsOwnInterval() {
        ComparisonRow largest = compare(BEFORE_ROUNDS_A, BEFORE_ROUNDS_A2).rows().stream()
                .max(Comparator.comparingDouble(r -> Math.abs(r.ratio() - 1))).orElseThrow();
        assertEquals("FIXED_POOL CPU 2", largest.model() + " " + largest.group() + " " + largest.coresA());
        assertEquals(0.949, largest.ratio(), 0.0005);
        assertEquals(0.938, largest.ratioLow(), 0.0005);
        assertEquals(0.961, largest.ratioHigh(), 0.0005);
        assertEquals(Verdict.FASTER, largest.verdict(), "at today's floor the drift of a run before rounds is a false call");
        ComparisonRow sameCellInRounds = compare(A, A2).rows().stream()
                .filter(r -> r.model().equals("FIXED_POOL") && r.group().equals("CPU") && r.coresA() == 2).findFirst()
                .orElseThrow();
        assertTrue(sameCellInRounds.ratioLow() <= 1 && sameCellInRounds.ratioHigh() >= 1);
    }

    private static RunComparison compare(Path a, Path b) {
        ScalingAnalysis analysis = new ScalingAnalysis(0.95);
        return RunComparison.of("A", analysis.analyse(RunReader.read(a), w -> { }), "B",
                analysis.analyse(RunReader.read(b), w -> { }), ComparisonSettings.defaults(0.95));
    }
}
