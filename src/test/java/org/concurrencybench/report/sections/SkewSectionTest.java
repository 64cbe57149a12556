package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.workload.SizeSpread;
import org.junit.jupiter.api.Test;

/**
 * The skew verdict in words: against SEQUENTIAL's speedup where the run has it, else against the
 * series' own time; a gain or a loss only where the loss factor's interval decides it, "most" only
 * where the decided extreme is told apart from every other series.
 */
class SkewSectionTest {

    /** A factor known to within about 1%. */
    private static RatioEstimate firm(double factor) {
        return new RatioEstimate(factor, factor / 1.01, factor * 1.01);
    }

    /** A verdict at 2 cores from series and loss factors, in that order. */
    private static SkewResults.Verdict verdict(String workload, boolean againstBaseline, Object... seriesAndLoss) {
        Map<String, RatioEstimate> losses = new LinkedHashMap<>();
        for (int i = 0; i < seriesAndLoss.length; i += 2) {
            losses.put((String) seriesAndLoss[i], (RatioEstimate) seriesAndLoss[i + 1]);
        }
        return new SkewResults.Verdict(workload, SizeSpread.PARETO, 2, losses, againstBaseline);
    }

    @Test
    void aVerdictAgainstTheBaselineNamesTheSpeedup() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN loses least to skew (its speedup over SEQUENTIAL divided"
                + " by 1.04 [1.03, 1.05]); PROCESS_POOL chunksize=0 loses most (its speedup over SEQUENTIAL divided by"
                + " 3.00 [2.97, 3.03]); 1 more loses.",
                SkewSection.describe(verdict("CPU", true, "FIXED_POOL", firm(1.2), "FORK_JOIN", firm(1.04),
                        "PROCESS_POOL chunksize=0", firm(3.0))));
    }

    @Test
    void withoutTheBaselineItNamesTheBatchTime() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN loses least to skew (its batch time times 1.14 [1.13,"
                + " 1.16]); PROCESS_POOL loses most (its batch time times 3.30 [3.27, 3.33]).",
                SkewSection.describe(verdict("CPU", false, "FORK_JOIN", firm(57.2 / 50), "PROCESS_POOL",
                        firm(181.5 / 55))));
    }

    @Test
    void whenEveryoneGainsTheWorstGainsLeast() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN gains most from skew (its batch time times 0.800 [0.792,"
                + " 0.808]); THREAD_PER_TASK gains least (its batch time times 0.950 [0.941, 0.959]).",
                SkewSection.describe(verdict("CPU", false, "FORK_JOIN", firm(0.8), "THREAD_PER_TASK", firm(0.95))));
    }

    /**
     * The committed example's case: the largest point gain (PROCESS_PER_TASK, x1.09 on +-18%) does not
     * decide, THREAD_PER_TASK's smaller gain does; EVENT_LOOP and VIRTUAL_THREADS both lose about 8.5x,
     * not told apart. Before: "PROCESS_PER_TASK ranks best, ..., EVENT_LOOP loses most".
     */
    @Test
    void aDecidedGainIsNamedAndAnUndecidedLargerOneIsNotAndTiedLossesShareMost() {
        assertEquals("SLEEP under PARETO at 2 cores: THREAD_PER_TASK gains from skew (its speedup over SEQUENTIAL times"
                + " 1.07 [1.06, 1.08]); EVENT_LOOP and VIRTUAL_THREADS lose most, not told apart (EVENT_LOOP: its"
                + " speedup over SEQUENTIAL divided by 8.60 [8.51, 8.69]; VIRTUAL_THREADS: its speedup over SEQUENTIAL"
                + " divided by 8.50 [8.42, 8.59]); 1 loses nothing (the same within 2%), we cannot tell for 1 (interval"
                + " wider than the noise floor).",
                SkewSection.describe(verdict("SLEEP", true, "THREAD_PER_TASK", firm(0.935), "FIXED_POOL",
                        new RatioEstimate(1.0, 0.995, 1.005), "VIRTUAL_THREADS", firm(8.5), "PROCESS_PER_TASK",
                        new RatioEstimate(0.917, 0.78, 1.08), "EVENT_LOOP", firm(8.6))));
    }

    @Test
    void aGainTheUndecidedCouldExceedIsAGainNotTheMost() {
        // FORK_JOIN's undecided interval reaches past FIXED_POOL's decided gain: "most" is not carried
        assertEquals("CPU under PARETO at 2 cores: FIXED_POOL gains from skew (its speedup over SEQUENTIAL times 1.05"
                + " [1.04, 1.06]); we cannot tell for 1 (interval wider than the noise floor).",
                SkewSection.describe(verdict("CPU", true, "FIXED_POOL", firm(0.95), "FORK_JOIN",
                        new RatioEstimate(0.9, 0.7, 1.15))));
    }

    @Test
    void whenNothingIsDecidedNoSeriesIsNamed() {
        assertEquals("CPU under PARETO at 2 cores: no gain or loss from skew is decided: 1 loses nothing (the same"
                + " within 2%), we cannot tell for 2 (interval wider than the noise floor; no interval).",
                SkewSection.describe(verdict("CPU", true, "FORK_JOIN", new RatioEstimate(0.95, 0.8, 1.15),
                        "FIXED_POOL", new RatioEstimate(1.3, Double.NaN, Double.NaN), "THREAD_PER_TASK",
                        new RatioEstimate(1.0, 0.995, 1.005))));
    }
}
