package org.concurrencybench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.junit.jupiter.api.Test;

/** A trending fork is detected, a flat one is not; the run's summary counts forks as it should. */
class SteadyStateTest {

    private static double[][] forks(int count, double trend, double noise, long seed) {
        Random random = new Random(seed);
        double[][] forks = new double[count][];
        for (int f = 0; f < count; f++) {
            double level = 100 * (1 + 0.05 * random.nextGaussian()); // forks differ in level: no matter
            forks[f] = new double[] {level * (1 + trend) * (1 + noise * random.nextGaussian()),
                    level * (1 + noise * random.nextGaussian())};
        }
        return forks;
    }

    @Test
    void forksWhoseFirstIterationIsFivePercentSlowerAreNotSteady() {
        List<Double> changes = new ArrayList<>();
        RatioEstimate trend = SteadyState.firstOverLast(forks(5, 0.05, 0.005, 1), 0.95, changes);
        assertEquals(1.05, trend.value(), 0.01);
        assertEquals(Decision.Answer.HIGHER, Decision.of(trend, 0.02).answer());
        assertEquals(5, changes.size());
    }

    @Test
    void flatForksAreNotCalledTrending() {
        int called = 0;
        for (long seed = 0; seed < 200; seed++) {
            RatioEstimate trend = SteadyState.firstOverLast(forks(5, 0, 0.005, seed), 0.95, new ArrayList<>());
            called += Decision.of(trend, 0.02).changed() ? 1 : 0;
        }
        assertEquals(0, called, "a flat fork within 0.5% noise is never beyond a 2% floor");
    }

    @Test
    void aForkOfOneIterationHasNoTrend() {
        List<Double> changes = new ArrayList<>();
        RatioEstimate trend = SteadyState.firstOverLast(new double[][] {{100}, {101}}, 0.95, changes);
        assertFalse(trend.present());
        assertTrue(changes.isEmpty());
    }

    @Test
    void aRunsSummaryCountsEveryForkWithTwoIterations() throws Exception {
        Path folder = Fixtures.run("laptop");
        RunResults run = RunReader.read(folder);
        SteadyState steady = SteadyState.of(run, 0.02, 0.95);
        long expected = run.byCores().values().stream().flatMap(List::stream)
                .flatMap(r -> java.util.Arrays.stream(r.primary().forks())).filter(f -> f.length >= 2).count();
        assertEquals(expected, steady.forks());
        assertTrue(steady.firstSlower() >= 0 && steady.firstSlower() <= 1);
    }
}
