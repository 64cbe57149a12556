package org.concurrencybench.report.compare;

import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.RunLevelRatio;

/**
 * One model and workload compared between side A (the reference: one run or several) and side B,
 * either at the same core count or each at its most cores. The ratio is B's time over A's (below 1:
 * B is faster), from the log ratio of round means with the run level counted
 * ({@link RunLevelRatio}), its interval at the comparison's adjusted level, and the answer that
 * {@link Decision} reads off it against the noise floor.
 *
 * @param meanA            A's mean batch time (ms): the mean of its rounds' means, over its runs
 * @param meanB            B's, likewise
 * @param runsA            how many runs of A hold this cell
 * @param runsB            how many of B
 * @param roundsA          how many rounds A's runs hold in all
 * @param roundsB          how many B's hold
 * @param estimate         the log ratio, its variance (run level included) and degrees of freedom
 * @param ratio            B's time over A's with its interval at the comparison's adjusted level
 * @param decision         slower (higher), faster (lower), the same, or we cannot tell and why
 * @param detectableChange the smallest slowdown (a fraction) this cell would call with
 *                         {@link RunComparison#POWER} power; NaN without an interval
 */
public record ComparisonRow(String group, String model, int coresA, int coresB, double meanA, double meanB,
        int runsA, int runsB, int roundsA, int roundsB, RunLevelRatio.Estimate estimate, RatioEstimate ratio,
        Decision decision, double detectableChange) {

    public boolean mostCores() {
        return coresA != coresB;
    }

    public double ratioLow() {
        return ratio.low();
    }

    public double ratioHigh() {
        return ratio.high();
    }

    /** B's time against A's in percent (negative: B is faster). */
    public double timeChangePercent() {
        return (ratio.value() - 1) * 100;
    }

    /** B's throughput per core against A's in percent (positive: B does more per core). */
    public double perCoreChangePercent() {
        return (coresA / (coresB * ratio.value()) - 1) * 100;
    }

    public boolean slower() {
        return decision.answer() == Decision.Answer.HIGHER;
    }

    public boolean faster() {
        return decision.answer() == Decision.Answer.LOWER;
    }

    public boolean same() {
        return decision.same();
    }

    public boolean cannotTell() {
        return decision.answer() == Decision.Answer.CANNOT_TELL;
    }

    /** The answer in a comparison's words: "slower", "faster", "the same" or "we cannot tell (REASON)". */
    public String answer() {
        return switch (decision.answer()) {
            case HIGHER -> "slower";
            case LOWER -> "faster";
            default -> decision.words();
        };
    }
}
