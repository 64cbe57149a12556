package org.concurrencybench.report;

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
     * The default noise floor, 3%. PROVISIONAL: a placeholder until the lead sets it from measured
     * A/A pairs (two default-profile runs of the same commit on the same quiet machine): it should
     * sit just above the largest |ratio - 1| such a pair shows in any cell, so that an A/A pair calls
     * nothing. The issue names 2.5% as the largest A/A difference seen with the old profile.
     */
    public static final String DEFAULT_MIN_CHANGE_PERCENT = "3"; // TODO(lead): set from measured A/A pairs

    /** {@link #DEFAULT_MIN_CHANGE_PERCENT} as a fraction. */
    public static final double DEFAULT_MIN_CHANGE = Double.parseDouble(DEFAULT_MIN_CHANGE_PERCENT) / 100;

    public static ComparisonSettings defaults(double level) {
        return new ComparisonSettings(ALPHA, PValueAdjustment.BH, DEFAULT_MIN_CHANGE, level);
    }
}
