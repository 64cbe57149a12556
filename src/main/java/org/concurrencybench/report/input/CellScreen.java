package org.concurrencybench.report.input;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Outcome;

/**
 * Screens JMH's results before any statistic sees them. A run folder is input like any other: a
 * cell whose samples are all zero, negative, or 1e308 (a damaged or hand-edited file, a broken
 * timer) would otherwise break a root finder (NoBracketingException) or be published as a
 * negative time with a speedup; a cell listed twice would have two numbers, one of them silently
 * used. Each such cell becomes a FAILED outcome whose reason starts with {@link #NOT_MEASURABLE}
 * and says why; the report lists it among the cells without a number and carries on.
 */
final class CellScreen {

    static final String NOT_MEASURABLE = "not measurable: ";

    /**
     * Above this a sample is not a measurement in any unit the suite writes (ms, us or ns per op,
     * ops per second): 1e12 ms is 31 years. It also keeps sums of samples far from overflowing.
     */
    static final double MAX_SAMPLE = 1e12;

    /** More raw samples than this in one cell is not a JMH run of this suite; the statistics would not end. */
    static final int MAX_SAMPLES_PER_CELL = 100_000;

    private CellScreen() {
    }

    /** The outcomes of the cells of one core count's results that must not be reported as numbers. */
    static List<Outcome> screen(int cores, List<BenchmarkResult> results, Path file) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        results.forEach(result -> counts.merge(key(result), 1, Integer::sum));
        Map<String, Boolean> said = new HashMap<>();
        for (BenchmarkResult result : results) {
            String key = key(result);
            int count = counts.get(key);
            String why = count > 1 ? count + " results for one cell in " + file.getFileName() + " (a cell is measured once)"
                    : degenerate(result);
            if (why != null && said.putIfAbsent(key, true) == null) {
                outcomes.add(new Outcome(cores, result.benchmark(), result.params(), Outcome.Status.FAILED,
                        NOT_MEASURABLE + why, null));
            }
        }
        return outcomes;
    }

    private static String key(BenchmarkResult result) {
        return result.benchmark() + new java.util.TreeMap<>(result.params());
    }

    /** Why one result's samples cannot be a measurement, or null. */
    static String degenerate(BenchmarkResult result) {
        Metric metric = result.primary();
        return degenerate(metric.samples(), !"thrpt".equals(result.mode()), metric.unit());
    }

    /**
     * Why these samples (a time per op unless {@code time} is false) cannot be a measurement, or
     * null: JMH's and CPython's numbers pass this one screen, so every reader of a run agrees.
     */
    static String degenerate(double[] samples, boolean time, String unit) {
        if (samples.length > MAX_SAMPLES_PER_CELL) {
            return samples.length + " samples, over the report's limit of " + MAX_SAMPLES_PER_CELL + " per cell";
        }
        String units = unit == null || unit.isEmpty() ? "" : " " + unit;
        for (double sample : samples) {
            if (Double.isNaN(sample)) {
                return "a sample that is not a number";
            }
            if (sample < 0) {
                return "a negative sample (" + sample + units + ")";
            }
            if (time && sample == 0) {
                return "a time of zero" + units + " (no batch takes no time)";
            }
            if (sample > MAX_SAMPLE) {
                return "a sample of " + sample + units + ", beyond any real measurement (over " + MAX_SAMPLE + ")";
            }
        }
        return null;
    }
}
