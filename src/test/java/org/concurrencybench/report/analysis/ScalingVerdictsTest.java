package org.concurrencybench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.junit.jupiter.api.Test;

/** The rules behind the report's words: when two things differ, which work gets per-core metrics, reliability for all. */
class ScalingVerdictsTest {

    @Test
    void aVerdictHasThreeAnswersReadOffTheWholeIntervalAgainstTheTwoPercentFloor() {
        assertEquals(Decision.Answer.HIGHER, ScalingVerdicts.decide(new RatioEstimate(1.05, 1.03, 1.07)).answer());
        assertEquals(Decision.Answer.LOWER, ScalingVerdicts.decide(new RatioEstimate(0.95, 0.93, 0.97)).answer(),
                "slower counts as well");
        assertEquals(Decision.Answer.SAME, ScalingVerdicts.decide(new RatioEstimate(1.01, 1.005, 1.015)).answer(),
                "the whole interval within 2%: the same");
        assertEquals(Decision.Answer.CANNOT_TELL, ScalingVerdicts.decide(new RatioEstimate(1.55, 0.9, 2.2)).answer(),
                "the interval holds 1 but reaches far beyond 2%: not 'the same', we cannot tell");
        assertEquals(Decision.Answer.CANNOT_TELL,
                ScalingVerdicts.decide(new RatioEstimate(1.021, 1.001, 1.041)).answer(),
                "the floor applies to the whole interval, not to the point estimate");
        assertEquals("we cannot tell (no interval)",
                ScalingVerdicts.decide(new RatioEstimate(1.5, Double.NaN, Double.NaN)).words(), "no interval, no claim");
    }

    @Test
    void noChangeWithANarrowIntervalIsTheSameAndWithTenPercentEitherSideWeCannotTell() {
        assertTrue(ScalingVerdicts.decide(new RatioEstimate(1.0, 0.995, 1.005)).same());
        assertEquals("we cannot tell (interval wider than the noise floor)",
                ScalingVerdicts.decide(new RatioEstimate(1.0, 1 / 1.1, 1.1)).words());
    }

    @Test
    void aStepPaysOnlyWhenItsWholeIntervalClearsTheGainAndStopsOnlyWhenItLiesBelow() {
        assertEquals(java.util.Optional.of(true), ScalingVerdicts.pays(new RatioEstimate(1.15, 1.12, 1.18), 0.10));
        assertEquals(java.util.Optional.of(false), ScalingVerdicts.pays(new RatioEstimate(1.02, 0.99, 1.05), 0.10));
        assertEquals(java.util.Optional.empty(), ScalingVerdicts.pays(new RatioEstimate(1.12, 1.05, 1.19), 0.10),
                "a 12% gain whose interval reaches below 10%: we cannot tell");
        assertEquals(java.util.Optional.empty(), ScalingVerdicts.pays(new RatioEstimate(1.3, Double.NaN, Double.NaN),
                0.10), "no interval: we cannot tell");
    }

    @Test
    void workloadKindsDecideWherePerCoreMetricsMeanSomething() {
        assertEquals(WorkloadKind.CPU_BOUND, WorkloadKind.of("CPU tasks=256"));
        assertEquals(WorkloadKind.CPU_BOUND, WorkloadKind.of("CONTENDED"));
        assertEquals(WorkloadKind.WAITS, WorkloadKind.of("SLEEP"));
        assertEquals(WorkloadKind.MIXED, WorkloadKind.of("MIXED"));
        assertEquals(WorkloadKind.UNKNOWN, WorkloadKind.of("USER Sha256Task"));
        assertTrue(WorkloadKind.CPU_BOUND.perCoreMetrics("FORK_JOIN"));
        assertFalse(WorkloadKind.CPU_BOUND.perCoreMetrics("GLOBAL_LOCK"), "one task at a time under the GIL");
        assertFalse(WorkloadKind.CPU_BOUND.perCoreMetrics("SEQUENTIAL"));
        assertFalse(WorkloadKind.WAITS.perCoreMetrics("FORK_JOIN"));
        assertFalse(WorkloadKind.MIXED.perCoreMetrics("FORK_JOIN"));
    }

    @Test
    void aNoisySequentialCellIsMarkedUnreliableAtOneCoreToo() {
        // a +-32% speedup interval (SEQUENTIAL IO at 1 core, noisy) must not be marked "ok"
        SampleStats noisy = SampleStats.of(new double[][] {{30}, {60}, {35}, {55}, {45}, {50}}, 0.95);
        ScalingCell cell = ScalingAnalysis.cell("IO", "SEQUENTIAL", 1, noisy, noisy, noisy);
        assertEquals("speedup interval wider than \u00b110%", cell.unreliable());
        SampleStats firm = SampleStats.of(new double[][] {{99}, {100}, {101}, {100}}, 0.95);
        assertTrue(ScalingAnalysis.cell("IO", "SEQUENTIAL", 1, firm, firm, firm).reliable());
    }

    @Test
    void aNoisySequentialCellOfARunInRoundsIsMarkedThoughItsPairedSelfRatioIsExactlyOne() {
        // in rounds, SEQUENTIAL over itself is 1 in every round: no interval to fail; its own time is held to +-10%
        double[][] forks = {{44, 46}, {58, 60}, {50, 52}, {40, 42}, {56, 58}};
        java.util.Map<Integer, Double> rounds = java.util.Map.of(1, 45.0, 2, 59.0, 3, 51.0, 4, 41.0, 5, 57.0);
        SampleStats noisy = SampleStats.of(forks, 0.95).withRoundMeans(rounds);
        ScalingCell cell = ScalingAnalysis.cell("IO", "SEQUENTIAL", 1, noisy, noisy, noisy);
        assertEquals(1.0, cell.speedupSameCores().value(), 1e-12);
        assertEquals("time interval wider than \u00b110% (the baseline of every speedup)", cell.unreliable());
    }
}
