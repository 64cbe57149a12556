package org.concurrencybench.report.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The comparison's statistics against values computed by an independent tool: SciPy 1.17.1 and
 * numpy on CPython 3 (the calls are quoted at each test).
 */
class ComparisonStatisticsTest {

    // scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='exact').pvalue
    @Test
    void exactMannWhitneyMatchesScipyAtThreePerSide() {
        assertEquals(0.1, ExactMannWhitney.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
        assertEquals(0.2, ExactMannWhitney.pValue(new double[] {10.1, 10.5, 10.3}, new double[] {10.4, 10.9, 10.7}),
                1e-12);
    }

    @Test
    void exactMannWhitneyMatchesScipyAtEightPerSide() {
        double[] a = {100.2, 101.5, 99.8, 100.9, 102.3, 100.1, 101.1, 99.5};
        double[] b = {101.9, 103.4, 102.2, 100.7, 104.1, 102.8, 101.3, 103.0};
        assertEquals(0.010411810411810413, ExactMannWhitney.pValue(a, b), 1e-12);
    }

    @Test
    void exactMannWhitneyMatchesScipyOnFiveForkMeans() {
        double[] a = {50.12, 50.31, 49.87, 50.05, 50.44};
        double[] b = {55.02, 54.71, 55.38, 50.40, 55.11};
        assertEquals(0.015873015873015872, ExactMannWhitney.pValue(a, b), 1e-12);
    }

    @Test
    void smallestPValueIsTwoOverTheCombinations() {
        // the exact test's p for fully separated samples, as scipy gives for [1..n] vs [n+1..2n]
        assertEquals(0.1, ExactMannWhitney.smallestPValue(3, 3), 1e-12);
        assertEquals(2.0 / 70, ExactMannWhitney.smallestPValue(4, 4), 1e-12);
        assertEquals(2.0 / 252, ExactMannWhitney.smallestPValue(5, 5), 1e-12);
        assertEquals(1.0, ExactMannWhitney.smallestPValue(1, 1), 1e-12);
        assertEquals(ExactMannWhitney.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}),
                ExactMannWhitney.smallestPValue(5, 5), 1e-12);
    }

    /*
     * One fork per side: the hierarchical bootstrap is the plain two-sample bootstrap, so its
     * interval is scipy's:
     *   def stat(a, b, axis=-1): return np.mean(b, axis=axis) / np.mean(a, axis=axis)
     *   scipy.stats.bootstrap((a, b), stat, n_resamples=400000, method='percentile',
     *       confidence_level=0.95, vectorized=True, random_state=np.random.default_rng(1))
     * Different random streams: the bounds agree to the Monte Carlo error, well under 0.2% at n = 8.
     * At n = 3 the bootstrap distribution has few distinct values, so its 2.5% point is coarse: 1%.
     */
    @Test
    void singleForkIntervalMatchesScipyBootstrapAtEight() {
        double[] a = {100.2, 101.5, 99.8, 100.9, 102.3, 100.1, 101.1, 99.5};
        double[] b = {101.9, 103.4, 102.2, 100.7, 104.1, 102.8, 101.3, 103.0};
        HierarchicalBootstrap.Result result = HierarchicalBootstrap.ratioOfMeans(new double[][] {a},
                new double[][] {b}, 0.95);
        assertEquals(1.0077970297029701, result.ratio().low(), 0.002);
        assertEquals(1.026726614212564, result.ratio().high(), 0.002);
        assertEquals(mean(b) / mean(a), result.ratio().estimate(), 1e-12);
    }

    @Test
    void singleForkIntervalMatchesScipyBootstrapAtThree() {
        HierarchicalBootstrap.Result result = HierarchicalBootstrap.ratioOfMeans(
                new double[][] {{10.1, 10.5, 10.3}}, new double[][] {{10.4, 10.9, 10.7}}, 0.95);
        assertEquals(1.0063897763578276, result.ratio().low(), 0.01);
        assertEquals(1.0655737704918034, result.ratio().high(), 0.01);
    }

    /*
     * Five forks of three iterations per side, B planted about 10% slower. Reference: the same
     * two-stage resampling written independently in numpy, 2,000,000 replicates:
     *   def hmean(F, R):   # F: forks x iterations
     *       fi = rng.integers(0, nf, (R, nf)); ii = rng.integers(0, ni, (R, nf, ni))
     *       return F[fi[:, :, None], ii].mean(axis=2).mean(axis=1)
     *   rat = hmean(B, R) / hmean(A, R)   # rng = np.random.default_rng(7)
     *   np.quantile(rat, 0.025), np.quantile(rat, 0.975), np.std(np.log(rat), ddof=1)
     */
    static final double[][] FORKS_A = {{100.0, 101.0, 99.5}, {103.0, 102.5, 103.4}, {98.7, 99.1, 98.9},
        {101.2, 100.8, 101.5}, {100.1, 99.7, 100.4}};
    static final double[][] FORKS_B = {{110.3, 111.0, 109.8}, {112.9, 113.5, 112.2}, {108.4, 108.9, 108.1},
        {111.7, 110.9, 111.2}, {110.2, 110.8, 109.9}};

    @Test
    void hierarchicalIntervalMatchesAnIndependentNumpyImplementation() {
        HierarchicalBootstrap.Result result = HierarchicalBootstrap.ratioOfMeans(FORKS_A, FORKS_B, 0.95);
        assertEquals(1.0993509074049543, result.ratio().estimate(), 1e-12);
        assertEquals(1.0809074219774457, result.ratio().low(), 0.001);
        assertEquals(1.1173390703329282, result.ratio().high(), 0.001);
        assertEquals(0.00848396887646903, result.sdLogRatio(), 0.0003);
    }

    @Test
    void bootstrapIsDeterministic() {
        HierarchicalBootstrap.Result first = HierarchicalBootstrap.ratioOfMeans(FORKS_A, FORKS_B, 0.95);
        HierarchicalBootstrap.Result second = HierarchicalBootstrap.ratioOfMeans(FORKS_A, FORKS_B, 0.95);
        assertEquals(first, second);
    }

    @Test
    void resamplingForksSeesTheirSpreadWhichPoolingIterationsHides() {
        // the same 15 values as one fork: the interval narrows, because between-fork spread is lost
        double[][] pooledA = {java.util.Arrays.stream(FORKS_A).flatMapToDouble(java.util.Arrays::stream).toArray()};
        double[][] pooledB = {java.util.Arrays.stream(FORKS_B).flatMapToDouble(java.util.Arrays::stream).toArray()};
        double byForks = HierarchicalBootstrap.ratioOfMeans(FORKS_A, FORKS_B, 0.95).ratio().relativeHalfWidth();
        double pooled = HierarchicalBootstrap.ratioOfMeans(pooledA, pooledB, 0.95).ratio().relativeHalfWidth();
        assertTrue(byForks > pooled * 1.2, "forks " + byForks + " pooled " + pooled);
    }

    // The definitions of R's p.adjust, written in numpy (o = np.argsort(p), m = 4):
    //   BH:   np.minimum.accumulate((p[o] * m / np.arange(1, m + 1))[::-1])[::-1] -> 0.02 0.04 0.04 0.02
    //   Holm: np.maximum.accumulate(p[o] * (m - np.arange(m)))               -> 0.03 0.06 0.06 0.02
    @Test
    void benjaminiHochbergMatchesR() {
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02, Double.NaN},
                PValueAdjustment.BH.adjust(new double[] {0.01, 0.04, 0.03, 0.005, Double.NaN}), 1e-12);
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                PValueAdjustment.HOLM.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }
}
