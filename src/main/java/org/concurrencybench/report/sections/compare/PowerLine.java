package org.concurrencybench.report.sections.compare;

import java.util.Optional;
import org.concurrencybench.report.compare.DetectableChanges;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.render.Numbers;

/**
 * The comparison's power line, in words: the smallest change its cells would call with 80% power
 * (the run-level term included), or that it can call none when its runs hold one round. The
 * numbers are {@link DetectableChanges}'; each cell's own is in the table.
 */
public final class PowerLine {

    private PowerLine() {
    }

    public static String of(RunComparison comparison) {
        Optional<DetectableChanges> found = DetectableChanges.of(comparison);
        if (found.isEmpty()) {
            return "The runs share no cell to compare.";
        }
        DetectableChanges power = found.get();
        if (power.measurable() == 0) {
            return "One round a side gives no interval: this comparison can call no change at all, however large."
                    + " Compare runs made with --min-rounds 5 (or --full).";
        }
        return "This comparison would call a change of about " + percent(power.median()) + " or more ("
                + spread(power) + "; at " + Math.round(RunComparison.POWER * 100) + "% power, the run-level term"
                + " included)"
                + (power.measurable() < power.cells() ? "; " + (power.cells() - power.measurable())
                + " cells have one round a side and no interval" : "") + ".";
    }

    private static String spread(DetectableChanges power) {
        return power.smallest() == power.largest() ? "every one of " + power.measurable() + " cells"
                : "median over " + power.measurable() + " cells, " + percent(power.smallest()) + " to "
                + percent(power.largest());
    }

    /** A fraction as a percentage with one decimal: a detectable change of 2.4% is not "2%". */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100)
                : Numbers.ABSENT;
    }
}
