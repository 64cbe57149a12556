package org.concurrencybench.report.analysis;

import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;

/**
 * One workload, model and core count of a run: the batch time with its interval and what follows
 * from it. Speedups are SEQUENTIAL's mean time over this model's ({@link RatioEstimate#ABSENT}
 * without a baseline); efficiency is the speedup over 1-core SEQUENTIAL divided by cores; the
 * Karp-Flatt serial fraction is {@code (1/S - 1/p) / (1 - 1/p)} from that same speedup (NaN at 1
 * core). {@code unreliable} says why the numbers should not be trusted, null when they can be.
 * Every figure of the cell rests on the rounds it shares with its baselines
 * ({@link ScalingAnalysis#cell}); {@code roundsNote} says when that is fewer rounds than the cell
 * ran (its baselines were not rerun with it), null when nothing was cut.
 */
public record ScalingCell(String group, String model, int cores, SampleStats time,
        RatioEstimate speedupSameCores, RatioEstimate speedupOverOneCore, RatioEstimate efficiency,
        double karpFlatt, String unreliable, String roundsNote) {

    /** Batches per second, the throughput the scaling laws are fitted to. */
    public double throughput() {
        return 1000 / time.mean();
    }

    public boolean reliable() {
        return unreliable == null;
    }
}
