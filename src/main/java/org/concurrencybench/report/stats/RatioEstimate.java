package org.concurrencybench.report.stats;

/**
 * A ratio of two means (a speedup: baseline time over model time) with a confidence interval on
 * the log scale: the variance of the log of a ratio of independent means is the sum of the
 * variances of their logs' means, each over its independent units (rounds, else forks:
 * {@link SampleStats#unitMeans}), and the interval is {@code R exp(+- t sqrt(v_a + v_b))} with
 * Welch-Satterthwaite degrees of freedom. On the log scale no bound can reach zero, and 0.5 lies as
 * far from 1 as 2 does. Iterations are never the replicates: a cell of one unit gives no interval.
 */
public record RatioEstimate(double value, double low, double high) {

    public static final RatioEstimate ABSENT = new RatioEstimate(Double.NaN, Double.NaN, Double.NaN);

    /** {@code numerator.mean / denominator.mean}, with an interval at the numerator's level. */
    public static RatioEstimate of(SampleStats numerator, SampleStats denominator) {
        double ratio = numerator.mean() / denominator.mean();
        if (!Double.isFinite(ratio)) {
            return ABSENT;
        }
        double va = numerator.logVarianceOfMean();
        double vb = denominator.logVarianceOfMean();
        if (!Double.isFinite(va) || !Double.isFinite(vb) || !(ratio > 0)) {
            return new RatioEstimate(ratio, Double.NaN, Double.NaN);
        }
        double total = va + vb;
        if (total == 0) {
            return new RatioEstimate(ratio, ratio, ratio);
        }
        double df = total * total / (va * va / (numerator.units() - 1) + vb * vb / (denominator.units() - 1));
        double halfWidth = SampleStats.tQuantile(numerator.level(), df) * Math.sqrt(total);
        return new RatioEstimate(ratio, ratio * Math.exp(-halfWidth), ratio * Math.exp(halfWidth));
    }

    /**
     * {@code a / b} of two independent ratios, with the interval of their log half-widths added in
     * quadrature ({@code r exp(+- sqrt(h_a^2 + h_b^2))}, the delta method on the log scale, so no
     * bound reaches zero); no interval if either lacks one.
     */
    public static RatioEstimate quotient(RatioEstimate a, RatioEstimate b) {
        if (!a.present() || !b.present() || !(a.value() > 0) || !(b.value() > 0)) {
            return ABSENT;
        }
        double r = a.value() / b.value();
        if (!a.hasInterval() || !b.hasInterval() || !(a.low() > 0) || !(b.low() > 0)) {
            return new RatioEstimate(r, Double.NaN, Double.NaN);
        }
        double ha = Math.log(a.high() / a.low()) / 2;
        double hb = Math.log(b.high() / b.low()) / 2;
        double h = Math.sqrt(ha * ha + hb * hb);
        return new RatioEstimate(r, r * Math.exp(-h), r * Math.exp(h));
    }

    /**
     * {@code numerator.mean / denominator.mean} for two cells of one run: paired by round
     * ({@link PairedRatio}) where both were measured in at least two common rounds, so a drift
     * shared by a round cancels; else {@link #of}. Never for cells of two runs: their round numbers
     * are not the same moments.
     */
    public static RatioEstimate withinRun(SampleStats numerator, SampleStats denominator) {
        long common = numerator.roundMeans().keySet().stream().filter(denominator.roundMeans()::containsKey).count();
        if (common >= 2) {
            return PairedRatio.of(numerator.roundMeans(), denominator.roundMeans(), numerator.level());
        }
        return of(numerator, denominator);
    }

    /** This ratio divided by a constant (efficiency = speedup / cores). */
    public RatioEstimate dividedBy(double divisor) {
        return new RatioEstimate(value / divisor, low / divisor, high / divisor);
    }

    public boolean present() {
        return Double.isFinite(value);
    }

    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
