package org.concurrencybench.report.stats;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.input.RunReader;

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
        assertTrue(fit.sigmaCi().low() < fit.sigma() && fit.sigma() < fit.sigmaCi().high());
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
        assertTrue(fit.kappaCi().low() < 0.0005 && 0.0005 < fit.kappaCi().high(), "the interval covers the truth");
    }

    /*
     * Published data sets from Gunther, "Guerrilla Capacity Planning" (Springer 2007), shipped with R's
     * usl package (github.com/smoeding/usl, data/specsdm91.rda and data/raytracer.rda), and that
     * package's own fits (nonlinear least squares on throughput, gamma = throughput at load 1):
     *   specsdm91: tests/summary.Rout.save: alpha (sigma) 2.773e-02, beta (kappa) 1.044e-04, gamma 9.000e+01.
     *   raytracer: sigma 0.05777, kappa 0 (the fit rests on its bound), gamma 21.85.
     * Checked here with an independent third implementation, SciPy 1.17.1:
     *   curve_fit(lambda n, g, a, b: g*n/(1 + a*(n-1) + b*n*(n-1)), N, X, p0=[60, 0.01, 1e-4])
     *   -> specsdm91 [89.99498, 0.0277283, 1.043655e-4]; raytracer (bounds >= 0) [21.84884, 0.0577708, 0]
     */
    @Test
    void uslMatchesTheReferenceFitOfSpecSdm91() {
        double[] load = {1, 18, 36, 72, 108, 144, 216};
        double[] throughput = {64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2};
        ScalingFit fit = fitter.fit(ScalingFit.Law.USL, load, throughput);
        assertTrue(fit.fitted(), fit.note());
        assertEquals(0.02773, fit.sigma(), 0.02773 * 0.005);
        assertEquals(1.044e-4, fit.kappa(), 1.044e-4 * 0.005);
        assertEquals(90.00, fit.lambda(), 90.00 * 0.005);
        assertEquals(ScalingFit.Residuals.ABSOLUTE, fit.residuals());
    }

    @Test
    void uslMatchesTheReferenceFitOfTheRaytracer() {
        double[] processors = {1, 4, 8, 12, 16, 20, 24, 28, 32, 48, 64};
        double[] throughput = {20, 78, 130, 170, 190, 200, 210, 230, 260, 280, 310};
        ScalingFit fit = fitter.fit(ScalingFit.Law.USL, processors, throughput);
        assertTrue(fit.fitted(), fit.note());
        assertEquals(0.057771, fit.sigma(), 0.057771 * 0.005);
        assertEquals(0, fit.kappa(), 1e-7);
        assertEquals(21.848843, fit.lambda(), 21.848843 * 0.005);
    }

    @Test
    void relativeResidualsAreAnOptionAndGiveADifferentFit() {
        double[] load = {1, 18, 36, 72, 108, 144, 216};
        double[] throughput = {64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2};
        ScalingFit relative = new ScalingLawFitter(0.95, ScalingFit.Residuals.RELATIVE)
                .fit(ScalingFit.Law.USL, load, throughput);
        assertTrue(relative.fitted(), relative.note());
        assertEquals(ScalingFit.Residuals.RELATIVE, relative.residuals());
        assertTrue(Math.abs(relative.sigma() / 0.02773 - 1) > 0.05, "relative weights move sigma: " + relative.sigma());
    }

    @Test
    void noFitWhereThroughputDoesNotGrowFromOneToTwoCores() {
        ScalingFit fit = fitter.fit(ScalingFit.Law.AMDAHL, new double[] {1, 2, 4, 8}, new double[] {10, 9.9, 10.1, 10});
        assertFalse(fit.fitted());
        assertTrue(fit.note().startsWith("throughput does not grow from 1 to 2 cores"), fit.note());
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
