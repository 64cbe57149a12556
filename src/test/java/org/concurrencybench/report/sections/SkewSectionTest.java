package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.workload.SizeSpread;
import org.junit.jupiter.api.Test;

/** The skew verdict in words: against SEQUENTIAL's speedup where the run has it, else against the series' own time. */
class SkewSectionTest {

    @Test
    void aVerdictAgainstTheBaselineNamesTheSpeedup() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN loses least to skew (its speedup over SEQUENTIAL divided"
                + " by 1.04), PROCESS_POOL chunksize=0 loses most (its speedup over SEQUENTIAL divided by 3.00).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN", 1.04,
                        "PROCESS_POOL chunksize=0", 3.0, true)));
    }

    @Test
    void withoutTheBaselineItNamesTheBatchTime() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN loses least to skew (its batch time times 1.14),"
                + " PROCESS_POOL loses most (its batch time times 3.30).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN", 57.2 / 50,
                        "PROCESS_POOL", 181.5 / 55, false)));
    }

    @Test
    void aGainIsCalledAGain() {
        assertEquals("CPU under PARETO at 2 cores: PROCESS_POOL gains most from skew (its speedup over SEQUENTIAL times"
                + " 1.09), PROCESS_POOL chunksize=0 loses most (its speedup over SEQUENTIAL divided by 1.09).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "PROCESS_POOL", 0.915,
                        "PROCESS_POOL chunksize=0", 1.09, true)));
    }

    @Test
    void whenEveryoneGainsTheWorstGainsLeast() {
        assertEquals("CPU under PARETO at 2 cores: FORK_JOIN gains most from skew (its batch time times 0.800),"
                + " THREAD_PER_TASK gains least (its batch time times 0.950).",
                SkewSection.describe(new SkewResults.Verdict("CPU", SizeSpread.PARETO, 2, "FORK_JOIN", 0.8,
                        "THREAD_PER_TASK", 0.95, false)));
    }

    @Test
    void aFactorWithinHalfAPercentOfOneLosesNothing() {
        assertEquals("SLEEP under PARETO at 2 cores: PROCESS_POOL loses nothing to skew (its speedup over SEQUENTIAL the"
                + " same to 0.5%), EVENT_LOOP loses most (its speedup over SEQUENTIAL divided by 8.47).",
                SkewSection.describe(new SkewResults.Verdict("SLEEP", SizeSpread.PARETO, 2, "PROCESS_POOL", 0.998,
                        "EVENT_LOOP", 8.47, true)));
    }
}
