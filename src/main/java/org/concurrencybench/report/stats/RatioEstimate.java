package org.concurrencybench.report.stats;

/**
 * A ratio of two means (a speedup: baseline time over model time) with a confidence interval by
 * the delta method: the relative variance of a ratio of independent means is the sum of their
 * relative variances, {@code se(R)/R = sqrt(s_a^2/(n_a a^2) + s_b^2/(n_b b^2))}, and the interval
 * is {@code R +- t * se(R)} with Welch-Satterthwaite degrees of freedom. Good while both
 * intervals are small against their means, which is when a speedup is worth reporting at all.
 */
public record RatioEstimate(double value, double low, double high) {

    public static final RatioEstimate ABSENT = new RatioEstimate(Double.NaN, Double.NaN, Double.NaN);

    /** {@code numerator.mean / denominator.mean}, with an interval at the numerator's level. */
    public static RatioEstimate of(SampleStats numerator, SampleStats denominator) {
        double ratio = numerator.mean() / denominator.mean();
        if (!Double.isFinite(ratio)) {
            return ABSENT;
        }
        if (numerator.n() < 2 || denominator.n() < 2) {
            return new RatioEstimate(ratio, Double.NaN, Double.NaN);
        }
        double va = relativeVarianceOfMean(numerator);
        double vb = relativeVarianceOfMean(denominator);
        double total = va + vb;
        if (total == 0) {
            return new RatioEstimate(ratio, ratio, ratio);
        }
        double df = total * total / (va * va / (numerator.n() - 1) + vb * vb / (denominator.n() - 1));
        double halfWidth = SampleStats.tQuantile(numerator.level(), df) * ratio * Math.sqrt(total);
        return new RatioEstimate(ratio, ratio - halfWidth, ratio + halfWidth);
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

    private static double relativeVarianceOfMean(SampleStats stats) {
        return stats.stdDev() * stats.stdDev() / (stats.n() * stats.mean() * stats.mean());
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
