package org.concurrencybench.report.compare;

/**
 * How a comparison of runs decides ({@code report --confidence}, {@code --min-change},
 * {@code --run-noise}): the family's confidence level, the noise floor a change must lie beyond,
 * and the run-level term used when a side has one run.
 *
 * @param level     the family's confidence level: 1 - level is the false-coverage rate the
 *                  intervals are adjusted to over every cell of the comparison ({@link RunComparison})
 * @param minChange the noise floor as a fraction (0.02 = 2%), multiplicative: a change is called
 *                  only when the whole interval lies beyond it, "the same" only when within it
 * @param runNoise  the run-level standard deviation (a fraction) a user stated with
 *                  {@code --run-noise}; NaN: {@link #DEFAULT_RUN_NOISE}, unless both sides have
 *                  several runs, which measure it
 */
public record ComparisonSettings(double level, double minChange, double runNoise) {

    /**
     * The default noise floor. An A/A pair in rounds on a quiet 2-core VM (NoiseFloorTest) moved by
     * at most 0.6%, and a planted 5% change came out 3.7-5.4%: 2% lies between with room.
     */
    public static final String DEFAULT_MIN_CHANGE_PERCENT = "2";

    /** {@link #DEFAULT_MIN_CHANGE_PERCENT} as a fraction. */
    public static final double DEFAULT_MIN_CHANGE = Double.parseDouble(DEFAULT_MIN_CHANGE_PERCENT) / 100;

    /**
     * The default run-level standard deviation, in percent of a cell's time: how far a whole run of
     * the same settings on the same machine lies from another, beyond what its rounds show. Measured
     * (RunLevelRatio#pooledRunVariance) on three committed same-settings runs of one 2-vCPU VM made an
     * hour apart, with nothing else running; {@code RunNoiseDefaultTest} lists the runs and
     * recomputes it. A machine of its own needs its own: {@code --run-noise}, or several runs a side.
     */
    public static final String DEFAULT_RUN_NOISE_PERCENT = "1.6";

    /** {@link #DEFAULT_RUN_NOISE_PERCENT} as a fraction. */
    public static final double DEFAULT_RUN_NOISE = Double.parseDouble(DEFAULT_RUN_NOISE_PERCENT) / 100;

    /** The default floor and run-level term at {@code level}. */
    public static ComparisonSettings defaults(double level) {
        return new ComparisonSettings(level, DEFAULT_MIN_CHANGE, Double.NaN);
    }

    /** Whether the user stated the run-level term. */
    public boolean runNoiseGiven() {
        return Double.isFinite(runNoise);
    }
}
