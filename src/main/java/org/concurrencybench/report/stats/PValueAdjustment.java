package org.concurrencybench.report.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How a comparison corrects its p-values for testing many cells at once ({@code report --adjust}):
 * a comparison of two machines makes dozens of tests, and some would look significant by chance
 * alone. Adjusted p-values are compared with alpha directly; NaN inputs stay NaN and do not count
 * as tests. The same values as R's {@code p.adjust(p, "BH")} and {@code p.adjust(p, "holm")}.
 */
public enum PValueAdjustment {
    /**
     * Benjamini-Hochberg, step-up, the false discovery rate: of the differences a comparison calls,
     * at most alpha are expected to be false. The default: Holm's family-wise control, with dozens
     * of cells and small samples, can call nothing at all.
     */
    BH("Benjamini-Hochberg"),
    /** Holm-Bonferroni, step-down, the family-wise error rate: stricter. */
    HOLM("Holm");

    public final String label;

    PValueAdjustment(String label) {
        this.label = label;
    }

    public double[] adjust(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        if (this == BH) {
            double runningMin = 1; // from the largest p down: p * m / rank, never above the next
            for (int rank = m - 1; rank >= 0; rank--) {
                runningMin = Math.min(runningMin, pValues[order[rank]] * m / (rank + 1));
                adjusted[order[rank]] = runningMin;
            }
        } else {
            double runningMax = 0; // from the smallest p up: p * (m - rank), never below the previous
            for (int rank = 0; rank < m; rank++) {
                runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[order[rank]]));
                adjusted[order[rank]] = runningMax;
            }
        }
        return adjusted;
    }

    /** {@code bh} or {@code holm}, any case; else an error naming the valid values. */
    public static PValueAdjustment parse(String name) {
        for (PValueAdjustment value : values()) {
            if (value.name().equalsIgnoreCase(name.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown adjustment '" + name + "'; valid: bh, holm");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
