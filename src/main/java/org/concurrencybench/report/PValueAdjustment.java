package org.concurrencybench.report;

import java.util.Locale;

/** How a comparison corrects its p-values for testing many cells at once ({@code report --adjust}). */
public enum PValueAdjustment {
    /** Benjamini-Hochberg, the false discovery rate: the default. */
    BH("Benjamini-Hochberg"),
    /** Holm-Bonferroni, the family-wise error rate: stricter. */
    HOLM("Holm");

    public final String label;

    PValueAdjustment(String label) {
        this.label = label;
    }

    public double[] adjust(double[] pValues) {
        return this == BH ? BenjaminiHochberg.adjust(pValues) : HolmBonferroni.adjust(pValues);
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
