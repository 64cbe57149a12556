package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concurrencybench.report.render.Numbers;
import org.junit.jupiter.api.Test;

/** The comparison's printed intervals: each bound on its own side of 1, however close. */
class ComparisonWordsTest {

    @Test
    void anIntervalsSideOfOneIsVisible() {
        assertEquals("1.021 [1.001, 1.041]", Numbers.ratioWithInterval(1.021, 1.0012, 1.0409));
        // three decimals would print 1.000 for both bounds and hide which side of 1 they lie
        assertEquals("1.0003 [0.9996, 1.0010]", Numbers.ratioWithInterval(1.0003, 0.99962, 1.00098));
        assertEquals("1.00030 [1.00004, 1.00060]", Numbers.ratioWithInterval(1.0003, 1.00004, 1.0006));
        assertEquals("1.350 (no interval)", Numbers.ratioWithInterval(1.35, Double.NaN, Double.NaN));
    }
}
