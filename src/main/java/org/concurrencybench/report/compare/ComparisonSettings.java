package org.concurrencybench.report.compare;

import org.concurrencybench.report.stats.PValueAdjustment;

/**
 * How a comparison of runs decides: the significance level, the correction for many cells, and the
 * noise floor a change must exceed to count ({@code report --adjust}, {@code --min-change}).
 *
 * @param alpha      significance level of the adjusted p-values
 * @param adjustment Benjamini-Hochberg (default) or Holm
 * @param minChange  the noise floor as a fraction (0.03 = 3%): a significant change smaller than
 *                   this is reported as "no difference"
 * @param level      confidence level of the ratio intervals
 */
public record ComparisonSettings(double alpha, PValueAdjustment adjustment, double minChange, double level) {

    /** The significance level the verdicts use, after adjustment. */
    public static final double ALPHA = 0.05;

    /**
     * The default noise floor: just above the largest run-to-run difference of an A/A pair (two
     * runs of one commit on one quiet machine), which the exact test can call significant though
     * nothing changed. Forks vary less than runs do, so a significant change smaller than this is
     * not evidence of one. The pair it was chosen on, and its figures, are in {@code NoiseFloorTest};
     * a machine with quieter runs may pass a lower {@code --min-change}.
     */
    public static final String DEFAULT_MIN_CHANGE_PERCENT = "6";

    /** {@link #DEFAULT_MIN_CHANGE_PERCENT} as a fraction. */
    public static final double DEFAULT_MIN_CHANGE = Double.parseDouble(DEFAULT_MIN_CHANGE_PERCENT) / 100;

    public static ComparisonSettings defaults(double level) {
        return new ComparisonSettings(ALPHA, PValueAdjustment.BH, DEFAULT_MIN_CHANGE, level);
    }
}
