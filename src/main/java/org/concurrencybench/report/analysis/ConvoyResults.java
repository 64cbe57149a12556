package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.ModelOrder;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.SharedRounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The convoy scenario of a run ({@code ConvoyBenchmark}): I/O round trips per second beside
 * {@code cpuThreads} CPU-bound neighbours, per model and GIL switch interval, taken from the most
 * cores that ran it (the convoy effect is a multicore effect).
 */
public record ConvoyResults(int cores, List<Point> points) {


    /**
     * One measurement: {@code series} names the line it belongs to (model, switch interval, and
     * the benchmark method when there are several).
     */
    public record Point(String model, String series, int cpuThreads, SampleStats roundTripsPerSecond) {
    }

    public static Optional<ConvoyResults> of(RunResults run, double level) {
        Optional<Integer> cores = run.mostCoresWith(BenchmarkClasses.CONVOY);
        if (cores.isEmpty()) {
            return Optional.empty();
        }
        List<BenchmarkResult> results = run.of(BenchmarkClasses.CONVOY, cores.get());
        boolean severalMethods = results.stream().map(BenchmarkResult::method).distinct().count() > 1;
        List<Point> points = new ArrayList<>();
        for (BenchmarkResult result : results) {
            String model = result.param("model", "?");
            // Free threads ignore the switch interval: their series is named by the model alone.
            String interval = "THREAD_PER_TASK".equals(model) ? null : result.param("switchIntervalMicros", null);
            String series = model + (interval == null ? "" : ", switch " + interval + " \u00b5s")
                    + (severalMethods ? " (" + result.method() + ")" : "");
            int cpuThreads = parseInt(result.param("cpuThreads", "0"));
            points.add(new Point(model, series, cpuThreads, SampleStats.of(result.primary().forks(), result.rounds(), level)));
        }
        points.sort(Comparator.comparing(Point::model, ModelOrder.ORDER).thenComparing(Point::series)
                .thenComparingInt(Point::cpuThreads));
        return Optional.of(new ConvoyResults(cores.get(), cutToAlone(points)));
    }

    /**
     * Each point beside CPU-bound threads cut to the rounds it shares with its series' run alone
     * ({@link SharedRounds}), which its slowdown divides by: the figures printed and the slowdown
     * rest on the same rounds.
     */
    private static List<Point> cutToAlone(List<Point> points) {
        return points.stream().map(point -> point.cpuThreads() == 0 ? point : points.stream()
                .filter(alone -> alone.cpuThreads() == 0 && alone.series().equals(point.series())).findFirst()
                .map(alone -> new Point(point.model(), point.series(), point.cpuThreads(),
                        SharedRounds.pair(point.roundTripsPerSecond(), alone.roundTripsPerSecond()).numerator()))
                .orElse(point)).toList();
    }

    static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The series names in order, each once. */
    public List<String> seriesNames() {
        return points.stream().map(Point::series).distinct().toList();
    }
}
