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
}
