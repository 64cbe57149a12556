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
     * The default noise floor, from an A/A pair made in rounds (two runs of one commit on one quiet
     * 2-core machine, a minute apart, five rounds each): no cell of that pair moved by more than 0.6%,
     * and every interval held 1, while a planted 5% change came out 1.037-1.054 in every CPU cell.
     * 2% sits above the pair's largest move with room, and below the planted change. Runs made before
     * rounds drift by up to 5% between runs and need a higher {@code --min-change}. The pairs and
     * their figures are in {@code NoiseFloorTest}; a noisier machine needs its own A/A pair.
     */
    public static final String DEFAULT_MIN_CHANGE_PERCENT = "2";

    /** {@link #DEFAULT_MIN_CHANGE_PERCENT} as a fraction. */
    public static final double DEFAULT_MIN_CHANGE = Double.parseDouble(DEFAULT_MIN_CHANGE_PERCENT) / 100;

    public static ComparisonSettings defaults(double level) {
        return new ComparisonSettings(ALPHA, PValueAdjustment.BH, DEFAULT_MIN_CHANGE, level);
    }
}
