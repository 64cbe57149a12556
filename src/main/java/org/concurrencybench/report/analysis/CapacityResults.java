package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.ModelOrder;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.input.WorkloadOrder;
import org.concurrencybench.report.stats.SampleStats;

import org.concurrencybench.results.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The capacity scenario of a run ({@code CapacityBenchmark}): batch time against the number of
 * tasks per model and workload, the memory each waiting task costs (JMH's
 * {@code gc.alloc.rate.norm}, bytes per batch, divided by tasks), and the sizes that failed or were
 * skipped (the run's outcomes file); taken from the most cores that ran it. A size without a
 * measurement has no point: it is listed ({@link #notMeasured}) with why, and with its predicted
 * time only where the sweep predicted one.
 */
public record CapacityResults(int cores, List<Point> points, List<Outcome> outcomes) {


    /** One measured size; {@code bytesPerTask} is NaN without the GC profiler's metric. */
    public record Point(String workload, String model, long tasks, SampleStats time, double bytesPerTask) {
    }

    /**
     * Sizes of one model that have no point, for one reason: {@code predictedMillis} beside each
     * size (null entries where nothing was predicted), {@code why} in a few words.
     */
    public record NotMeasured(String model, List<Long> tasks, List<Long> predictedMillis, Outcome.Status status,
                              String why) {
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
                    SampleStats.of(result.primary().forks(), result.rounds(), level), bytesPerTask));
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

    /** The models with at least one measured size of the workload, in palette order. */
    public List<String> measuredModels(String workload) {
        return models(workload).stream().filter(model -> points.stream()
                .anyMatch(p -> p.workload().equals(workload) && p.model().equals(model))).toList();
    }

    /** The workload's sizes without a point, grouped by model and reason, in model then size order. */
    public List<NotMeasured> notMeasured(String workload) {
        Map<List<String>, List<Outcome>> groups = new LinkedHashMap<>();
        outcomes.stream().filter(o -> o.workload().equals(workload))
                .sorted(Comparator.comparing(Outcome::model, ModelOrder.ORDER).thenComparingLong(Outcome::tasks))
                .forEach(o -> groups.computeIfAbsent(List.of(o.model(), o.status().name(), why(o)), key -> new ArrayList<>())
                        .add(o));
        // Stream.toList keeps the nulls of sizes skipped without a prediction
        return groups.entrySet().stream().map(group -> new NotMeasured(group.getKey().get(0),
                group.getValue().stream().map(Outcome::tasks).toList(),
                group.getValue().stream().map(Outcome::predictedMillis).toList(),
                Outcome.Status.valueOf(group.getKey().get(1)), group.getKey().get(2))).toList();
    }

    /** Why a size has no point, without the size itself (so that sizes with one reason group together). */
    static String why(Outcome outcome) {
        String reason = outcome.reason();
        java.util.regex.Matcher limit = java.util.regex.Pattern.compile("over the limit of .*").matcher(reason);
        if (outcome.status() == Outcome.Status.SKIPPED && outcome.predictedMillis() != null && limit.find()) {
            return limit.group();
        }
        java.util.regex.Matcher room = java.util.regex.Pattern.compile("room for about (\\d+)").matcher(reason);
        if (reason.contains(Outcome.CONNECTION_LIMIT) && room.find()) {
            return "more connections than this machine has room for (about " + room.group(1)
                    + ": ephemeral ports, open files)";
        }
        return reason;
    }
}
