package org.concurrencybench.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

    @Test
    void speedupIsTheGeometricMeanOfPerRoundRatiosWithATIntervalOnTheirLogs() {
        // By hand: ratios 100/50, 110/50, 90/50 = 2.0, 2.2, 1.8; logs 0.693147, 0.788457, 0.587787;
        // mean 0.689797 -> 1.99331; sd 0.100378, se 0.057953, t(0.975, 2) 4.302653, half-width 0.249352
        // -> [exp(0.440445), exp(0.939149)] = [1.55340, 2.55780].
        RatioEstimate speedup = PairedRatio.of(Map.of(1, 100.0, 2, 110.0, 3, 90.0), Map.of(1, 50.0, 2, 50.0, 3, 50.0),
                0.95);
        assertEquals(1.99331, speedup.value(), 1e-5);
        assertEquals(1.55340, speedup.low(), 1e-5);
        assertEquals(2.55780, speedup.high(), 1e-5);
        assertEquals(List.of(2.0, 2.2, 1.8), PairedRatio.ratios(Map.of(1, 100.0, 2, 110.0, 3, 90.0),
                Map.of(1, 50.0, 2, 50.0, 3, 50.0)).stream().map(r -> Math.round(r * 1000) / 1000.0).toList());
    }

    @Test
    void aDriftSharedByBothCellsOfARoundCancels() {
        // Round r slows the machine by 10% r: both cells carry it, the ratio does not.
        Map<Integer, Double> baseline = Map.of(1, 110.0, 2, 120.0, 3, 130.0, 4, 140.0);
        Map<Integer, Double> model = Map.of(1, 55.0, 2, 60.0, 3, 65.0, 4, 70.0);
        RatioEstimate paired = PairedRatio.of(baseline, model, 0.95);
        assertEquals(2.0, paired.value(), 1e-12);
        assertEquals(2.0, paired.low(), 1e-12);
        assertEquals(2.0, paired.high(), 1e-12);
        RatioEstimate unpaired = RatioEstimate.of(SampleStats.of(new double[][] {{110}, {120}, {130}, {140}}, 0.95),
                SampleStats.of(new double[][] {{55}, {60}, {65}, {70}}, 0.95));
        assertTrue(unpaired.high() - unpaired.low() > 0.5, "unpaired, the drift widens the interval: " + unpaired);
    }

    @Test
    void onlyRoundsBothCellsHaveArePaired() {
        RatioEstimate ratio = PairedRatio.of(Map.of(1, 10.0, 2, 10.0, 3, 30.0), Map.of(1, 5.0, 2, 5.0), 0.95);
        assertEquals(2.0, ratio.value(), 1e-12);
        RatioEstimate one = PairedRatio.of(Map.of(1, 10.0), Map.of(1, 5.0), 0.95);
        assertEquals(2.0, one.value(), 1e-12);
        assertFalse(one.hasInterval());
        assertFalse(PairedRatio.of(Map.of(1, 10.0), Map.of(2, 5.0), 0.95).present());
    }

    @Test
    void roundPrecisionIsTheRelativeHalfWidthOfTheMeanOfRoundMeans() {
        // 99, 100, 101 on the log scale, as the report prints the interval: exp(t(0.975, 2) sd(log) / sqrt(3)) - 1
        double[] logs = {Math.log(99), Math.log(100), Math.log(101)};
        double centre = (logs[0] + logs[1] + logs[2]) / 3;
        double sd = Math.sqrt(((logs[0] - centre) * (logs[0] - centre) + (logs[1] - centre) * (logs[1] - centre)
                + (logs[2] - centre) * (logs[2] - centre)) / 2);
        assertEquals(Math.exp(4.302652729911275 * sd / Math.sqrt(3)) - 1,
                RoundPrecision.relativeHalfWidth(List.of(99.0, 100.0, 101.0), 0.95), 1e-9);
        assertEquals(0.0251534, RoundPrecision.relativeHalfWidth(List.of(99.0, 100.0, 101.0), 0.95), 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, RoundPrecision.relativeHalfWidth(List.of(100.0), 0.95));
    }
}
