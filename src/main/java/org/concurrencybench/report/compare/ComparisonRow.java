package org.concurrencybench.report.compare;

import org.concurrencybench.report.analysis.Verdict;
import org.concurrencybench.report.stats.HierarchicalBootstrap;
import org.concurrencybench.report.stats.SampleStats;

/**
 * One model and workload compared between a reference run (A) and another run (B), either at the
 * same core count or each at its most cores. The ratio is B's mean batch time over A's (below 1: B
 * is faster) with its hierarchical-bootstrap interval; the p-value is the exact two-sided
 * Mann-Whitney U on fork means (or on iteration values where a side has too few forks, see
 * {@link RunComparison}), adjusted over the whole comparison.
 *
 * @param a                  A's batch times
 * @param b                  B's batch times
 * @param bootstrap          the ratio and each side's mean, with intervals
 * @param unit               what the test compared: fork means or iteration values
 * @param unitsA             how many of them A had
 * @param unitsB             how many B had
 * @param pValue             exact Mann-Whitney U, two-sided
 * @param pAdjusted          after the comparison's correction for many cells
 * @param detectableChange   the smallest change (a fraction) this cell could call, NaN when none
 * @param verdict            faster, slower, no difference or too few samples to tell
 */
public record ComparisonRow(String group, String model, int coresA, int coresB, SampleStats a, SampleStats b,
        HierarchicalBootstrap.Result bootstrap, TestUnit unit, int unitsA, int unitsB, double pValue,
        double pAdjusted, double detectableChange, Verdict verdict) {

    /** What the Mann-Whitney test ranks. */
    public enum TestUnit {
        FORKS("forks"), ITERATIONS("iterations");

        public final String label;

        TestUnit(String label) {
            this.label = label;
        }
    }

    public boolean mostCores() {
        return coresA != coresB;
    }

    /** B's mean time over A's. */
    public double ratio() {
        return bootstrap.ratio().estimate();
    }

    public double ratioLow() {
        return bootstrap.ratio().low();
    }

    public double ratioHigh() {
        return bootstrap.ratio().high();
    }

    /** B's time against A's in percent (negative: B is faster). */
    public double timeChangePercent() {
        return (ratio() - 1) * 100;
    }

    /** B's throughput per core against A's in percent (positive: B does more per core). */
    public double perCoreChangePercent() {
        return (coresA / (coresB * ratio()) - 1) * 100;
    }

    /** A copy with the adjusted p-value and the verdict that follows from it. */
    ComparisonRow decided(double adjusted, Verdict decided) {
        return new ComparisonRow(group, model, coresA, coresB, a, b, bootstrap, unit, unitsA, unitsB, pValue, adjusted,
                detectableChange, decided);
    }
}
