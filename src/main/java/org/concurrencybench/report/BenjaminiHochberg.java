package org.concurrencybench.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg adjustment of p-values (step-up, controls the false discovery rate): of the
 * differences a comparison calls, at most the chosen fraction are expected to be false. Less strict
 * than Holm's family-wise control, which with dozens of cells and small samples can call nothing at
 * all. Adjusted p-values are compared with alpha directly; NaN inputs stay NaN and do not count.
 * Same values as R's {@code p.adjust(p, "BH")}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    public static double[] adjust(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double runningMin = 1;
        for (int rank = m - 1; rank >= 0; rank--) {
            runningMin = Math.min(runningMin, pValues[order[rank]] * m / (rank + 1));
            adjusted[order[rank]] = runningMin;
        }
        return adjusted;
    }
}
