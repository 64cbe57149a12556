package org.concurrencybench.sweep.plan;

import java.util.Collection;
import java.util.Map;

/**
 * When a sweep in rounds stops (Kalibera &amp; Jones, "Rigorous Benchmarking in Reasonable Time",
 * ISMM 2013: spend repetitions where the variance is). After each round: once at least
 * {@code minRounds} are done and every cell's interval half-width (relative to its mean, over its
 * per-round means) is within {@code precision}, the answer is known; otherwise it goes on until
 * {@code maxRounds}, or until the next round would not fit the budget (0: none), whichever comes
 * first. The budget cuts even the minimum: a run out of time stops.
 *
 * <p>Stopping when the intervals are narrow enough is a sequential test, and looking after every
 * round raises the chance of stopping on an interval that happens to be narrow but misses the
 * truth; {@code docs/report.md} says how much, and why the minimum bounds it.
 *
 * @param precision    the largest relative half-width accepted, e.g. 0.02
 * @param minRounds    rounds always run (a first look runs one round, and has no interval)
 * @param maxRounds    rounds at most
 * @param budgetMillis the whole run's budget in ms, 0 for none
 */
public record StoppingRule(double precision, int minRounds, int maxRounds, long budgetMillis) {

    /** The default target: a cell's mean known to within 2% either side. */
    public static final double DEFAULT_PRECISION = 0.02;
    public static final int DEFAULT_MIN_ROUNDS = 3;

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
        MAX_ROUNDS("the most rounds"),
        BUDGET("the budget");

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
        if (budgetMillis > 0 && elapsedMillis + roundMillis > budgetMillis) {
            return Decision.BUDGET;
        }
        return Decision.CONTINUE;
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
