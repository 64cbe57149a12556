package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.workload.SizeSpread;
import org.junit.jupiter.api.Test;

/**
 * The skew verdict in words: against SEQUENTIAL's speedup where the run has it, else against the
 * series' own time; a gain or a loss only where the loss factor's interval decides it.
 */
class SkewSectionTest {

    /** A factor known to within about 1%. */
    private static RatioEstimate firm(double factor) {
        return new RatioEstimate(factor, factor / 1.01, factor * 1.01);
    }

    @Test
    void aVerdictAgainstTheBaselineNamesTheSpeedup() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN loses least to skew (its speedup over SEQUENTIAL divided"
                + " by 1.04 [1.03, 1.05]), PROCESS_POOL chunksize=0 loses most (its speedup over SEQUENTIAL divided by"
                + " 3.00 [2.97, 3.03]).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN", firm(1.04),
                        "PROCESS_POOL chunksize=0", firm(3.0), true)));
    }

    @Test
    void withoutTheBaselineItNamesTheBatchTime() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN loses least to skew (its batch time times 1.14 [1.13,"
                + " 1.16]), PROCESS_POOL loses most (its batch time times 3.30 [3.27, 3.33]).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN", firm(57.2 / 50),
                        "PROCESS_POOL", firm(181.5 / 55), false)));
    }

    @Test
    void aGainIsCalledAGain() {
        assertEquals("CPU under PARETO at 2 cores: PROCESS_POOL gains most from skew (its speedup over SEQUENTIAL times"
                + " 1.09 [1.08, 1.10]), PROCESS_POOL chunksize=0 loses most (its speedup over SEQUENTIAL divided by"
                + " 1.09 [1.08, 1.10]).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "PROCESS_POOL", firm(0.915),
                        "PROCESS_POOL chunksize=0", firm(1.09), true)));
    }

    @Test
    void whenEveryoneGainsTheWorstGainsLeast() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN gains most from skew (its batch time times 0.800 [0.792,"
                + " 0.808]), THREAD_PER_TASK gains least (its batch time times 0.950 [0.941, 0.959]).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN", firm(0.8),
                        "THREAD_PER_TASK", firm(0.95), false)));
    }

    @Test
    void aFactorWhoseIntervalLiesWithinTheFloorLosesNothing() {
        assertEquals("SLEEP under PARETO at 2 cores: PROCESS_POOL loses nothing to skew, the same within 2% (its speedup"
                + " over SEQUENTIAL times 1.00 [0.992, 1.01]), EVENT_LOOP loses most (its speedup over SEQUENTIAL"
                + " divided by 8.47 [8.39, 8.55]).",
                SkewSection.describe(new SkewResults.Verdict("SLEEP", SizeSpread.PARETO, 2, "PROCESS_POOL",
                        new RatioEstimate(0.998, 0.99, 1.008), "EVENT_LOOP", firm(8.47), true)));
    }

    @Test
    void aGainOrLossIsSaidOnlyWhereTheIntervalDecidesIt() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN ranks best, but we cannot tell whether it gains or loses"
                + " (interval wider than the noise floor) (its speedup over SEQUENTIAL times 1.05 [0.870, 1.25]),"
                + " FIXED_POOL ranks worst, but we cannot tell whether it gains or loses (no interval) (its speedup"
                + " over SEQUENTIAL divided by 1.30).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN",
                        new RatioEstimate(0.95, 0.8, 1.15), "FIXED_POOL", new RatioEstimate(1.3, Double.NaN, Double.NaN),
                        true)));
    }
}
