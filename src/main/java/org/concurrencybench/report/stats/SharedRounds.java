package org.concurrencybench.report.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where a cell of a run meets the cells it is divided by (a speedup's SEQUENTIAL, the
 * GIL's FIXED_POOL, a convoy's run alone): all of them are cut to the rounds every one of them ran,
 * and only then are times printed and ratios taken. A sweep reruns a chased cell in later rounds; a
 * run made before the sweep reran its baselines with it (or a baseline that was not rerun) leaves
 * the cell with rounds its baseline lacks. A ratio paired by round can use only the rounds both
 * have, so a time that kept the others would be printed beside a ratio it does not produce: a slow
 * extra round moves the time and not the ratio. Cut first, every figure of the pair comes from the
 * same moments, and a time divided by its baseline's gives the ratio (exactly, where each round's
 * ratio is the same; otherwise within the spread of the per-round ratios).
 */
public final class SharedRounds {

    private SharedRounds() {
    }

    /** Two cells cut to the rounds both ran, and their ratio paired by round ({@link RatioEstimate#withinRun}). */
    public record Pair(SampleStats numerator, SampleStats denominator) {

        public RatioEstimate ratio() {
            return RatioEstimate.withinRun(numerator, denominator);
        }
    }

    /**
     * The rounds every given cell ran (nulls ignored); empty, so that {@link SampleStats#onRounds}
     * keeps everything, where a cell has no rounds (a run from before rounds) or the cells share none.
     */
    public static Set<Integer> of(SampleStats... cells) {
        Set<Integer> shared = null;
        for (SampleStats cell : Arrays.stream(cells).filter(Objects::nonNull).toList()) {
            if (cell.roundMeans().isEmpty()) {
                return Set.of();
            }
            if (shared == null) {
                shared = new TreeSet<>(cell.roundMeans().keySet());
            } else {
                shared.retainAll(cell.roundMeans().keySet());
            }
        }
        return shared == null ? Set.of() : Set.copyOf(shared);
    }

    /** {@code numerator} and {@code denominator} on the rounds both ran. */
    public static Pair pair(SampleStats numerator, SampleStats denominator) {
        Set<Integer> rounds = of(numerator, denominator);
        return new Pair(numerator.onRounds(rounds), denominator.onRounds(rounds));
    }
}
