package org.concurrencybench.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The statistics' records compare by value, intervals and samples included. */
class RecordEqualityTest {

    @Test
    void twoFitsOfTheSameDataAreEqual() {
        double[] cores = {1, 2, 4, 8};
        double[] throughput = {10, 19, 35, 60};
        ScalingLawFitter fitter = new ScalingLawFitter(0.95);
        ScalingFit first = fitter.fit(ScalingFit.Law.USL, cores, throughput);
        ScalingFit second = fitter.fit(ScalingFit.Law.USL, cores.clone(), throughput.clone());
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
        assertEquals(ScalingFit.notFitted(ScalingFit.Law.AMDAHL, 1, "one point", ScalingFit.Residuals.ABSOLUTE),
                ScalingFit.notFitted(ScalingFit.Law.AMDAHL, 1, "one point", ScalingFit.Residuals.ABSOLUTE));
    }

    @Test
    void sampleStatsCompareTheirSamples() {
        SampleStats a = SampleStats.of(new double[][] {{1, 2}, {3}}, 0.95);
        assertEquals(a, SampleStats.of(new double[][] {{1, 2}, {3}}, 0.95));
        assertEquals(a.hashCode(), SampleStats.of(new double[][] {{1, 2}, {3}}, 0.95).hashCode());
        assertNotEquals(a, SampleStats.of(new double[][] {{1}, {2, 3}}, 0.95), "same values, other forks");
    }

    @Test
    void anIntervalHoldsItsBounds() {
        assertEquals(new Interval(1, 2), new Interval(1, 2));
        assertEquals(false, Interval.NONE.present());
        assertEquals(true, new Interval(0.5, 1.5).contains(1));
    }
}
