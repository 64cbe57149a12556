package org.concurrencybench.report.input;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * Everything one run folder holds: the machine, JMH's results per core count (ascending), and the
 * capacity sizes that failed or were skipped.
 */
public record RunResults(Path directory, MachineInfo machine, SortedMap<Integer, List<BenchmarkResult>> byCores,
        List<Outcome> outcomes) {

    public String runId() {
        return machine.runId();
    }

    /** The results of one benchmark class (simple name, e.g. {@code ModelBenchmark}) at one core count. */
    public List<BenchmarkResult> of(String benchmarkClass, int cores) {
        return byCores.getOrDefault(cores, List.of()).stream()
                .filter(result -> result.benchmarkClass().equals(benchmarkClass)).toList();
    }

    /** The largest core count with results of the benchmark class; empty when no core count has any. */
    public java.util.Optional<Integer> mostCoresWith(String benchmarkClass) {
        return mostCoresWith(result -> result.benchmarkClass().equals(benchmarkClass));
    }

    /** The largest core count with a result that matches; empty when none does. */
    public java.util.Optional<Integer> mostCoresWith(java.util.function.Predicate<BenchmarkResult> matching) {
        return byCores.entrySet().stream().filter(entry -> entry.getValue().stream().anyMatch(matching))
                .map(java.util.Map.Entry::getKey).max(Integer::compare);
    }

    /** The sizes of the run's even model batches (their {@code tasks} values; 64 where JMH recorded none). */
    public java.util.SortedSet<String> batchSizes() {
        java.util.SortedSet<String> sizes = new java.util.TreeSet<>();
        byCores.values().forEach(results -> results.stream()
                .filter(r -> r.benchmarkClass().equals(BenchmarkClasses.MODEL) && r.isEvenBatch())
                .forEach(r -> sizes.add(r.param("tasks", "64"))));
        return sizes;
    }
}
