package org.concurrencybench.report.compare;

import java.util.Optional;

/**
 * What size of change a comparison could call, over its cells: the numbers behind the report's
 * power line. Each cell's own detectable change is {@link ComparisonRow#detectableChange()} (at
 * {@link RunComparison#POWER}, run level included, at the comparison's interval level); a cell
 * without an interval (one round) has none.
 *
 * @param cells      cells compared
 * @param measurable cells with a detectable change
 * @param smallest   the smallest detectable change (a fraction); NaN when none is measurable
 * @param median     their median (the upper one of an even count); NaN when none
 * @param largest    the largest; NaN when none
 */
public record DetectableChanges(int cells, int measurable, double smallest, double median, double largest) {

    /** The comparison's detectable changes; empty when the sides share no cell. */
    public static Optional<DetectableChanges> of(RunComparison comparison) {
        var rows = comparison.rows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        double[] detectable = rows.stream().mapToDouble(ComparisonRow::detectableChange).filter(Double::isFinite)
                .sorted().toArray();
        boolean none = detectable.length == 0;
        return Optional.of(new DetectableChanges(rows.size(), detectable.length,
                none ? Double.NaN : detectable[0], none ? Double.NaN : detectable[detectable.length / 2],
                none ? Double.NaN : detectable[detectable.length - 1]));
    }
}
