package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.SampleStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a JVM start costs on the run's machine ({@code JvmStartBenchmark}: a bare {@code java
 * -version}, a worker without and with its class-data-sharing archive), beside what
 * {@code PROCESS_PER_TASK} paid per task in the same run. The per-task figure comes from the
 * {@code SLEEP} workload, where a task is only its wait: batch time x children at a time / tasks,
 * less the sleep. Taken from the most cores that ran the start-up benchmark, and from the even
 * batch only: a spread, chunked or reordered batch of the same model and workload is another cell.
 */
public record JvmStartResults(int cores, List<Start> starts, Double processPerTaskMillis) {


    /** One kind of start and its time in milliseconds. */
    public record Start(String kind, SampleStats millis) {
    }

    public static Optional<JvmStartResults> of(RunResults run, double level) {
        Optional<Integer> cores = run.mostCoresWith(BenchmarkClasses.JVM_START);
        if (cores.isEmpty()) {
            return Optional.empty();
        }
        List<Start> starts = new ArrayList<>();
        for (BenchmarkResult result : run.of(BenchmarkClasses.JVM_START, cores.get())) {
            starts.add(new Start(result.param("start", result.method()), SampleStats.of(result.primary().forks(), result.rounds(), level)));
        }
        Double perTask = null;
        for (BenchmarkResult result : run.of(BenchmarkClasses.MODEL, cores.get())) {
            if (perTask == null && result.isEvenBatch() && "PROCESS_PER_TASK".equals(result.param("model", ""))
                    && "SLEEP".equals(result.param("workload", ""))) {
                int parallelism = ConvoyResults.parseInt(result.param("parallelism", "0"));
                int children = parallelism == 0 ? cores.get() : parallelism;
                int tasks = Math.max(1, ConvoyResults.parseInt(result.param("tasks", "1")));
                double sleepMillis = ConvoyResults.parseInt(result.param("sleepMicros", "0")) / 1000.0;
                double batchMillis = SampleStats.of(result.primary().samples(), level).mean();
                perTask = batchMillis * Math.min(children, tasks) / tasks - sleepMillis;
            }
        }
        return Optional.of(new JvmStartResults(cores.get(), List.copyOf(starts), perTask));
    }

    /** The bare JVM's start, the yardstick, if it was measured. */
    public Optional<Start> bare() {
        return starts.stream().filter(s -> s.kind().equals("BARE_JVM")).findFirst();
    }
}
