package org.concurrencybench.report;

/**
 * One model and workload compared between a reference run (A) and another run (B), either at the
 * same core count or each at its most cores. {@code timeChangePercent} is B's batch time against
 * A's (negative: B is faster); {@code perCoreChangePercent} is B's throughput per core against A's
 * (positive: B does more per core). P-values are Mann-Whitney U, two-sided, on the raw values
 * (times; core-milliseconds per batch for the per-core test), and Holm-adjusted over the whole
 * comparison.
 */
public record ComparisonRow(String group, String model, int coresA, int coresB, SampleStats a, SampleStats b,
        double timeChangePercent, double perCoreChangePercent, double pValue, double pPerCore, double pAdjusted,
        double pPerCoreAdjusted) {

    public boolean mostCores() {
        return coresA != coresB;
    }

    /** Whether the (absolute) difference is significant at {@code alpha} after adjustment. */
    public boolean significant(double alpha) {
        return pAdjusted < alpha;
    }
}
