package org.concurrencybench.report.sections;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.results.CpuLayout;

/**
 * Where a model's scaling curve bends at a hardware boundary: the throughput gained per doubling
 * of cores up to the boundary against the gain across it, "scaling drops from 1.9x to 1.3x per
 * doubling where the E-cores join (past 4 (P-cores))". Why: without it, the bend where slower
 * cores, a second cache group or a second socket join reads as the model's own overhead.
 *
 * <p>Only a clear bend is named: the gain before it at least {@link #BEFORE_AT_LEAST} per
 * doubling, and the gain across it at most {@link #DROP_AT_MOST} of that, by the points and by the
 * ends of their intervals ({@link #decided}); the largest drop wins.
 */
final class BoundaryBends {

    /** The gain per doubling before the boundary that makes a bend worth naming. */
    static final double BEFORE_AT_LEAST = 1.2;
    /** The ratio of the gains (across over before) at or under which it is a bend. */
    static final double DROP_AT_MOST = 0.85;

    private BoundaryBends() {
    }

    /** The sentence for the largest bend of {@code cells} (one model, by core count) at a boundary, if any. */
    static Optional<String> of(List<ScalingCell> cells, List<CpuLayout.Boundary> boundaries) {
        String best = null;
        double bestRatio = DROP_AT_MOST;
        for (CpuLayout.Boundary boundary : boundaries) {
            int at = lastAtOrBelow(cells, boundary.cores());
            if (at < 1 || at + 1 >= cells.size()) {
                continue; // needs two counts up to the boundary and one past it
            }
            double before = perDoubling(cells.get(at - 1), cells.get(at));
            double across = perDoubling(cells.get(at), cells.get(at + 1));
            if (before >= BEFORE_AT_LEAST && across / before <= bestRatio
                    && decided(cells.get(at - 1), cells.get(at), cells.get(at + 1))) {
                bestRatio = across / before;
                best = String.format(Locale.ROOT, "scaling drops from %.2gx to %.2gx per doubling where %s (past %d cores,"
                        + " %s)", before, across, boundary.crossing(), boundary.cores(), boundary.name());
            }
        }
        return Optional.ofNullable(best);
    }

    private static int lastAtOrBelow(List<ScalingCell> cells, int cores) {
        int at = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).cores() <= cores) {
                at = i;
            }
        }
        return at;
    }

    /**
     * Whether the intervals carry the bend, not only the points: the gain per doubling before the
     * boundary has its whole interval at or above {@link #BEFORE_AT_LEAST}, and the gain across it
     * stays at or under {@link #DROP_AT_MOST} of the gain before even at the far ends of both
     * intervals (the upper bound across over the lower bound before). Where a cell has no interval,
     * the points alone decide, as before.
     */
    static boolean decided(ScalingCell a, ScalingCell b, ScalingCell c) {
        RatioEstimate before = perDoubling(RatioEstimate.withinRun(a.time(), b.time()), a, b);
        RatioEstimate across = perDoubling(RatioEstimate.withinRun(b.time(), c.time()), b, c);
        if (!before.hasInterval() || !across.hasInterval()) {
            return true;
        }
        return before.low() >= BEFORE_AT_LEAST && across.high() / before.low() <= DROP_AT_MOST;
    }

    private static RatioEstimate perDoubling(RatioEstimate gain, ScalingCell a, ScalingCell b) {
        double power = Math.log(2) / Math.log(b.cores() / (double) a.cores());
        return new RatioEstimate(Math.pow(gain.value(), power), Math.pow(gain.low(), power), Math.pow(gain.high(), power));
    }

    /** Throughput's growth per doubling of cores from {@code a} to {@code b}. */
    static double perDoubling(ScalingCell a, ScalingCell b) {
        double doublings = Math.log(b.cores() / (double) a.cores()) / Math.log(2);
        return Math.pow(b.throughput() / a.throughput(), 1 / doublings);
    }
}
