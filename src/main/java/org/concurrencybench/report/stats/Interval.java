package org.concurrencybench.report.stats;

/**
 * A confidence interval's bounds, {@code low <= high}; both NaN where there is none. A record of
 * two numbers rather than a {@code double[]}, so that the records holding it compare by value.
 */
public record Interval(double low, double high) {

    /** No interval: too few points, a singular fit, or a parameter the law does not have. */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean present() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Whether {@code value} lies inside, bounds included; false without an interval. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
