package org.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fits recover the parameters of synthetic data generated from each law. */
class ScalingLawFitterTest {

    private static final double[] CORES = {1, 2, 4, 8, 16, 32, 64};
    private final ScalingLawFitter fitter = new ScalingLawFitter(0.95);

    private static double[] usl(double lambda, double sigma, double kappa, double noise) {
        double[] throughput = new double[CORES.length];
        for (int i = 0; i < CORES.length; i++) {
            double p = CORES[i];
            double wobble = 1 + noise * (i % 2 == 0 ? 1 : -1); // deterministic, alternating
            throughput[i] = wobble * lambda * p / (1 + sigma * (p - 1) + kappa * p * (p - 1));
        }
        return throughput;
    }

    private static void within2Percent(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 0.02, "expected " + expected + " got " + actual);
    }

    @Test
    void amdahlRecoversSerialFraction() {
        ScalingFit fit = fitter.fit(ScalingFit.Law.AMDAHL, CORES, usl(50, 0.07, 0, 0.003));
        assertTrue(fit.fitted(), fit.note());
        within2Percent(50, fit.lambda());
        within2Percent(0.07, fit.sigma());
        assertEquals(0, fit.kappa());
        assertTrue(fit.rSquared() > 0.999);
        assertTrue(fit.sigmaCi()[0] < fit.sigma() && fit.sigma() < fit.sigmaCi()[1]);
        assertEquals(Double.POSITIVE_INFINITY, fit.peakCores());
    }

    @Test
    void uslRecoversContentionCoherencyAndPeak() {
        ScalingFit fit = fitter.fit(ScalingFit.Law.USL, CORES, usl(100, 0.03, 0.0005, 0));
        assertTrue(fit.fitted(), fit.note());
        within2Percent(100, fit.lambda());
        within2Percent(0.03, fit.sigma());
        within2Percent(0.0005, fit.kappa());
        within2Percent(Math.sqrt(0.97 / 0.0005), fit.peakCores());
        assertTrue(fit.rSquared() > 0.9999);
    }

    @Test
    void uslWithSlightNoiseStaysClose() {
        ScalingFit fit = fitter.fit(ScalingFit.Law.USL, CORES, usl(100, 0.03, 0.0005, 0.002));
        within2Percent(100, fit.lambda());
        assertEquals(0.03, fit.sigma(), 0.003);
        assertTrue(fit.kappaCi()[0] < 0.0005 && 0.0005 < fit.kappaCi()[1], "the interval covers the truth");
    }

    @Test
    void tooFewCoreCountsAreNotFitted() {
        ScalingFit fit = fitter.fit(ScalingFit.Law.USL, new double[] {1, 2, 4}, new double[] {1, 1.9, 3.5});
        assertFalse(fit.fitted());
        assertEquals("needs at least 4 core counts, has 3", fit.note());
    }

    @Test
    void fixtureRunFitsItsGeneratingLaw() {
        // FIXED_POOL's CPU times were generated as 104 ms / Amdahl(p, 0.05)
        WorkloadScaling cpu = new ScalingAnalysis(0.95).analyse(RunReader.read(Fixtures.run("server")), w -> { })
                .get(0);
        ScalingFit fit = cpu.amdahlFits().get("FIXED_POOL");
        within2Percent(0.05, fit.sigma());
        within2Percent(1000 / (104 * 0.8), fit.lambda());
    }
}
