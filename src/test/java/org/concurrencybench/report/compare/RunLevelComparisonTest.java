package org.concurrencybench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.concurrencybench.report.sections.compare.PowerLine;
import org.concurrencybench.report.stats.Decision;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of synthetic runs whose answer is known ({@link SyntheticRuns}): the false calls of
 * A/A comparisons with the run level in them, the power on a planted change, "the same" and "we
 * cannot tell" where each is the truth, and the run-level term each comparison says it used.
 */
class RunLevelComparisonTest {

    /** Quiet rounds, 1% between runs: most of a between-run ratio's variance is the run level's. */
    private static final SyntheticRuns.Noise ONE_PERCENT_RUNS = new SyntheticRuns.Noise(0.01, 0.005, 0.003);
    private static final int COMPARISONS = 400;

    private static RunComparison compare(List<List<org.concurrencybench.report.analysis.WorkloadScaling>> a,
            List<List<org.concurrencybench.report.analysis.WorkloadScaling>> b, ComparisonSettings settings) {
        return RunComparison.ofRuns("A", a, "B", b, settings);
    }

    private static long comparisonsWithAChange(int runsASide, ComparisonSettings settings) {
        Random random = new Random(29);
        long withAChange = 0;
        for (int i = 0; i < COMPARISONS; i++) {
            RunComparison comparison = compare(SyntheticRuns.runs(random, runsASide, 5, 1.0, ONE_PERCENT_RUNS),
                    SyntheticRuns.runs(random, runsASide, 5, 1.0, ONE_PERCENT_RUNS), settings);
            assertEquals(12, comparison.rows().size());
            if (comparison.rows().stream().anyMatch(r -> r.decision().changed())) {
                withAChange++;
            }
        }
        return withAChange;
    }

    @Test
    void aaWithOneRunASideAndTheRunLevelTermSetToMatchCallsAChangeInAtMostFivePercentOfComparisons() {
        ComparisonSettings matching = new ComparisonSettings(0.95, ComparisonSettings.DEFAULT_MIN_CHANGE, 0.01);
        long withAChange = comparisonsWithAChange(1, matching);
        assertTrue(withAChange <= COMPARISONS * 0.05, withAChange + " of " + COMPARISONS);
    }

    @Test
    void withoutTheRunLevelTermTheSameAaComparisonsCallFalseChanges() {
        // the defect the term mends: rounds alone make intervals narrow about the wrong thing
        ComparisonSettings none = new ComparisonSettings(0.95, ComparisonSettings.DEFAULT_MIN_CHANGE, 0.0);
        long withAChange = comparisonsWithAChange(1, none);
        assertTrue(withAChange > COMPARISONS * 0.05, withAChange + " of " + COMPARISONS);
    }

    @Test
    void aaWithThreeRunsASideMeasuresTheRunLevelAndCallsAChangeInAtMostFivePercentOfComparisons() {
        long withAChange = comparisonsWithAChange(3, ComparisonSettings.defaults(0.95));
        assertTrue(withAChange <= COMPARISONS * 0.05, withAChange + " of " + COMPARISONS);
        RunComparison one = compare(SyntheticRuns.runs(new Random(1), 3, 5, 1.0, ONE_PERCENT_RUNS),
                SyntheticRuns.runs(new Random(2), 3, 5, 1.0, ONE_PERCENT_RUNS), ComparisonSettings.defaults(0.95));
        assertEquals(RunComparison.RunLevelSource.MEASURED, one.runLevel().source());
        assertEquals(48, one.runLevel().df(), 0, "12 cells x 2 sides x (3 - 1)");
        assertEquals(0.01, one.runLevel().sd(), 0.004, "the planted run level, measured");
    }

    @Test
    void aPlantedFivePercentWithThreeRunsASideIsCalledSlowerInFourCellsOfFiveAndNeverFaster() {
        Random random = new Random(5);
        int cells = 0;
        int slower = 0;
        int faster = 0;
        for (int i = 0; i < 100; i++) {
            RunComparison comparison = compare(SyntheticRuns.runs(random, 3, 5, 1.0, ONE_PERCENT_RUNS),
                    SyntheticRuns.runs(random, 3, 5, 1.05, ONE_PERCENT_RUNS), ComparisonSettings.defaults(0.95));
            cells += comparison.rows().size();
            slower += comparison.tally().slower();
            faster += comparison.tally().faster();
        }
        assertTrue(slower >= 0.8 * cells, slower + " of " + cells);
        assertEquals(0, faster);
    }

    @Test
    void noChangeWithNarrowIntervalsIsTheSameAndWithTenPercentIntervalsWeCannotTell() {
        ComparisonSettings noRunLevel = new ComparisonSettings(0.95, ComparisonSettings.DEFAULT_MIN_CHANGE, 0.0);
        SyntheticRuns.Noise quiet = new SyntheticRuns.Noise(0, 0.001, 0.001);
        RunComparison narrow = compare(List.of(SyntheticRuns.run(new Random(1), 5, 1.0, quiet)),
                List.of(SyntheticRuns.run(new Random(2), 5, 1.0, quiet)), noRunLevel);
        assertEquals(12, narrow.tally().same(), narrow.rows().toString());

        SyntheticRuns.Noise loud = new SyntheticRuns.Noise(0, 0.07, 0.001);
        RunComparison wide = compare(List.of(SyntheticRuns.run(new Random(1), 5, 1.0, loud)),
                List.of(SyntheticRuns.run(new Random(2), 5, 1.0, loud)), noRunLevel);
        for (ComparisonRow row : wide.rows()) {
            assertTrue(row.ratioHigh() / row.ratioLow() > 1.15, "about \u00b110%: " + row.ratio());
            assertEquals(Decision.Answer.CANNOT_TELL, row.decision().answer(), row.ratio().toString());
            assertEquals("we cannot tell (interval wider than the noise floor)", row.answer());
        }
    }

