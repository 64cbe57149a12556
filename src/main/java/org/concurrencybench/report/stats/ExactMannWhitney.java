package org.concurrencybench.report.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sided Mann-Whitney U test with the exact p-value (commons-statistics-inference 1.1),
 * not the normal approximation: with 3 values per side the approximation says 0.0495 where the
 * exact test says 0.1, and small samples are what benchmarks have. The exact distribution assumes
 * no ties; timings in milliseconds to many digits rarely tie.
 */
public final class ExactMannWhitney {

    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.EXACT);

    private ExactMannWhitney() {
    }

    /** The two-sided p-value; NaN when a side is empty. */
    public static double pValue(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return Double.NaN;
        }
        return TEST.test(a, b).getPValue();
    }

    /**
     * The smallest two-sided p-value the exact test can give with these sample sizes, when every
     * value of one side is below every value of the other: {@code 2 / C(na + nb, na)}, at most 1.
     * If it is above the significance level, no difference, however large, can be called.
     */
    public static double smallestPValue(int na, int nb) {
        if (na < 1 || nb < 1) {
            return 1;
        }
        double combinations = 1;
        for (int i = 1; i <= na; i++) {
            combinations = combinations * (nb + i) / i;
        }
        return Math.min(1, 2 / combinations);
    }
}
