package org.concurrencybench.report.stats;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.sections.Verdicts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Means, intervals, speedups, efficiency and Karp-Flatt against values computed by hand. */
class StatisticsTest {

    private static final double T_975_5 = 2.5705818356363146;  // Student t, 97.5%, 5 degrees of freedom
    private static final double T_975_10 = 2.228138851986274;

    private final List<String> warnings = new ArrayList<>();
    private final List<WorkloadScaling> laptop =
            new ScalingAnalysis(0.95).analyse(RunReader.read(Fixtures.run("laptop")), warnings::add);

    private WorkloadScaling workload(String group) {
        return laptop.stream().filter(w -> w.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void meanAndIntervalMatchHandComputation() {
        // SEQUENTIAL, CPU, 1 core: raw data [[100, 102, 98], [101, 99, 100]]
        SampleStats stats = workload("CPU").cell("SEQUENTIAL", 1).orElseThrow().time();
        assertEquals(6, stats.n());
        assertEquals(100.0, stats.mean(), 1e-9);
        assertEquals(Math.sqrt(2), stats.stdDev(), 1e-9); // squared deviations 0+4+4+1+1+0 = 10, / 5
        // The interval is over the two forks' means, 100 and 100: iterations are not replicates, so the
        // spread inside a fork widens nothing, and two forks that agree give an interval of no width.
        assertEquals(2, stats.units());
        assertEquals(100, stats.low(), 1e-9);
        assertEquals(100, stats.high(), 1e-9);
        // Forks 98 and 102: exp(mean(log) +- t(0.975, 1) sd(log) / sqrt(2)), never below zero.
        SampleStats two = SampleStats.of(new double[][] {{97, 99}, {101, 103}}, 0.95);
        double centre = (Math.log(98) + Math.log(102)) / 2;
        double half = 12.706204736174698 * Math.abs(Math.log(102) - Math.log(98)) / Math.sqrt(2) / Math.sqrt(2);
        assertEquals(Math.exp(centre - half), two.low(), 1e-9);
        assertEquals(Math.exp(centre + half), two.high(), 1e-9);
        assertTrue(two.low() > 0, "a t interval on the arithmetic scale would reach " + (100 - 2 * 12.7));
        assertEquals(0.95, stats.level());
    }

    /** One value per fork: each is a unit of the interval. */
    private static SampleStats forks(double[] values) {
        return SampleStats.of(Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new), 0.95);
    }

    @Test
    void oneSampleHasNoInterval() {
        SampleStats stats = SampleStats.of(new double[] {5}, 0.95);
        assertEquals(5, stats.mean());
        assertFalse(stats.hasInterval());
        assertEquals("only 1 sample", ScalingAnalysis.unreliability("FIXED_POOL", stats, RatioEstimate.ABSENT));
    }

    @Test
    void speedupsEfficiencyAndKarpFlattMatchHandComputation() {
        // FIXED_POOL, CPU, 4 cores: 104 ms / Amdahl(4, 0.05) = 104 * 0.2875 = 29.9 ms; SEQUENTIAL 100 ms everywhere
        ScalingCell cell = workload("CPU").cell("FIXED_POOL", 4).orElseThrow();
        assertEquals(29.9, cell.time().mean(), 1e-6);
        double speedup = 100 / 29.9;
        assertEquals(speedup, cell.speedupOverOneCore().value(), 1e-6);
        assertEquals(speedup, cell.speedupSameCores().value(), 1e-6);
        assertEquals(speedup / 4, cell.efficiency().value(), 1e-6);
        assertEquals((1 / speedup - 0.25) / 0.75, cell.karpFlatt(), 1e-6);
        // Both cells' two forks have the same mean: over the forks, the speedup's interval has no width
        // (the spread inside the forks is not counted: iterations are not replicates).
        assertEquals(speedup, cell.speedupOverOneCore().low(), 1e-6);
        assertEquals(speedup, cell.speedupOverOneCore().high(), 1e-6);
        assertEquals(speedup / 4, cell.efficiency().low(), 1e-6);
        assertNull(cell.unreliable());
        assertTrue(Double.isNaN(workload("CPU").cell("FIXED_POOL", 1).orElseThrow().karpFlatt()), "no Karp-Flatt at 1 core");
    }

    @Test
    void aFirmSpeedupOfOneIsReliableAndAWideOneIsNot() {
        // 1% slower than the baseline, with a 2% spread: "no gain", firmly measured
        double[] baseline = {100, 102, 98, 101, 99, 100};
        double[] model = Arrays.stream(baseline).map(v -> v * 1.01).toArray();
        SampleStats time = forks(model);
        RatioEstimate speedup = RatioEstimate.of(forks(baseline), time);
        assertNull(ScalingAnalysis.unreliability("FIXED_POOL", time, speedup));
        // a spread of +-30%: the speedup's interval is far wider than +-10% of it
        double[] noisy = {70, 130, 75, 125, 80, 120};
        SampleStats noisyTime = forks(noisy);
        RatioEstimate noisySpeedup = RatioEstimate.of(forks(baseline), noisyTime);
        assertEquals("speedup interval wider than \u00b110%",
                ScalingAnalysis.unreliability("FIXED_POOL", noisyTime, noisySpeedup));
        assertEquals("speedup interval wider than \u00b110%",
                ScalingAnalysis.unreliability("SEQUENTIAL", noisyTime, noisySpeedup),
                "the rule applies to the baseline too (a baseline at \u00b132% is not ok)");
    }

    @Test
    void nanScoreIsLeftOutWithWarning() {
        assertTrue(workload("CPU").cell("MY_MODEL", 4).isEmpty());
        assertTrue(workload("CPU").cell("MY_MODEL", 2).isPresent(), "an unknown model name is kept");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("MY_MODEL on CPU has no score")), warnings.toString());
    }

    @Test
    void verdictNamesFastestAndGilCost() {
        List<String> verdicts = Verdicts.of(workload("CPU"));
        assertTrue(verdicts.get(0).contains("; at 4 cores: FIXED_POOL, ahead of VIRTUAL_THREADS by"), verdicts.get(0));
        assertTrue(verdicts.stream().anyMatch(v -> v.startsWith("The GIL's cost, GLOBAL_LOCK's time over FIXED_POOL's")
                && v.contains("(125 vs 29.9 ms) at 4 cores")), verdicts.toString());
        assertTrue(verdicts.stream().anyMatch(v -> v.startsWith("GLOBAL_LOCK") && v.contains(": slower than SEQUENTIAL")
                || v.contains("adding cores stops paying after 1 core")), verdicts.toString());
    }
}