    @Test
    void eachComparisonSaysWhichRunLevelTermItUsed() {
        var a = List.of(SyntheticRuns.run(new Random(1), 5, 1.0, ONE_PERCENT_RUNS));
        var b = List.of(SyntheticRuns.run(new Random(2), 5, 1.0, ONE_PERCENT_RUNS));
        RunComparison byDefault = compare(a, b, ComparisonSettings.defaults(0.95));
        assertEquals(RunComparison.RunLevelSource.DEFAULT, byDefault.runLevel().source());
        assertEquals(ComparisonSettings.DEFAULT_RUN_NOISE, byDefault.runLevel().sd(), 0);
        RunComparison given = compare(a, b, new ComparisonSettings(0.95, 0.02, 0.025));
        assertEquals(RunComparison.RunLevelSource.GIVEN, given.runLevel().source());
        assertEquals(0.025, given.runLevel().sd(), 0);
        ComparisonRow row = given.rows().get(0);
        ComparisonRow sameCellByDefault = byDefault.rows().get(0);
        assertTrue(row.ratioHigh() / row.ratioLow() > sameCellByDefault.ratioHigh() / sameCellByDefault.ratioLow(),
                "a larger run level, a wider interval");
        // one run a side, variance = rounds of A + rounds of B + 2 sigma^2
        double withoutRunLevel = compare(a, b, new ComparisonSettings(0.95, 0.02, 0.0)).rows().get(0).estimate().variance();
        assertEquals(withoutRunLevel + 2 * 0.025 * 0.025, row.estimate().variance(), 1e-15);
    }

    @Test
    void theDetectableChangeIsPerCellAndHoldsItsPower() {
        // SLEEP cells four times as noisy between rounds as CPU cells
        Map<String, SyntheticRuns.Noise> noise = Map.of("CPU", new SyntheticRuns.Noise(0, 0.005, 0.002),
                "SLEEP", new SyntheticRuns.Noise(0, 0.02, 0.002));
        ComparisonSettings settings = new ComparisonSettings(0.95, 0.02, 0.007);
        Random random = new Random(80);
        RunComparison first = RunComparison.of("A", SyntheticRuns.run(random, 5, Map.of("CPU", 1.0, "SLEEP", 1.0), noise),
                "B", SyntheticRuns.run(random, 5, Map.of("CPU", 1.0, "SLEEP", 1.0), noise), settings);
        double cpu = first.rows().stream().filter(r -> r.group().equals("CPU")).mapToDouble(ComparisonRow::detectableChange)
                .max().orElseThrow();
        double sleep = first.rows().stream().filter(r -> r.group().equals("SLEEP"))
                .mapToDouble(ComparisonRow::detectableChange).min().orElseThrow();
        assertTrue(cpu < sleep, "noisier cells need a larger change: CPU " + cpu + ", SLEEP " + sleep);
        DetectableChanges power = DetectableChanges.of(first).orElseThrow();
        assertTrue(power.smallest() < power.largest());
        assertTrue(PowerLine.of(first).contains("80% power, the run-level term included"), PowerLine.of(first));
    }

    @Test
    void oneRoundASideGivesNoIntervalAndSaysSo() {
        RunComparison comparison = compare(List.of(SyntheticRuns.run(new Random(1), 1, 1.0, ONE_PERCENT_RUNS)),
                List.of(SyntheticRuns.run(new Random(2), 1, 1.3, ONE_PERCENT_RUNS)), ComparisonSettings.defaults(0.95));
        for (ComparisonRow row : comparison.rows()) {
            assertEquals("we cannot tell (no interval)", row.answer());
            assertTrue(Double.isNaN(row.ratioLow()) && Double.isNaN(row.detectableChange()));
        }
        assertTrue(PowerLine.of(comparison).contains("can call no change at all"), PowerLine.of(comparison));
    }

    @Test
    void noIntervalBoundIsAtOrBelowZeroHoweverLoudTheRuns() {
        SyntheticRuns.Noise wild = new SyntheticRuns.Noise(0.3, 0.4, 0.3);
        Random random = new Random(0);
        for (int i = 0; i < 50; i++) {
            RunComparison comparison = compare(List.of(SyntheticRuns.run(random, 2, 1.0, wild)),
                    List.of(SyntheticRuns.run(random, 2, 1.0, wild)), ComparisonSettings.defaults(0.95));
            for (ComparisonRow row : comparison.rows()) {
                assertTrue(row.ratioLow() > 0 && row.ratioHigh() > row.ratioLow(), row.ratio().toString());
            }
        }
    }
}
