package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.ModelOrder;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.report.input.BenchmarkResult;
import org.concurrencybench.report.input.Metric;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.input.WorkloadOrder;
import org.concurrencybench.report.stats.SampleStats;

import org.concurrencybench.results.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The capacity scenario of a run ({@code CapacityBenchmark}): batch time against the number of
 * tasks per model and workload, the memory each waiting task costs (JMH's
 * {@code gc.alloc.rate.norm}, bytes per batch, divided by tasks), and the sizes that failed or were
 * skipped (the run's outcomes file); taken from the most cores that ran it.
 */
public record CapacityResults(int cores, List<Point> points, List<Outcome> outcomes) {


    /** One measured size; {@code bytesPerTask} is NaN without the GC profiler's metric. */
    public record Point(String workload, String model, long tasks, SampleStats time, double bytesPerTask) {
    }

    public static Optional<CapacityResults> of(RunResults run, double level) {
        Optional<Integer> cores = run.mostCoresWith(BenchmarkClasses.CAPACITY);
        List<Outcome> outcomes = run.outcomes().stream()
                .filter(outcome -> outcome.benchmarkClass().equals(BenchmarkClasses.CAPACITY))
                .filter(outcome -> cores.isEmpty() || outcome.cores() == cores.get()).toList();
        if (cores.isEmpty() && outcomes.isEmpty()) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        for (BenchmarkResult result : cores.map(count -> run.of(BenchmarkClasses.CAPACITY, count)).orElse(List.of())) {
            long tasks = Long.parseLong(result.param("tasks", "0").trim());
            Metric allocation = result.secondaryMetric("gc.alloc.rate.norm");
            double bytesPerTask = allocation == null || tasks == 0 ? Double.NaN : allocation.score() / tasks;
            points.add(new Point(result.param("workload", "?"), result.param("model", "?"), tasks,
                    SampleStats.of(result.primary().samples(), level), bytesPerTask));
        }
        points.sort(Comparator.comparing(Point::workload, WorkloadOrder.GROUPS)
                .thenComparing(Point::model, ModelOrder.ORDER).thenComparingLong(Point::tasks));
        return Optional.of(new CapacityResults(cores.orElseGet(() -> outcomes.get(0).cores()), List.copyOf(points), outcomes));
    }

    public List<String> workloads() {
        List<String> names = new ArrayList<>();
        points.forEach(point -> addOnce(names, point.workload()));
        outcomes.forEach(outcome -> addOnce(names, outcome.workload()));
        names.sort(WorkloadOrder.GROUPS);
        return names;
    }

    public List<String> models(String workload) {
        List<String> names = new ArrayList<>();
        points.stream().filter(p -> p.workload().equals(workload)).forEach(p -> addOnce(names, p.model()));
        outcomes.stream().filter(o -> o.workload().equals(workload)).forEach(o -> addOnce(names, o.model()));
        names.sort(ModelOrder.ORDER);
        return names;
    }

    private static void addOnce(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }
}
