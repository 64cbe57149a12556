package org.concurrencybench.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm-Bonferroni step-down adjustment of p-values: a comparison of two machines makes dozens of
 * tests, and some would look significant by chance alone. Adjusted p-values can be compared with
 * the chosen alpha directly; NaN inputs stay NaN and do not count as tests.
 */
public final class HolmBonferroni {

    private HolmBonferroni() {
    }

    public static double[] adjust(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double runningMax = 0;
        for (int rank = 0; rank < m; rank++) {
            double value = Math.min(1, (m - rank) * pValues[order[rank]]);
            runningMax = Math.max(runningMax, value);
            adjusted[order[rank]] = runningMax;
        }
        return adjusted;
    }
}
