package org.concurrencybench.report;

/**
 * A capacity size that did not produce a measurement ({@code outcomes.json}): it failed (e.g. out
 * of memory or threads) or the sweep skipped it because the predicted time was too long.
 */
public record Outcome(int cores, String benchmark, String model, String workload, long tasks,
        String status, String reason, Double predictedMillis) {
}
