package org.concurrencybench.sweep.plan;

import java.time.Duration;

/**
 * How the sweep writes a duration for people: "45s", "3m07s", "1h05m". One place, so the plan, the
 * budget, the capacity limits and the progress line read alike.
 */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
