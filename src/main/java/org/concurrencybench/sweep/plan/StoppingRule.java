package org.concurrencybench.sweep.plan;

import java.util.Collection;
import java.util.Map;

/**
 * When a sweep in rounds stops (Kalibera &amp; Jones, "Rigorous Benchmarking in Reasonable Time",
 * ISMM 2013: spend repetitions where the variance is). After each round: once at least
 * {@code minRounds} are done and every cell's interval half-width (relative to its mean, over its
 * per-round means) is within {@code precision}, the answer is known; otherwise it goes on until
 * {@code maxRounds}, or until the next round would not fit the budget (0: none), whichever comes
 * first. The budget cuts even the minimum: a run out of time stops. A time limit on the rounds past
 * the least ({@code extraRoundsLimitMillis}, 0: none) spends spare time on precision without letting
 * a run that is short of it run on: the least rounds always run, and a round after them starts only
 * if it is expected to end within the limit. That keeps the default command's length predictable
 * (the least rounds are what its plan estimates) while a quiet machine still gets its extra rounds.
 *
 * <p>Rounds go only to cells that can still reach the precision by {@code maxRounds}: a cell whose
 * rounds scatter so much that, at the spread seen so far, even the most rounds would leave its
 * interval wider than the precision is out of reach. It keeps its honest, wide interval and is named
 * short of the precision, and no more rounds are spent on it. The projection scales the half-width by
 * the t quantile and the square root of the rounds: {@code h * t(max-1)/t(n-1) * sqrt(n/max)}. When
 * every cell is within the precision or out of its reach, the run stops.
 *
 * <p>Stopping when the intervals are narrow enough is a sequential test, and looking after every
 * round raises the chance of stopping on an interval that happens to be narrow but misses the
 * truth; {@code docs/report.md} says how much, and why the minimum bounds it.
 *
 * @param precision    the largest relative half-width accepted, e.g. 0.02
 * @param minRounds    rounds always run (a first look runs one round, and has no interval)
 * @param maxRounds    rounds at most
 * @param budgetMillis the whole run's budget in ms, 0 for none
 * @param extraRoundsLimitMillis the time by which a round past the least must be expected to end,
 *                     from the run's start, in ms; 0 for none
 */
public record StoppingRule(double precision, int minRounds, int maxRounds, long budgetMillis,
                           long extraRoundsLimitMillis) {

    /** The default target: a cell's mean known to within 2% either side. */
    public static final double DEFAULT_PRECISION = 0.02;
    public static final int DEFAULT_MIN_ROUNDS = 3;

    /** A rule with no time limit on the rounds past the least. */
    public StoppingRule(double precision, int minRounds, int maxRounds, long budgetMillis) {
        this(precision, minRounds, maxRounds, budgetMillis, 0);
    }

    public StoppingRule {
        if (!(precision > 0)) {
            throw new IllegalArgumentException("--precision " + precision + ": expected a fraction over 0, e.g. 0.02 for 2%");
        }
        if (minRounds < 1) {
            throw new IllegalArgumentException("--min-rounds " + minRounds + ": expected at least 1");
        }
        if (maxRounds < minRounds) {
            throw new IllegalArgumentException("--max-rounds " + maxRounds + ": expected at least --min-rounds (" + minRounds + ")");
        }
    }

    /** Why a sweep stopped after a round, or that it goes on. */
    public enum Decision {
        CONTINUE("goes on"),
        PRECISION("every cell within the precision"),
        OUT_OF_REACH("every cell within the precision or out of its reach by the most rounds"),
        MAX_ROUNDS("the most rounds"),
        BUDGET("the budget"),
        TIME_LIMIT("the time limit on rounds past the least (another would end after it)");

        private final String words;

        Decision(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * The decision after {@code roundsDone} rounds.
     *
     * @param halfWidths    every measured cell's relative half-width so far
     * @param elapsedMillis the run's time so far
     * @param roundMillis   what the next round is expected to take
     */
    public Decision after(int roundsDone, Collection<Double> halfWidths, long elapsedMillis, long roundMillis) {
        if (roundsDone >= minRounds && shortOf(halfWidths) == 0) {
            return Decision.PRECISION;
        }
        if (roundsDone >= maxRounds) {
            return Decision.MAX_ROUNDS;
        }
        if (roundsDone >= minRounds && halfWidths.stream().noneMatch(h -> chased(roundsDone, h))) {
            return Decision.OUT_OF_REACH;
        }
        if (budgetMillis > 0 && elapsedMillis + roundMillis > budgetMillis) {
            return Decision.BUDGET;
        }
        if (roundsDone >= minRounds && extraRoundsLimitMillis > 0 && elapsedMillis + roundMillis > extraRoundsLimitMillis) {
            return Decision.TIME_LIMIT;
        }
        return Decision.CONTINUE;
    }

    /**
     * Whether a cell with half-width {@code halfWidth} after {@code roundsDone} rounds is worth another
     * round: short of the precision, and, at the spread seen so far, within it by {@link #maxRounds}
     * (a cell with no interval yet is always worth one).
     */
    public boolean chased(int roundsDone, double halfWidth) {
        if (halfWidth <= precision) {
            return false;
        }
        if (!Double.isFinite(halfWidth) || roundsDone < 2) {
            return true;
        }
        return projected(halfWidth, roundsDone, maxRounds) <= precision;
    }

    /** The half-width a cell would have after {@code rounds}, at the spread it shows after {@code roundsDone}. */
    static double projected(double halfWidth, int roundsDone, int rounds) {
        return halfWidth * tQuantile(rounds - 1) / tQuantile(roundsDone - 1) * Math.sqrt((double) roundsDone / rounds);
    }

    private static double tQuantile(int degreesOfFreedom) {
        return new org.apache.commons.math3.distribution.TDistribution(degreesOfFreedom)
                .inverseCumulativeProbability(0.975);
    }

    /** The cells worth another round after {@code roundsDone} ({@link #chased}), in the map's order. */
    public <K> java.util.List<K> chasedCells(int roundsDone, Map<K, Double> halfWidths) {
        return halfWidths.entrySet().stream().filter(e -> chased(roundsDone, e.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    /** How many cells are still short of the precision (an interval not yet known counts as short). */
    public int shortOf(Collection<Double> halfWidths) {
        return (int) halfWidths.stream().filter(h -> !(h <= precision)).count();
    }

    /** The cells short of the precision, by name, in the map's order. */
    public <K> java.util.List<K> shortCells(Map<K, Double> halfWidths) {
        return halfWidths.entrySet().stream().filter(e -> !(e.getValue() <= precision)).map(Map.Entry::getKey).toList();
    }
}
