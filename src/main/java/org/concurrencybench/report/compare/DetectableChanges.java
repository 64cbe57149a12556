package org.concurrencybench.report.compare;

import java.util.Optional;
import org.concurrencybench.report.stats.ExactMannWhitney;

/**
 * What size of change a comparison could detect, over its cells: the numbers behind the report's
 * power line. A cell's detectable change is {@link ComparisonRow#detectableChange()} (at
 * {@link RunComparison#POWER}); cells whose samples are too few to call any change have none.
 *
 * @param cells             cells compared
 * @param forksPerSide      the fewest forks either side of any cell had
 * @param measurable        cells with a detectable change
 * @param smallest          the smallest detectable change (a fraction); NaN when none is measurable
 * @param median            their median (the upper one of an even count); NaN when none
 * @param largest           the largest; NaN when none
 * @param testedCells       cells with a p-value, the count the correction for many cells divides by
 * @param unitsA            what A's first cell was tested on, how many
 * @param unitsB            the same for B
 * @param unit              forks or iterations
 * @param smallestPossibleP the smallest p the exact test can give on that many units
 */
public record DetectableChanges(int cells, int forksPerSide, int measurable, double smallest, double median,
        double largest, int testedCells, int unitsA, int unitsB, ComparisonRow.TestUnit unit,
        double smallestPossibleP) {

    /** The comparison's detectable changes; empty when the runs share no cell. */
    public static Optional<DetectableChanges> of(RunComparison comparison) {
        var rows = comparison.rows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int forks = rows.stream().mapToInt(r -> Math.min(r.a().forks().length, r.b().forks().length)).min().orElse(0);
        double[] detectable = rows.stream().mapToDouble(ComparisonRow::detectableChange).filter(Double::isFinite)
                .sorted().toArray();
        int tested = (int) rows.stream().filter(r -> Double.isFinite(r.pValue())).count();
        ComparisonRow first = rows.get(0);
        boolean none = detectable.length == 0;
        return Optional.of(new DetectableChanges(rows.size(), forks, detectable.length,
                none ? Double.NaN : detectable[0], none ? Double.NaN : detectable[detectable.length / 2],
                none ? Double.NaN : detectable[detectable.length - 1], tested, first.unitsA(), first.unitsB(),
                first.unit(), ExactMannWhitney.smallestPValue(first.unitsA(), first.unitsB())));
    }

    /** The adjusted threshold a change seen in one cell alone must pass: {@code alpha} over the cells tested. */
    public double loneCellThreshold(double alpha) {
        return alpha / testedCells;
    }

    /** Whether these samples can reach {@link #loneCellThreshold}: can a change in one cell alone be called? */
    public boolean loneChangeCallable(double alpha) {
        return smallestPossibleP < loneCellThreshold(alpha);
    }
}
