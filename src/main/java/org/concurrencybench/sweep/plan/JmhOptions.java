package org.concurrencybench.sweep.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How JMH runs one step's benchmarks, as typed values: forks, warm-up and measured iterations and
 * their lengths, and what a few steps add (the GC profiler and a longer timeout for the capacity
 * sizes, JVM options for the forks of a user's tasks). The plan, its estimate ({@link RunCostModel})
 * and {@code verify} read these fields; the command line is written from them in one place, where
 * JMH is launched ({@code sweep.jmh.JmhArguments}), so nothing parses arguments back.
 *
 * @param forks            JVM forks per benchmark, at least 1
 * @param warmupIterations warm-up iterations per fork, not recorded
 * @param warmupMillis     length of one warm-up iteration
 * @param iterations       measured iterations per fork
 * @param iterationMillis  length of one measured iteration
 * @param gcProfiler       whether JMH's GC profiler runs (allocation per operation)
 * @param timeout          how long one iteration may run before JMH interrupts it; {@link Duration#ZERO}
 *                         keeps JMH's own (10 minutes)
 * @param forkJvmArgs      JVM options placed before the forks' own; empty for none
 */
public record JmhOptions(int forks, int warmupIterations, long warmupMillis, int iterations, long iterationMillis,
                         boolean gcProfiler, Duration timeout, List<String> forkJvmArgs) {

    public JmhOptions {
        if (forks < 1 || warmupIterations < 0 || iterations < 0 || warmupMillis < 0 || iterationMillis < 0) {
            throw new IllegalArgumentException("JMH options: forks at least 1, no negative iterations or lengths; got "
                    + forks + " forks, " + warmupIterations + " x " + warmupMillis + " ms warm-up, " + iterations
                    + " x " + iterationMillis + " ms measured");
        }
        Objects.requireNonNull(timeout, "timeout");
        forkJvmArgs = List.copyOf(forkJvmArgs);
    }

    /** Forks and iterations only: no profiler, JMH's own timeout, no extra fork options. */
    public static JmhOptions of(int forks, int warmupIterations, long warmupMillis, int iterations, long iterationMillis) {
        return new JmhOptions(forks, warmupIterations, warmupMillis, iterations, iterationMillis, false, Duration.ZERO,
                List.of());
    }

    /** The same with JMH's GC profiler on. */
    public JmhOptions withGcProfiler() {
        return new JmhOptions(forks, warmupIterations, warmupMillis, iterations, iterationMillis, true, timeout,
                forkJvmArgs);
    }

    /** The same with an iteration's timeout of {@code timeout}. */
    public JmhOptions withTimeout(Duration timeout) {
        return new JmhOptions(forks, warmupIterations, warmupMillis, iterations, iterationMillis, gcProfiler, timeout,
                forkJvmArgs);
    }

    /** The same with {@code args} before the forks' own JVM options. */
    public JmhOptions withForkJvmArgs(List<String> args) {
        return new JmhOptions(forks, warmupIterations, warmupMillis, iterations, iterationMillis, gcProfiler, timeout,
                args);
    }

    /** How many values JMH records per benchmark: forks times measured iterations. */
    public int samplesPerBenchmark() {
        return forks * iterations;
    }
}
