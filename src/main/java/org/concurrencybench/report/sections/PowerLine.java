package org.concurrencybench.report.sections;

import java.util.Optional;
import org.concurrencybench.report.compare.ComparisonSettings;
import org.concurrencybench.report.compare.DetectableChanges;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.render.Numbers;

/**
 * The comparison's power line, in words: "with N forks per side this comparison can detect changes
 * of about x% or more", or that it can detect none when the samples are too few. The numbers are
 * {@link DetectableChanges}'.
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
        ComparisonSettings settings = comparison.settings();
        String perSide = "With " + power.forksPerSide() + (power.forksPerSide() == 1 ? " fork" : " forks")
                + " per side";
        if (power.measurable() == 0) {
            return perSide + " (tested on " + power.unitsA() + " against " + power.unitsB() + " "
                    + power.unit().label + ") the exact test's smallest possible p is "
                    + Numbers.pValue(power.smallestPossibleP()) + ", above " + settings.alpha() + ": this comparison"
                    + " can detect no change at all, however large. Compare runs made with --min-rounds 5 (or --full).";
        }
        String lone = settings.adjustment().label + " over " + power.testedCells() + " cells: a change seen in one"
                + " cell alone needs p below " + Numbers.pValue(power.loneCellThreshold(settings.alpha()))
                + ", and the smallest p these samples allow is " + Numbers.pValue(power.smallestPossibleP())
                + (power.loneChangeCallable(settings.alpha()) ? "." : ", so a lone change cannot be called; changes"
                + " seen in many cells at once can.");
        return perSide + " this comparison can detect changes of about " + Numbers.percent(power.median())
                + " or more (" + spread(power) + "; at " + Math.round(RunComparison.POWER * 100) + "% power, never"
                + " below the " + Numbers.percent(settings.minChange()) + " noise floor)"
                + (power.measurable() < power.cells() ? "; " + (power.cells() - power.measurable())
                + " cells have too few samples to tell" : "") + ". " + lone;
    }

    private static String spread(DetectableChanges power) {
        return power.smallest() == power.largest() ? "every one of " + power.measurable() + " cells"
                : "median over " + power.measurable() + " cells, " + Numbers.percent(power.smallest()) + " to "
                + Numbers.percent(power.largest());
    }
}
