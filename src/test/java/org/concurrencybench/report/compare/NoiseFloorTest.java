package org.concurrencybench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.input.RunReader;
import org.junit.jupiter.api.Test;

/**
 * The comparison against the committed runs with a known answer (2-core development VM, AMD EPYC
 * host, a minute apart): the rounds trio A, A2 (the same commit again) and B (5% more CPU work per
 * task), each five rounds of SEQUENTIAL, FIXED_POOL and VIRTUAL_THREADS on CPU and SLEEP at 1 and
 * 2 cores, one run a side, so the default run-level term is in every interval. The A/A pair calls
 * nothing changed; the planted change is called slower or "we cannot tell" in every CPU cell, never
 * faster or the same, and no SLEEP cell changed. The pair made before rounds is the contrast: it
 * drifted more between runs than the default term allows, and needs its own (--run-noise).
 */
class NoiseFloorTest {

    private static final Path A = Path.of("results/20261204-224720-dev-2core-rounds-A");
    private static final Path A2 = Path.of("results/20261204-225112-dev-2core-rounds-A2");
    private static final Path B = Path.of("results/20261204-225502-dev-2core-rounds-B");
    private static final Path BEFORE_ROUNDS_A = Path.of("results/20261128-200044-dev-2core-A");
    private static final Path BEFORE_ROUNDS_A2 = Path.of("results/20261128-200423-dev-2core-A2");

    @Test
    void anAaPairInRoundsCallsNoCellChangedAndItsIntervalsHoldOne() {
        List<ComparisonRow> rows = compare(A, A2, ComparisonSettings.defaults(0.95)).rows();
        assertEquals(12, rows.size());
        assertTrue(rows.stream().noneMatch(r -> r.decision().changed()), "an A/A pair shows no change");
        assertEquals(12, rows.stream().filter(r -> r.ratioLow() <= 1 && r.ratioHigh() >= 1).count(),
                "every interval holds 1");
        double largest = rows.stream().mapToDouble(r -> Math.abs(r.ratio().value() - 1)).max().orElseThrow();
        assertTrue(largest < ComparisonSettings.DEFAULT_MIN_CHANGE / 2, "the floor is well above the pair's largest move: "
                + largest);
    }

    @Test
    void aPlantedFivePercentIsSlowerOrCannotTellInEveryCpuCellAndNoSleepCellChanged() {
        List<ComparisonRow> rows = compare(A, B, ComparisonSettings.defaults(0.95)).rows();
        List<ComparisonRow> cpu = rows.stream().filter(r -> r.group().equals("CPU")).toList();
        List<ComparisonRow> sleep = rows.stream().filter(r -> r.group().equals("SLEEP")).toList();
        assertEquals(6, cpu.size());
        assertEquals(6, sleep.size());
        for (ComparisonRow row : cpu) {
            assertTrue(row.slower() || row.cannotTell(), row.model() + " " + row.coresA() + ": " + row.answer());
            assertTrue(row.ratio().value() > 1.02 && row.ratio().value() < 1.08, row.model() + " " + row.ratio());
        }
        assertTrue(sleep.stream().noneMatch(r -> r.decision().changed()));
        assertTrue(ComparisonSettings.DEFAULT_MIN_CHANGE < cpu.stream().mapToDouble(r -> r.ratio().value() - 1).min()
                .orElseThrow(), "the floor is below the smallest planted change seen");
    }

    @Test
    void thePairMadeBeforeRoundsNeedsItsOwnRunLevelTerm() {
        ComparisonRow largest = compare(BEFORE_ROUNDS_A, BEFORE_ROUNDS_A2, ComparisonSettings.defaults(0.95)).rows()
                .stream().max(Comparator.comparingDouble(r -> Math.abs(r.ratio().value() - 1))).orElseThrow();
        assertEquals("FIXED_POOL CPU 2", largest.model() + " " + largest.group() + " " + largest.coresA());
        assertEquals(0.949, largest.ratio().value(), 0.0005);
        // the run-level sd of the pair made before rounds: 1.7%; with it no cell of that A/A pair changed
        assertTrue(compare(BEFORE_ROUNDS_A, BEFORE_ROUNDS_A2, new ComparisonSettings(0.95, 0.02, 0.017)).rows().stream()
                .noneMatch(r -> r.decision().changed()));
        ComparisonRow sameCellInRounds = compare(A, A2, ComparisonSettings.defaults(0.95)).rows().stream()
                .filter(r -> r.model().equals("FIXED_POOL") && r.group().equals("CPU") && r.coresA() == 2).findFirst()
                .orElseThrow();
        assertTrue(sameCellInRounds.ratioLow() <= 1 && sameCellInRounds.ratioHigh() >= 1);
    }

    private static RunComparison compare(Path a, Path b, ComparisonSettings settings) {
        ScalingAnalysis analysis = new ScalingAnalysis(0.95);
        return RunComparison.of("A", analysis.analyse(RunReader.read(a), w -> { }), "B",
                analysis.analyse(RunReader.read(b), w -> { }), settings);
    }
}
